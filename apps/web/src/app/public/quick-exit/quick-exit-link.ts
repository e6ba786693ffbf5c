import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { QUICK_EXIT_URL, QuickExit } from './quick-exit';

/**
 * A real link to the neutral site, so it still works if a script fails; with scripts it also
 * clears the form and replaces this page in the history.
 */
@Component({
  selector: 'sg-quick-exit-link',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<a class="quick-exit" [href]="url" rel="noreferrer" (click)="exit($event)">Quick exit</a>`,
})
export class QuickExitLink {
  private readonly quickExit = inject(QuickExit);
  protected readonly url = QUICK_EXIT_URL;

  protected exit(event: MouseEvent): void {
    event.preventDefault();
    this.quickExit.exit();
  }
}
