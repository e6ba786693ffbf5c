import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { CaseFactsView, FieldError } from '@sg/contracts';
import { LANGUAGE_NAMES } from '@sg/domain';
import { finalize } from 'rxjs';
import { applyServerErrors, controlErrors, validationErrors } from '../../ui/http-errors';
import {
  AGE_BAND_LABELS,
  CONTENT_POSTED_LABELS,
  DEMAND_LABELS,
  INTAKE_CHANNEL_LABELS,
  PRIORITY_LABELS,
  SELF_HARM_LABELS,
  SUBMITTER_LABELS,
  countryName,
  labelFor,
} from '../../ui/labels';
import { I18n } from '../../../system/i18n/i18n';
import { TranslatePipe } from '../../../system/i18n/translate.pipe';
import { CaseConflict, CaseStore } from '../case-store';
import { FactDifference, FactsFormValue, factDifferences, factsChange, factsFormValue, labelIn, rebaseFactsForm, yesNoIn } from './facts-form';
import { WhenPipe } from '../../ui/when';
import { CASE_FACT_WORDS, FactField, FactsFields } from './facts-fields';
import { PlatformPipe } from '../../ui/platform-pipe';

/** The version and facts the form was filled from: what a save is based on. */
interface FormBase {
  version: number;
  facts: CaseFactsView;
}

/**
 * The facts from the intake; the ones that move priority or the plan can be corrected here
 * (triage runs again, the plan follows). A save is based on the version the form was filled
 * from: if a colleague changed the case meanwhile, the server refuses it, and the form keeps
 * what this person typed and says what the colleague changed.
 */
@Component({
  selector: 'sg-facts-section',
  imports: [TranslatePipe, PlatformPipe, WhenPipe, ReactiveFormsModule, MatButton, RouterLink, FactsFields],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './section.scss',
  templateUrl: './facts-section.html',
})
export class FactsSection {
  private readonly store = inject(CaseStore);
  private readonly i18n = inject(I18n);
  protected readonly detail = this.store.detail;
  protected readonly facts = computed(() => this.detail()?.facts ?? null);
  /** The language the person reads: messages to them are best written in it (their nudges are). */
  protected readonly language = computed(() => this.detail()?.language ?? null);
  protected readonly languageNames = LANGUAGE_NAMES;
  protected readonly labels = { AGE_BAND_LABELS, CONTENT_POSTED_LABELS, INTAKE_CHANNEL_LABELS, SELF_HARM_LABELS, SUBMITTER_LABELS };
  protected readonly labelFor = (labels: Readonly<Record<string, string>>, code: string | null | undefined) => labelIn(this.i18n, labels, code);
  protected readonly yesNo = (value: boolean | null) => yesNoIn(this.i18n, value);
  protected readonly countryName = (code: string) => countryName(code, this.i18n.language());
  /** Where in the case an identifier was recorded ("from platforms, from evidence"). */
  protected readonly sourcesText = (sources: readonly string[]) => sources.map((source) => this.i18n.t(`staff.identifiers.sources.${source}`)).join(', ');
  protected readonly demands = computed(
    () => (this.facts()?.demands ?? []).map((demand) => this.i18n.t(labelFor(DEMAND_LABELS, demand))).join(', ') || this.i18n.t('staff.case.common.notGiven'),
  );
  protected readonly factWords = CASE_FACT_WORDS;
  protected readonly factFields: readonly FactField[] = [
    'ageBand',
    'contentMadeUnder18',
    'selfHarm',
    'immediateDanger',
    'deadlineAt',
    'contentPosted',
    'stillInContact',
    'paid',
  ];

  protected readonly form = inject(FormBuilder).nonNullable.group<FactsFormValue>({
    ageBand: 'unknown',
    contentMadeUnder18: '',
    selfHarm: 'prefer_not_to_say',
    immediateDanger: 'no',
    deadlineAt: '',
    contentPosted: 'unknown',
    stillInContact: '',
    paid: '',
  });
  protected readonly saving = signal(false);
  protected readonly problems = signal<FieldError[]>([]);
  /** A save was refused because someone else changed the case first: what they changed. */
  protected readonly conflict = signal<FactDifference[] | null>(null);
  protected readonly error = controlErrors();
  private readonly base = signal<FormBase | null>(null);
  /** Facts a colleague changed while this form was being edited (shown before saving). */
  protected readonly changedMeanwhile = computed(() => {
    const base = this.base();
    const facts = this.facts();
    const detail = this.detail();
    if (!base || !facts || !detail || detail.version === base.version) return [];
    return factDifferences(base.facts, facts, this.i18n.translator());
  });

  constructor() {
    // Show the case's current facts in the form, unless the person is in the middle of editing:
    // then the form, and the version it is based on, stay as they were.
    effect(() => {
      const detail = this.detail();
      if (!detail || untracked(() => this.form.dirty)) return;
      untracked(() => this.fill(detail.version, detail.facts));
    });
  }

  protected save(): void {
    const base = this.base();
    if (!base) return;
    const change = factsChange(base.facts, this.form.getRawValue());
    if (Object.keys(change).length === 0) {
      this.problems.set([{ path: '', message: this.i18n.t('staff.case.facts.nothingChanged') }]);
      return;
    }
    this.problems.set([]);
    this.saving.set(true);
    this.store
      .updateFrom(base.version, change, this.i18n.t('staff.case.facts.saved'))
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (detail) => {
          this.conflict.set(null);
          this.fill(detail.version, detail.facts);
          this.problems.set([
            { path: '', message: this.i18n.t('staff.case.facts.savedPriority', { priority: this.i18n.t(PRIORITY_LABELS[detail.priority]) }) },
          ]);
        },
        error: (error: unknown) => {
          if (error instanceof CaseConflict) {
            // Keep what the person typed; the next save is based on what they have now seen.
            this.conflict.set(factDifferences(base.facts, error.current.facts, this.i18n.translator()));
            this.form.setValue(rebaseFactsForm(this.form.getRawValue(), base.facts, error.current.facts));
            this.form.markAsDirty();
            this.base.set({ version: error.current.version, facts: error.current.facts });
            return;
          }
          this.problems.set(applyServerErrors(this.form, validationErrors(error) ?? []));
        },
      });
  }

  protected discard(): void {
    const detail = this.detail();
    if (detail) this.fill(detail.version, detail.facts);
    this.conflict.set(null);
    this.problems.set([]);
  }

  private fill(version: number, facts: CaseFactsView): void {
    this.form.reset(factsFormValue(facts));
    this.base.set({ version, facts });
  }
}
