import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MAX_NARRATIVE_LENGTH } from '../../contracts/public-contract';
import { countryOptions } from '../../country/country';
import { describedBy, FieldError, fieldId } from '../../ui/field-error';
import { CharacterCount } from '../../ui/character-count';
import { LinkRows } from '../../ui/link-rows';
import { PlatformRows } from '../../ui/platform-rows';
import { IntakeWizard } from '../intake-wizard';

/** Step 4: the country, where the person threatening them is, and links to anything posted. */
@Component({
  selector: 'sg-where-step',
  imports: [ReactiveFormsModule, FieldError, PlatformRows, LinkRows, CharacterCount],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './where-step.html',
})
export class WhereStep {
  protected readonly wizard = inject(IntakeWizard);
  protected readonly group = this.wizard.form.controls.where;
  protected readonly countries = countryOptions();
  protected readonly countryId = fieldId('where.country');
  protected readonly narrativeId = fieldId('where.narrative');
  protected readonly maxNarrative = MAX_NARRATIVE_LENGTH;
  protected readonly describedBy = describedBy;
}
