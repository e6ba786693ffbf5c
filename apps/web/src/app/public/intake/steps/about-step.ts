import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { TranslatePipe } from '../../../system/i18n/translate.pipe';
import { SubmitterAnswer } from '../intake-answers';
import { IntakeWizard } from '../intake-wizard';

/** Step 1: who is filling this in, their age now, and their age when the pictures were made. */
@Component({
  selector: 'sg-about-step',
  imports: [ReactiveFormsModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './about-step.html',
})
export class AboutStep {
  protected readonly wizard = inject(IntakeWizard);
  protected readonly group = this.wizard.form.controls.about;

  /** Each is said by `person.intake.about.submitter.<answer>`. */
  protected readonly submitters: readonly SubmitterAnswer[] = ['victim', 'parent_or_guardian', 'trusted_adult', 'not_said'];
}
