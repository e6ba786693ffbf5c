import { TEXT_LIMITS } from '@sg/contracts';
import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import type { FieldError, TakedownCreate, TakedownView } from '@sg/contracts';
import { TAKEDOWN_CHANNELS, TakedownChannel, TakedownStatus } from '@sg/domain';
import { TAKEDOWN_CHANNEL_LABELS, TAKEDOWN_STATUS_LABELS } from '../../ui/labels';
import { finalize } from 'rxjs';
import { applyServerErrors, controlErrors, validationErrors } from '../../ui/http-errors';
import { TranslatePipe } from '../../../system/i18n/translate.pipe';
import { I18n } from '../../../system/i18n/i18n';
import { CaseWorkStore } from '../case-work-store';
import { takedownActions } from './lifecycle-actions';
import { LedgerColumn, LedgerDate, LedgerReference, LedgerStatusNote, LedgerWords, LifecycleLedger } from './lifecycle-ledger';
import { PlatformPipe } from '../../ui/platform-pipe';

const TONE: Readonly<Record<TakedownStatus, string>> = {
  draft: 'quiet',
  submitted: 'active',
  acknowledged: 'active',
  removed: 'good',
  rejected: 'bad',
  escalated: 'active',
  reappeared: 'bad',
};

/**
 * Takedown requests: one per URL or account per platform. Addresses are shown as text, never
 * as links: a caseworker should not open intimate content by accident.
 */
@Component({
  selector: 'sg-takedowns-section',
  imports: [
    LifecycleLedger,
    LedgerColumn,
    LedgerStatusNote,
    PlatformPipe,
    TranslatePipe,
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatInput,
    MatSelect,
    MatOption,
    MatError,
    MatHint,
    MatButton,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrls: ['./section.scss', './work-table.scss'],
  templateUrl: './takedowns-section.html',
})
export class TakedownsSection {
  protected readonly work = inject(CaseWorkStore);
  private readonly i18n = inject(I18n);
  protected readonly state = this.work.takedowns;
  protected readonly channels = TAKEDOWN_CHANNELS.map((value) => ({ value, label: TAKEDOWN_CHANNEL_LABELS[value] }));
  protected readonly channelLabels = TAKEDOWN_CHANNEL_LABELS;
  protected readonly statusLabels = TAKEDOWN_STATUS_LABELS;
  protected readonly tone = TONE;
  protected readonly actions = takedownActions;
  protected readonly words: LedgerWords = {
    titleId: 'takedowns-title',
    title: 'staff.case.takedowns.title',
    hint: 'staff.case.takedowns.hint',
    loading: 'staff.case.takedowns.loading',
    empty: 'staff.case.takedowns.empty',
    finished: 'staff.case.takedowns.finished',
    updateStatusOf: 'staff.case.takedowns.updateStatusOf',
  };
  protected readonly ticket: LedgerReference<TakedownView> = {
    header: 'staff.case.takedowns.ticket',
    label: 'staff.case.takedowns.ticket',
    errorName: 'staff.case.takedowns.ticket',
    none: 'staff.case.takedowns.noneYet',
    add: 'staff.case.takedowns.add',
    addFor: 'staff.case.takedowns.addTicketFor',
    editFor: 'staff.case.takedowns.editTicketFor',
    maxLength: TEXT_LIMITS.ticketNumber,
    value: (takedown) => takedown.ticketNumber,
    save: (takedown, value) =>
      this.work.updateTakedown(
        takedown,
        { ticketNumber: value || null },
        value ? this.i18n.t('staff.case.takedowns.ticketSaved', { ticket: value }) : this.i18n.t('staff.case.takedowns.ticketRemoved'),
      ),
  };
  protected readonly dates = (t: TakedownView): LedgerDate[] => [
    { key: 'staff.case.takedowns.opened', at: t.createdAt },
    { key: 'staff.case.takedowns.submitted', at: t.submittedAt },
    { key: 'staff.case.common.acknowledged', at: t.acknowledgedAt },
    { key: 'staff.case.takedowns.removed', at: t.removedAt },
    { key: 'staff.case.takedowns.rejected', at: t.rejectedAt },
    { key: 'staff.case.takedowns.escalated', at: t.escalatedAt },
    { key: 'staff.case.takedowns.reappearedAt', at: t.reappearedAt },
  ];
  protected readonly named = (takedown: TakedownView) => ({ platform: takedown.platform });
  protected readonly error = controlErrors();
  /** Reset through the directive too, so a filed form does not show "required" on its empty fields. */
  private readonly formDirective = viewChild(FormGroupDirective);
  protected readonly saving = signal(false);
  protected readonly problems = signal<FieldError[]>([]);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    platform: ['', [Validators.required, Validators.maxLength(TEXT_LIMITS.platform)]],
    url: ['', [Validators.required, Validators.maxLength(TEXT_LIMITS.url)]],
    channel: ['platform_form' as TakedownChannel, Validators.required],
    ticketNumber: ['', Validators.maxLength(TEXT_LIMITS.ticketNumber)],
  });

  protected earlier(takedown: TakedownView): TakedownView | undefined {
    return takedown.previousRequestId ? this.state().items?.find((row) => row.id === takedown.previousRequestId) : undefined;
  }

  protected setStatus(takedown: TakedownView, status: TakedownStatus): void {
    const done =
      status === 'reappeared'
        ? this.i18n.t('staff.case.takedowns.reappeared', { platform: takedown.platform })
        : this.i18n.t('staff.case.takedowns.statusNow', { platform: takedown.platform, status: this.i18n.t(TAKEDOWN_STATUS_LABELS[status]) });
    this.work.updateTakedown(takedown, { status }, done).subscribe({ error: (error: unknown) => this.work.sayProblems(error) });
  }

  protected submit(): void {
    this.problems.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const body: TakedownCreate = { platform: value.platform.trim(), url: value.url.trim(), channel: value.channel };
    if (value.ticketNumber.trim()) body.ticketNumber = value.ticketNumber.trim();
    this.saving.set(true);
    this.work
      .fileTakedown(body)
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: () => {
          const directive = this.formDirective();
          if (directive) directive.resetForm();
          else this.form.reset();
        },
        error: (error: unknown) => this.problems.set(applyServerErrors(this.form, validationErrors(error) ?? [])),
      });
  }
}
