import { ChangeDetectionStrategy, Component, DOCUMENT, ElementRef, Injector, afterNextRender, effect, inject, viewChild } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { CrisisContacts } from '../../resources/crisis-contacts';
import { TranslatePipe } from '../../../system/i18n/translate.pipe';
import { IntakeWizard } from '../intake-wizard';

/**
 * Step 2: is the person safe. The moment they say they might hurt themselves or are in danger,
 * crisis contacts appear right here, before anything is sent.
 */
@Component({
  selector: 'sg-safety-step',
  imports: [ReactiveFormsModule, CrisisContacts, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './safety-step.html',
})
export class SafetyStep {
  protected readonly wizard = inject(IntakeWizard);
  protected readonly group = this.wizard.form.controls.safety;
  private readonly panel = viewChild<ElementRef<HTMLElement>>('crisisPanel');

  constructor() {
    const injector = inject(Injector);
    const window = inject(DOCUMENT).defaultView;
    // On a phone the panel opens below the fold: bring it into view the moment it appears
    // (screen readers hear it through role="alert"). Not when the screen opens with it already shown.
    let shown = this.wizard.showCrisis();
    effect(() => {
      const show = this.wizard.showCrisis();
      if (show && !shown) {
        const smooth = !window?.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
        afterNextRender(() => this.panel()?.nativeElement.scrollIntoView?.({ block: 'start', behavior: smooth ? 'smooth' : 'auto' }), {
          injector,
        });
      }
      shown = show;
    });
  }
}
