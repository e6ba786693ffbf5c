import { ReportAgencyKind, ReportStatus, present } from '@sg/domain';
import { EntityManager } from 'typeorm';

/** A `case_report` row, every column (migration 1764100000000). */
export interface ReportRow {
  id: string;
  case_id: string;
  agency_kind: ReportAgencyKind;
  agency_name: string;
  /** The agency's reference for the report, once it gave one. */
  reference_number: string | null;
  status: ReportStatus;
  filed_at: Date | null;
  acknowledged_at: Date | null;
  /** When the agency actioned it or decided on no action. */
  closed_at: Date | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

/** A report as it is shown: the row and who created it. */
export interface ReportListRow extends ReportRow {
  created_by_name: string | null;
}

/** A report as the follow-up planner needs it. */
export interface ReportPlanningRow {
  id: string;
  status: ReportStatus;
  filed_at: Date | null;
  reference_number: string | null;
}

/** What a change to a report sets; a key left out is left alone. */
export interface ReportChange {
  /** The new status; its timestamp column is set the first time it is reached. */
  status?: ReportStatus;
  referenceNumber?: string | null;
}

/** The timestamp column each status sets when it is reached. */
const STATUS_TIMESTAMP: Partial<Record<ReportStatus, string>> = {
  filed: 'filed_at',
  acknowledged: 'acknowledged_at',
  actioned: 'closed_at',
  no_action: 'closed_at',
};

/** The reports matching `where` with their creator's name, oldest first. */
function listWhere(manager: EntityManager, where: 'r.case_id = $1' | 'r.id = $1', params: unknown[]): Promise<ReportListRow[]> {
  return manager.query<ReportListRow[]>(
    `SELECT r.*, u.display_name AS created_by_name FROM case_report r LEFT JOIN staff_user u ON u.id = r.created_by WHERE ${where} ORDER BY r.created_at, r.id`,
    params,
  );
}

/** Report SQL: reports to agencies, their lifecycle moves, and what the follow-up planner reads. */
export const reportRepository = {
  /** A case's reports with their creator's name, oldest first. */
  listForCase(manager: EntityManager, caseId: string): Promise<ReportListRow[]> {
    return listWhere(manager, `r.case_id = $1`, [caseId]);
  },

  /** One report with its creator's name; null when there is none with that id. */
  async listed(manager: EntityManager, reportId: string): Promise<ReportListRow | null> {
    return (await listWhere(manager, `r.id = $1`, [reportId]))[0] ?? null;
  },

  /** Adds a report, `filed` when it has a filing time and `drafted` otherwise; answers its id. */
  async insert(
    manager: EntityManager,
    report: { caseId: string; agencyKind: ReportAgencyKind; agencyName: string; referenceNumber: string | null; filedAt: string | null; createdBy: string },
  ): Promise<string> {
    const [row] = await manager.query<Array<{ id: string }>>(
      `INSERT INTO case_report (case_id, agency_kind, agency_name, reference_number, status, filed_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [report.caseId, report.agencyKind, report.agencyName, report.referenceNumber, report.filedAt ? 'filed' : 'drafted', report.filedAt, report.createdBy],
    );
    return present(row, 'the new report row').id;
  },

  /** A report locked for a change (its transaction holds it until commit); null when there is none with that id. */
  async lock(manager: EntityManager, reportId: string): Promise<ReportRow | null> {
    const rows = await manager.query<ReportRow[]>(`SELECT * FROM case_report WHERE id = $1 FOR UPDATE`, [reportId]);
    return rows[0] ?? null;
  },

  /**
   * Applies a change: the status (stamping the status's timestamp the first time it is reached)
   * and the agency's reference, each only when given. Nothing given: nothing is written.
   */
  async update(manager: EntityManager, reportId: string, change: ReportChange): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [reportId];
    if (change.status !== undefined) {
      sets.push(`status = $${params.push(change.status)}`);
      const stamp = STATUS_TIMESTAMP[change.status];
      if (stamp) sets.push(`${stamp} = COALESCE(${stamp}, now())`);
    }
    if (change.referenceNumber !== undefined) sets.push(`reference_number = $${params.push(change.referenceNumber)}`);
    if (!sets.length) return;
    await manager.query(`UPDATE case_report SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
  },

  /** A case's reports as the follow-up planner needs them. */
  listForPlanning(manager: EntityManager, caseId: string): Promise<ReportPlanningRow[]> {
    return manager.query<ReportPlanningRow[]>(`SELECT id, status, filed_at, reference_number FROM case_report WHERE case_id = $1`, [caseId]);
  },
};
