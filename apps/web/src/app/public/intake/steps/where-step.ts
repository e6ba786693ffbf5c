import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MAX_NARRATIVE_LENGTH } from '../../contracts/public-contract';
import { countryOptions } from '../../country/country';
import { describedBy, FieldError, fieldId } from '../../ui/field-error';
import { CharacterCount } from '../../ui/character-count';
import { LinkRows } from '../../ui/link-rows';
import { PlatformRows } from '../../ui/platform-rows';
import { I18n } from '../../../system/i18n/i18n';
import { TranslatePipe } from '../../../system/i18n/translate.pipe';
import { IntakeWizard } from '../intake-wizard';

/** Step 4: the country, where the person threatening them is, and links to anything posted. */
@Component({
  selector: 'sg-where-step',
  imports: [ReactiveFormsModule, FieldError, PlatformRows, LinkRows, CharacterCount, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './where-step.html',
})
export class WhereStep {
  protected readonly wizard = inject(IntakeWizard);
  protected readonly group = this.wizard.form.controls.where;
  private readonly i18n = inject(I18n);
  /** Country names in the page's language, sorted the way that language sorts. */
  protected readonly countries = computed(() => countryOptions(this.i18n.language()));
  protected readonly countryId = fieldId('where.country');
  protected readonly narrativeId = fieldId('where.narrative');
  protected readonly maxNarrative = MAX_NARRATIVE_LENGTH;
  protected readonly describedBy = describedBy;
}
