import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ReportCreate, ReportUpdate, ReportView } from '@sg/contracts';
import { allowedReportTransitions, caseRecordChangeProblem, ReportStatus, reportTransitionProblem } from '@sg/domain';
import { DataSource, EntityManager } from 'typeorm';
import { StaffPrincipal } from '../auth/staff-principal';
import { assertMayWorkCase } from '../cases/case-access-policy';
import { loadCaseState } from '../cases/case-detail.reader';
import { notifyCaseChange } from '../cases/case-notifier';
import { recordCaseChange } from '../cases/record-case-change';
import { recordAudit } from '../audit/record-audit';
import { FollowUpScheduler } from '../follow-ups/follow-up-scheduler.service';

const STATUS_TIMESTAMP: Partial<Record<ReportStatus, string>> = {
  filed: 'filed_at',
  acknowledged: 'acknowledged_at',
  actioned: 'closed_at',
  no_action: 'closed_at',
};

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

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
    private readonly followUps: FollowUpScheduler,
  ) {}

  async list(staff: StaffPrincipal, caseId: string): Promise<ReportView[]> {
    const state = await loadCaseState(this.dataSource.manager, caseId, false);
    assertMayWorkCase(staff, state.assigneeId);
    // Every read of a case's parts is logged, like the case itself: one row per request.
    await recordAudit(this.dataSource.manager, { actorId: staff.id, action: 'reports.read', caseId });
    return this.read(this.dataSource.manager, `r.case_id = $1`, [caseId]);
  }

  async create(staff: StaffPrincipal, caseId: string, input: ReportCreate): Promise<ReportView> {
    return this.followUps.transaction(this.dataSource, async (manager, replan) => {
      const state = await loadCaseState(manager, caseId, true);
      assertMayWorkCase(staff, state.assigneeId);
      assertMayChange(state.status, 'add');
      const [row] = await manager.query(
        `INSERT INTO case_report (case_id, agency_kind, agency_name, reference_number, status, filed_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [caseId, input.agencyKind, input.agencyName, input.referenceNumber ?? null, input.filedAt ? 'filed' : 'drafted', input.filedAt ?? null, staff.id],
      );
      await recordCaseChange(manager, staff, caseId,
        { kind: 'report_added', data: { reportId: row.id, agencyName: input.agencyName } },
        { action: 'report.created', after: { reportId: row.id, ...input } });
      await replan(caseId);
      await notifyCaseChange(manager, 'case.updated', { ...state, id: caseId });
      return (await this.read(manager, `r.id = $1`, [row.id]))[0];
    });
  }

  async update(staff: StaffPrincipal, reportId: string, change: ReportUpdate): Promise<ReportView> {
    return this.followUps.transaction(this.dataSource, async (manager, replan) => {
      const [current] = await manager.query(`SELECT * FROM case_report WHERE id = $1 FOR UPDATE`, [reportId]);
      if (!current) throw new NotFoundException('No report with that id');
      const state = await loadCaseState(manager, current.case_id, true);
      assertMayWorkCase(staff, state.assigneeId);
      assertMayChange(state.status, 'update');
      const sets: string[] = [];
      const params: unknown[] = [reportId];
      if (change.status !== undefined && change.status !== current.status) {
        const problem = reportTransitionProblem(current.status, change.status);
        if (problem) throw new ConflictException(problem);
        sets.push(`status = $${params.push(change.status)}`);
        const stamp = STATUS_TIMESTAMP[change.status];
        if (stamp) sets.push(`${stamp} = COALESCE(${stamp}, now())`);
      }
      if (change.referenceNumber !== undefined) sets.push(`reference_number = $${params.push(change.referenceNumber)}`);
      if (sets.length) {
        await manager.query(`UPDATE case_report SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
        await recordCaseChange(manager, staff, current.case_id,
          { kind: 'report_updated', data: { reportId, agencyName: current.agency_name, from: current.status, to: change.status ?? current.status } },
          {
            action: 'report.updated',
            before: { status: current.status, referenceNumber: current.reference_number },
            after: { status: change.status ?? current.status, referenceNumber: change.referenceNumber !== undefined ? change.referenceNumber : current.reference_number },
          });
        await replan(current.case_id);
        await notifyCaseChange(manager, 'case.updated', { ...state, id: current.case_id });
      }
      return (await this.read(manager, `r.id = $1`, [reportId]))[0];
    });
  }

  private async read(manager: EntityManager, where: string, params: unknown[]): Promise<ReportView[]> {
    const rows = await manager.query(
      `SELECT r.*, u.display_name AS created_by_name FROM case_report r LEFT JOIN staff_user u ON u.id = r.created_by WHERE ${where} ORDER BY r.created_at, r.id`,
      params,
    );
    return rows.map((r: Record<string, never>) => ({
      id: r['id'],
      caseId: r['case_id'],
      agencyKind: r['agency_kind'],
      agencyName: r['agency_name'],
      referenceNumber: r['reference_number'],
      status: r['status'],
      allowedTransitions: [...allowedReportTransitions(r['status'])],
      filedAt: iso(r['filed_at']),
      acknowledgedAt: iso(r['acknowledged_at']),
      closedAt: iso(r['closed_at']),
      createdAt: iso(r['created_at']) as string,
      createdBy: r['created_by'] ? { id: r['created_by'], displayName: r['created_by_name'] } : null,
    }));
  }
}
