import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { IntakeWizard } from '../intake-wizard';

/** Step 1: who is filling this in, their age now, and their age when the pictures were made. */
@Component({
  selector: 'sg-about-step',
  imports: [ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './about-step.html',
})
export class AboutStep {
  protected readonly wizard = inject(IntakeWizard);
  protected readonly group = this.wizard.form.controls.about;

  protected readonly submitters = [
    { value: 'victim', label: 'Me. This is happening to me.' },
    { value: 'parent_or_guardian', label: 'I am a parent or carer of the person it is happening to.' },
    { value: 'trusted_adult', label: 'I am helping someone else, like a friend or a pupil.' },
    { value: 'not_said', label: 'I would rather not say.' },
  ] as const;
}
