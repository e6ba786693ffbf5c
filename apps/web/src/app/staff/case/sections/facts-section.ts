import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import type { CaseUpdate, FieldError } from '@sg/contracts';
import { CONTENT_POSTED_ANSWERS, ContentPostedAnswer } from '@sg/domain';
import { finalize } from 'rxjs';
import { applyServerErrors, controlError, validationErrors } from '../../ui/http-errors';
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
  yesNo,
} from '../../ui/labels';
import { CaseStore } from '../case-store';
import { fromDateTimeLocal, fromTriState, toDateTimeLocal, toTriState } from './datetime-local';
import { WhenPipe } from '../../ui/when';

/** The facts from the intake; the ones that move priority can be corrected here (triage runs again). */
@Component({
  selector: 'sg-facts-section',
  imports: [WhenPipe, ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatSelect, MatOption, MatError, MatHint, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './section.scss',
  templateUrl: './facts-section.html',
})
export class FactsSection {
  private readonly store = inject(CaseStore);
  protected readonly detail = this.store.detail;
  protected readonly facts = computed(() => this.detail()?.facts ?? null);
  protected readonly labels = { AGE_BAND_LABELS, CONTENT_POSTED_LABELS, INTAKE_CHANNEL_LABELS, SELF_HARM_LABELS, SUBMITTER_LABELS };
  protected readonly labelFor = labelFor;
  protected readonly yesNo = yesNo;
  protected readonly countryName = countryName;
  protected readonly demands = computed(() => (this.facts()?.demands ?? []).map((demand) => labelFor(DEMAND_LABELS, demand)).join(', ') || 'Not given');
  protected readonly contentPostedOptions = CONTENT_POSTED_ANSWERS.map((value) => ({ value, label: CONTENT_POSTED_LABELS[value] }));

  protected readonly form = inject(FormBuilder).nonNullable.group({
    deadlineAt: '',
    contentPosted: 'unknown' as ContentPostedAnswer,
    stillInContact: '' as '' | 'yes' | 'no',
    paid: '' as '' | 'yes' | 'no',
  });
  protected readonly saving = signal(false);
  protected readonly problems = signal<FieldError[]>([]);
  protected readonly error = controlError;

  constructor() {
    // Show the case's current facts in the form, unless the person is in the middle of editing.
    effect(() => {
      const facts = this.facts();
      if (!facts || untracked(() => this.form.dirty)) return;
      this.form.reset({
        deadlineAt: toDateTimeLocal(facts.deadlineAt),
        contentPosted: (CONTENT_POSTED_ANSWERS as readonly string[]).includes(facts.contentPosted) ? (facts.contentPosted as ContentPostedAnswer) : 'unknown',
        stillInContact: toTriState(facts.stillInContact),
        paid: toTriState(facts.paid),
      });
    });
  }

  protected save(): void {
    const facts = this.facts();
    if (!facts) return;
    const value = this.form.getRawValue();
    const change: Omit<CaseUpdate, 'version'> = {};
    const deadlineAt = fromDateTimeLocal(value.deadlineAt);
    if (toDateTimeLocal(deadlineAt) !== toDateTimeLocal(facts.deadlineAt)) change.deadlineAt = deadlineAt;
    if (value.contentPosted !== facts.contentPosted) change.contentPosted = value.contentPosted;
    if (fromTriState(value.stillInContact) !== facts.stillInContact) change.stillInContact = fromTriState(value.stillInContact);
    if (fromTriState(value.paid) !== facts.paid) change.paid = fromTriState(value.paid);
    if (Object.keys(change).length === 0) {
      this.problems.set([{ path: '', message: 'Nothing has changed.' }]);
      return;
    }
    this.problems.set([]);
    this.saving.set(true);
    this.store
      .update(change, 'Facts saved; triage ran again.')
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (detail) => {
          this.form.markAsPristine();
          this.problems.set([{ path: '', message: `Saved. Priority is now ${PRIORITY_LABELS[detail.priority]}.` }]);
        },
        error: (error: unknown) => this.problems.set(applyServerErrors(this.form, validationErrors(error) ?? [])),
      });
  }

  protected discard(): void {
    this.form.markAsPristine();
    const facts = this.facts();
    if (facts) {
      this.form.reset({
        deadlineAt: toDateTimeLocal(facts.deadlineAt),
        contentPosted: facts.contentPosted as ContentPostedAnswer,
        stillInContact: toTriState(facts.stillInContact),
        paid: toTriState(facts.paid),
      });
    }
    this.problems.set([]);
  }
}
