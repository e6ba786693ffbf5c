import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { DEMANDS } from '@sg/domain';
import { describedBy, FieldError, fieldId } from '../../ui/field-error';
import { I18n } from '../../../system/i18n/i18n';
import { TranslatePipe } from '../../../system/i18n/translate.pipe';
import { IntakeWizard } from '../intake-wizard';

/** Step 3: what the person threatening them wants, by when, and what has happened so far. */
@Component({
  selector: 'sg-happening-step',
  imports: [ReactiveFormsModule, FieldError, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './happening-step.html',
})
export class HappeningStep {
  protected readonly wizard = inject(IntakeWizard);
  protected readonly group = this.wizard.form.controls.happening;
  protected readonly deadlineId = fieldId('happening.deadline');
  protected readonly describedBy = describedBy;
  protected readonly language = inject(I18n).language;

  /** Each is said by `person.intake.happening.demand.<demand>`. */
  protected readonly demands = DEMANDS;
}
