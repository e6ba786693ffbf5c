import { TEXT_LIMITS } from '@sg/contracts';
import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatDialog } from '@angular/material/dialog';
import type { FieldError, ReportCreate, ReportView } from '@sg/contracts';
import { REPORT_AGENCY_KINDS, ReportAgencyKind, ReportStatus, findDuplicateReport } from '@sg/domain';
import { REPORT_AGENCY_KIND_LABELS, REPORT_STATUS_LABELS } from '../../ui/labels';
import { finalize } from 'rxjs';
import { applyServerErrors, controlErrors, validationErrors } from '../../ui/http-errors';
import { confirmAction } from '../../ui/confirm-dialog';
import { TranslatePipe } from '../../../system/i18n/translate.pipe';
import { I18n } from '../../../system/i18n/i18n';
import { CaseWorkStore } from '../case-work-store';
import { fromDateTimeLocal } from './datetime-local';
import { reportActions } from './lifecycle-actions';
import { LedgerColumn, LedgerDate, LedgerReference, LedgerWords, LifecycleLedger, oldestFirst } from './lifecycle-ledger';

const TONE: Readonly<Record<ReportStatus, string>> = {
  drafted: 'quiet',
  filed: 'active',
  acknowledged: 'active',
  actioned: 'good',
  no_action: 'bad',
};

/**
 * Reports to the police, a cybercrime unit, the CyberTipline or a platform. The agency's
 * reference often arrives weeks later: follow-ups keep running until it is recorded.
 */
@Component({
  selector: 'sg-reports-section',
  imports: [
    LifecycleLedger,
    LedgerColumn,
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
  templateUrl: './reports-section.html',
})
export class ReportsSection {
  private readonly dialog = inject(MatDialog);
  protected readonly work = inject(CaseWorkStore);
  private readonly i18n = inject(I18n);
  protected readonly state = this.work.reports;
  protected readonly kinds = REPORT_AGENCY_KINDS.map((value) => ({ value, label: REPORT_AGENCY_KIND_LABELS[value] }));
  protected readonly kindLabels = REPORT_AGENCY_KIND_LABELS;
  protected readonly statusLabels = REPORT_STATUS_LABELS;
  protected readonly tone = TONE;
  protected readonly actions = reportActions;
  protected readonly words: LedgerWords = {
    titleId: 'reports-title',
    title: 'staff.case.reports.title',
    hint: 'staff.case.reports.hint',
    loading: 'staff.case.reports.loading',
    empty: 'staff.case.reports.empty',
    finished: 'staff.case.reports.finished',
    updateStatusOf: 'staff.case.reports.updateStatusOf',
  };
  protected readonly agencyReference: LedgerReference<ReportView> = {
    header: 'staff.case.reports.reference',
    label: 'staff.case.reports.agencyReference',
    errorName: 'staff.case.reports.reference',
    none: 'staff.case.reports.notKnownYet',
    add: 'staff.case.reports.recordReference',
    addFor: 'staff.case.reports.recordReferenceOf',
    editFor: 'staff.case.reports.editReferenceOf',
    maxLength: TEXT_LIMITS.referenceNumber,
    value: (report) => report.referenceNumber,
    save: (report, value) =>
      this.work.updateReport(
        report,
        { referenceNumber: value || null },
        value ? this.i18n.t('staff.case.reports.referenceSaved', { reference: value }) : this.i18n.t('staff.case.reports.referenceRemoved'),
      ),
  };
  protected readonly dates = (r: ReportView): LedgerDate[] => [
    { key: 'staff.case.reports.recorded', at: r.createdAt },
    { key: 'staff.case.reports.filed', at: r.filedAt },
    { key: 'staff.case.common.acknowledged', at: r.acknowledgedAt },
    { key: 'staff.case.reports.answered', at: r.closedAt },
  ];
  protected readonly named = (report: ReportView) => ({ agency: report.agencyName });
  protected readonly error = controlErrors();
  /** Reset through the directive too, so a filed form does not show "required" on its empty fields. */
  private readonly formDirective = viewChild(FormGroupDirective);
  protected readonly saving = signal(false);
  protected readonly problems = signal<FieldError[]>([]);

  protected readonly form = inject(FormBuilder).nonNullable.group({
    agencyKind: ['police' as ReportAgencyKind, Validators.required],
    agencyName: ['', [Validators.required, Validators.maxLength(TEXT_LIMITS.agencyName)]],
    referenceNumber: ['', Validators.maxLength(TEXT_LIMITS.referenceNumber)],
    filedAt: '',
  });

  protected setStatus(report: ReportView, status: ReportStatus): void {
    this.work
      .updateReport(
        report,
        { status },
        this.i18n.t('staff.case.reports.statusNow', { agency: report.agencyName, status: this.i18n.t(REPORT_STATUS_LABELS[status]) }),
      )
      .subscribe({ error: (error: unknown) => this.work.sayProblems(error) });
  }

  protected submit(): void {
    this.problems.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const body: ReportCreate = { agencyKind: value.agencyKind, agencyName: value.agencyName.trim() };
    if (value.referenceNumber.trim()) body.referenceNumber = value.referenceNumber.trim();
    const filedAt = fromDateTimeLocal(value.filedAt);
    if (filedAt) body.filedAt = filedAt;
    const twin = findDuplicateReport(oldestFirst(this.state().items), body);
    if (!twin) return this.file(body);
    // Filing the same report twice is usually a slip, sometimes a second incident: ask, do not refuse.
    confirmAction(this.dialog, {
      title: this.i18n.t('staff.case.reports.duplicateTitle'),
      message: this.i18n.t(twin.referenceNumber ? 'staff.case.reports.duplicateWithReference' : 'staff.case.reports.duplicate', {
        agency: twin.agencyName,
        kind: this.i18n.t(REPORT_AGENCY_KIND_LABELS[twin.agencyKind]),
        reference: twin.referenceNumber ?? '',
        status: this.i18n.t(REPORT_STATUS_LABELS[twin.status]),
      }),
      confirm: this.i18n.t('staff.case.reports.duplicateConfirm'),
    }).subscribe((confirmed) => {
      if (confirmed) this.file(body);
    });
  }

  private file(body: ReportCreate): void {
    this.saving.set(true);
    this.work
      .fileReport(body)
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
