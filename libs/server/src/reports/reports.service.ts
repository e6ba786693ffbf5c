import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ReportCreate, ReportUpdate, ReportView } from '@sg/contracts';
import { allowedReportTransitions, caseRecordChangeProblem, reportTransitionProblem, found } from '@sg/domain';
import { DataSource, EntityManager } from 'typeorm';
import { StaffPrincipal } from '../auth/staff-principal';
import { assertMayWorkCase } from '../case-core/case-access-policy';
import { loadCaseState } from '../case-core/case-state';
import { notifyCaseChange } from '../case-core/case-notifier';
import { recordCaseChange } from '../case-core/record-case-change';
import { recordAudit } from '../audit/record-audit';
import { CaseFollowUps } from '../case-core/case-follow-ups';
import { ReportChange, ReportListRow, reportRepository } from './report.repository';

/** An instant as ISO text; a column that cannot be null gives text, never null. */
function iso(value: Date): string;
function iso(value: Date | null): string | null;
function iso(value: Date | null): string | null {
  return value ? new Date(value).toISOString() : null;
}

function assertMayChange(status: Parameters<typeof caseRecordChangeProblem>[0], change: 'add' | 'update'): void {
  const problem = caseRecordChangeProblem(status, change, 'report');
  if (problem) throw new ConflictException(problem);
}

/**
 * Reports to police, cybercrime units, the CyberTipline or a platform. Follow-ups run from the
 * filing until the agency's reference is recorded or it acknowledges the report.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly followUps: CaseFollowUps,
  ) {}

  async list(staff: StaffPrincipal, caseId: string): Promise<ReportView[]> {
    const state = await loadCaseState(this.dataSource.manager, caseId, false);
    assertMayWorkCase(staff, state.assigneeId);
    // Every read of a case's parts is logged, like the case itself: one row per request.
    await recordAudit(this.dataSource.manager, { actorId: staff.id, action: 'reports.read', caseId });
    return (await reportRepository.listForCase(this.dataSource.manager, caseId)).map(toView);
  }

  async create(staff: StaffPrincipal, caseId: string, input: ReportCreate): Promise<ReportView> {
    return this.followUps.transaction(this.dataSource, async (manager, replan) => {
      const state = await loadCaseState(manager, caseId, true);
      assertMayWorkCase(staff, state.assigneeId);
      assertMayChange(state.status, 'add');
      const reportId = await reportRepository.insert(manager, {
        caseId,
        agencyKind: input.agencyKind,
        agencyName: input.agencyName,
        referenceNumber: input.referenceNumber ?? null,
        filedAt: input.filedAt ?? null,
        createdBy: staff.id,
      });
      await recordCaseChange(
        manager,
        staff,
        caseId,
        { kind: 'report_added', data: { reportId, agencyName: input.agencyName } },
        { action: 'report.created', after: { reportId, ...input } },
      );
      await replan(caseId);
      await notifyCaseChange(manager, 'case.updated', { ...state, id: caseId });
      return this.view(manager, reportId);
    });
  }

  async update(staff: StaffPrincipal, reportId: string, change: ReportUpdate): Promise<ReportView> {
    return this.followUps.transaction(this.dataSource, async (manager, replan) => {
      const current = await reportRepository.lock(manager, reportId);
      if (!current) throw new NotFoundException('No report with that id');
      const state = await loadCaseState(manager, current.case_id, true);
      assertMayWorkCase(staff, state.assigneeId);
      assertMayChange(state.status, 'update');
      const update: ReportChange = {};
      if (change.status !== undefined && change.status !== current.status) {
        const problem = reportTransitionProblem(current.status, change.status);
        if (problem) throw new ConflictException(problem);
        update.status = change.status;
      }
      if (change.referenceNumber !== undefined) update.referenceNumber = change.referenceNumber;
      if (update.status !== undefined || update.referenceNumber !== undefined) {
        await reportRepository.update(manager, reportId, update);
        await recordCaseChange(
          manager,
          staff,
          current.case_id,
          { kind: 'report_updated', data: { reportId, agencyName: current.agency_name, from: current.status, to: change.status ?? current.status } },
          {
            action: 'report.updated',
            before: { status: current.status, referenceNumber: current.reference_number },
            after: {
              status: change.status ?? current.status,
              referenceNumber: change.referenceNumber !== undefined ? change.referenceNumber : current.reference_number,
            },
          },
        );
        await replan(current.case_id);
        await notifyCaseChange(manager, 'case.updated', { ...state, id: current.case_id });
      }
      return this.view(manager, reportId);
    });
  }

  /** One report as it is shown; it exists (the caller created or changed it in this transaction). */
  private async view(manager: EntityManager, reportId: string): Promise<ReportView> {
    return toView(found(await reportRepository.listed(manager, reportId), `report ${reportId}`));
  }
}

function toView(r: ReportListRow): ReportView {
  return {
    id: r.id,
    caseId: r.case_id,
    agencyKind: r.agency_kind,
    agencyName: r.agency_name,
    referenceNumber: r.reference_number,
    status: r.status,
    allowedTransitions: [...allowedReportTransitions(r.status)],
    filedAt: iso(r.filed_at),
    acknowledgedAt: iso(r.acknowledged_at),
    closedAt: iso(r.closed_at),
    createdAt: iso(r.created_at),
    createdBy: r.created_by ? { id: r.created_by, displayName: r.created_by_name ?? '' } : null,
  };
}
