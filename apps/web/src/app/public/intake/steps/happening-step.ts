import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { describedBy, FieldError, fieldId } from '../../ui/field-error';
import { IntakeWizard } from '../intake-wizard';

/** Step 3: what the person threatening them wants, by when, and what has happened so far. */
@Component({
  selector: 'sg-happening-step',
  imports: [ReactiveFormsModule, FieldError],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './happening-step.html',
})
export class HappeningStep {
  protected readonly wizard = inject(IntakeWizard);
  protected readonly group = this.wizard.form.controls.happening;
  protected readonly deadlineId = fieldId('happening.deadline');
  protected readonly describedBy = describedBy;

  protected readonly demands = [
    { value: 'money', label: 'Money, gift cards or crypto' },
    { value: 'more_images', label: 'More pictures or videos' },
    { value: 'meeting', label: 'To meet up' },
    { value: 'relationship', label: 'To keep talking, or to be in a relationship' },
    { value: 'other', label: 'Something else' },
  ] as const;
}
