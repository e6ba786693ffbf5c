import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MAX_ALIAS_LENGTH } from '../../contracts/public-contract';
import { describedBy, FieldError, fieldId } from '../../ui/field-error';
import { TranslatePipe } from '../../../system/i18n/translate.pipe';
import { IntakeWizard } from '../intake-wizard';

/** Step 5: whether and how we may reach them, and their consent. */
@Component({
  selector: 'sg-contact-step',
  imports: [ReactiveFormsModule, FieldError, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './contact-step.html',
})
export class ContactStep {
  protected readonly wizard = inject(IntakeWizard);
  protected readonly group = this.wizard.form.controls.contact;
  protected readonly maxAlias = MAX_ALIAS_LENGTH;
  protected readonly describedBy = describedBy;
  protected readonly ids = {
    alias: fieldId('contact.alias'),
    value: fieldId('contact.value'),
    safeTimes: fieldId('contact.safeTimes'),
    storeData: fieldId('contact.storeData'),
    contactMe: fieldId('contact.contactMe'),
  };

  protected readonly channel = computed(() => this.wizard.answers().contact.channel);
  protected readonly valueField = computed(() => {
    switch (this.channel()) {
      case 'email':
        return { label: 'person.intake.contact.email', type: 'email', autocomplete: 'email', inputmode: 'email' };
      case 'phone':
      case 'sms':
        return { label: 'person.intake.contact.phone', type: 'tel', autocomplete: 'tel', inputmode: 'tel' };
      default:
        return null;
    }
  });
}
