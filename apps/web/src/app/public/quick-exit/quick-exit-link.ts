import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { QUICK_EXIT_URL, QuickExit } from './quick-exit';

/**
 * A real link to the neutral site, so it still works if a script fails; with scripts it also
 * clears the form and replaces this page in the history. Only its words change with the
 * language: the page it goes to and what it does are the same in every one.
 */
@Component({
  selector: 'sg-quick-exit-link',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<a class="quick-exit" [href]="url" rel="noreferrer" (click)="exit($event)">{{ 'person.quickExit.link' | t }}</a>`,
})
export class QuickExitLink {
  private readonly quickExit = inject(QuickExit);
  protected readonly url = QUICK_EXIT_URL;

  protected exit(event: MouseEvent): void {
    event.preventDefault();
    this.quickExit.exit();
  }
}
