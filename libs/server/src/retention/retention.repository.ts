import { EntityManager } from 'typeorm';
import { present, found } from '@sg/domain';

/** The organisation's retention choice; `closedCaseDays` and `updatedAt` null while never saved. */
export interface RetentionSettingsRow {
  organisationId: string;
  closedCaseDays: number | null;
  updatedAt: Date | null;
}

export interface LegalHoldRow {
  /** Plain only on a row written before reasons were sealed; else null and `reasonSealed` holds it. */
  reason: string | null;
  reasonSealed: Buffer | null;
  placedAt: Date;
  placedById: string | null;
  placedByName: string | null;
}

/** A case the purge has taken, and why. */
export interface ExpiredCaseRow {
  id: string;
  reason: 'retention' | 'person_request';
}

export interface DeletionRequestRow {
  requestedAt: Date;
  executeAfter: Date;
}

/** A case as the retention rules see it: whether it exists, and whether it is held. */
export interface RetentionCaseRow {
  id: string;
  assigneeId: string | null;
  onHold: boolean;
}

/** What one purge batch removed, by count only. */
export interface PurgeBatchRow {
  cases: number;
  byRetention: number;
  byRequest: number;
  messages: number;
  evidence: number;
  notes: number;
  takedowns: number;
  reports: number;
}

const SETTINGS = `r.closed_case_days AS "closedCaseDays", r.updated_at AS "updatedAt"`;

/** Every statement about retention, legal holds, the person's deletion requests and the purge. */
export const retentionRepository = {
  /** The retention of the organisation this member of staff belongs to. Undefined if the account is gone. */
  async settingsForStaff(manager: EntityManager, staffId: string): Promise<RetentionSettingsRow | undefined> {
    const rows = await manager.query<RetentionSettingsRow[]>(
      `SELECT s.organisation_id AS "organisationId", ${SETTINGS}
         FROM staff_user s LEFT JOIN organisation_retention r ON r.organisation_id = s.organisation_id
        WHERE s.id = $1`,
      [staffId],
    );
    return rows[0];
  },

  /** The retention of the organisation running this installation (the first created): what the purge applies. */
  async settingsForInstallation(manager: EntityManager): Promise<RetentionSettingsRow | undefined> {
    const rows = await manager.query<RetentionSettingsRow[]>(
      `SELECT o.id AS "organisationId", ${SETTINGS}
         FROM organisation o LEFT JOIN organisation_retention r ON r.organisation_id = o.id
        ORDER BY o.created_at, o.id LIMIT 1`,
    );
    return rows[0];
  },

  async saveSettings(manager: EntityManager, organisationId: string, closedCaseDays: number | null, updatedBy: string): Promise<RetentionSettingsRow> {
    const rows = await manager.query<RetentionSettingsRow[]>(
      `INSERT INTO organisation_retention AS r (organisation_id, closed_case_days, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (organisation_id) DO UPDATE SET closed_case_days = EXCLUDED.closed_case_days, updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING r.organisation_id AS "organisationId", ${SETTINGS}`,
      [organisationId, closedCaseDays, updatedBy],
    );
    return present(rows[0], 'the saved retention settings');
  },

  /**
   * The case, locked like every change to a case (FOR NO KEY UPDATE), so a hold or a deletion
   * request and a running purge (FOR UPDATE ... SKIP LOCKED) never cross. Null if there is none.
   */
  async lockCase(manager: EntityManager, caseId: string): Promise<RetentionCaseRow | null> {
    const [row] = await manager.query<RetentionCaseRow[]>(
      `SELECT c.id, c.assignee_id AS "assigneeId", EXISTS (SELECT 1 FROM case_legal_hold h WHERE h.case_id = c.id) AS "onHold"
         FROM support_case c WHERE c.id = $1 FOR NO KEY UPDATE OF c`,
      [caseId],
    );
    return row ?? null;
  },

  async hold(manager: EntityManager, caseId: string): Promise<LegalHoldRow | null> {
    const [row] = await manager.query<LegalHoldRow[]>(
      `SELECT h.reason, h.reason_sealed AS "reasonSealed", h.placed_at AS "placedAt", h.placed_by AS "placedById", s.display_name AS "placedByName"
         FROM case_legal_hold h LEFT JOIN staff_user s ON s.id = h.placed_by WHERE h.case_id = $1`,
      [caseId],
    );
    return row ?? null;
  },

  /** Places the hold; false when the case was already on hold (nothing changed). */
  async placeHold(manager: EntityManager, caseId: string, reasonSealed: Buffer, staffId: string): Promise<boolean> {
    const rows = await manager.query<Array<{ caseId: string }>>(
      `INSERT INTO case_legal_hold (case_id, reason_sealed, placed_by) VALUES ($1, $2, $3) ON CONFLICT (case_id) DO NOTHING RETURNING case_id AS "caseId"`,
      [caseId, reasonSealed, staffId],
    );
    return rows.length === 1;
  },

  /** Releases the hold; the reason it was placed for (plain or sealed, as stored), or null when there was none. */
  async releaseHold(manager: EntityManager, caseId: string): Promise<{ reason: string | null; reasonSealed: Buffer | null } | null> {
    // In a CTE: TypeORM answers a bare DELETE with [rows, count], a SELECT with the rows.
    const rows = await manager.query<Array<{ reason: string | null; reasonSealed: Buffer | null }>>(
      `WITH gone AS (DELETE FROM case_legal_hold WHERE case_id = $1 RETURNING reason, reason_sealed) SELECT reason, reason_sealed AS "reasonSealed" FROM gone`,
      [caseId],
    );
    return rows[0] ?? null;
  },

  async deletionRequest(manager: EntityManager, caseId: string): Promise<DeletionRequestRow | null> {
    const [row] = await manager.query<DeletionRequestRow[]>(
      `SELECT requested_at AS "requestedAt", execute_after AS "executeAfter" FROM case_deletion_request WHERE case_id = $1`,
      [caseId],
    );
    return row ?? null;
  },

  /** Records the request (a second request keeps the first one's date); answers it and whether it is new. */
  async requestDeletion(manager: EntityManager, caseId: string, coolingOffDays: number): Promise<DeletionRequestRow & { created: boolean }> {
    const rows = await manager.query<DeletionRequestRow[]>(
      `INSERT INTO case_deletion_request (case_id, execute_after) VALUES ($1, now() + make_interval(days => $2))
       ON CONFLICT (case_id) DO NOTHING RETURNING requested_at AS "requestedAt", execute_after AS "executeAfter"`,
      [caseId, coolingOffDays],
    );
    if (rows[0]) return { ...rows[0], created: true };
    const existing = found(await this.deletionRequest(manager, caseId), `the deletion request of case ${caseId}`);
    return { ...existing, created: false };
  },

  /** Cancels the request; false when there was none. */
  async cancelDeletion(manager: EntityManager, caseId: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(`WITH gone AS (DELETE FROM case_deletion_request WHERE case_id = $1 RETURNING 1) SELECT 1 FROM gone`, [caseId]);
    return rows.length === 1;
  },

  /**
   * Takes (locks) up to `limit` cases that have expired: every case not on legal hold whose
   * person's deletion request is past its cooling-off, and (when `retentionDays` is set) every
   * resolved or closed case whose last activity (the case row, its timeline or its conversation)
   * is older than that. Cases locked by a change in flight are skipped (the next run takes them),
   * so two runs at once purge each case once. Purge them with `purgeCases` in the same transaction.
   */
  lockExpired(manager: EntityManager, retentionDays: number | null, limit: number): Promise<ExpiredCaseRow[]> {
    return manager.query<ExpiredCaseRow[]>(
      `SELECT c.id, CASE WHEN d.execute_after <= now() THEN 'person_request' ELSE 'retention' END AS reason
         FROM support_case c LEFT JOIN case_deletion_request d ON d.case_id = c.id
        WHERE NOT EXISTS (SELECT 1 FROM case_legal_hold h WHERE h.case_id = c.id)
          AND (d.execute_after <= now()
               OR ($1::int IS NOT NULL AND c.status IN ('resolved', 'closed')
                   AND greatest(c.updated_at,
                                (SELECT max(e.at) FROM case_event e WHERE e.case_id = c.id),
                                (SELECT max(m.sent_at) FROM case_message m WHERE m.case_id = c.id)) < now() - make_interval(days => $1::int)))
        ORDER BY c.id
        LIMIT $2
        FOR UPDATE OF c SKIP LOCKED`,
      [retentionDays, limit],
    );
  },

  /**
   * Purges the cases `lockExpired` took, in one statement. Before the cascade removes each case
   * with its messages, evidence, notes, plan, timeline, takedowns, reports, follow-ups and
   * identifiers, it keeps what Trends counts in purged_case, purged_takedown and purged_report:
   * no id, reference, free text or contact. (Its identifiers are kept as keyed hashes by the caller.)
   * The audit rows about each case keep everything but their payloads (before/after), which are nulled.
   */
  async purgeCases(manager: EntityManager, expired: readonly ExpiredCaseRow[]): Promise<PurgeBatchRow> {
    const [row] = await manager.query<PurgeBatchRow[]>(
      `WITH doomed AS (
         SELECT * FROM unnest($1::uuid[], $2::text[]) AS d(id, reason)
       ), kept_cases AS (
         INSERT INTO purged_case (created_at, priority_rank, first_response_due_at, first_responded_at, purge_reason)
         SELECT c.created_at, c.priority_rank, c.first_response_due_at, c.first_responded_at, d.reason FROM support_case c JOIN doomed d ON d.id = c.id
         RETURNING 1
       ), kept_takedowns AS (
         INSERT INTO purged_takedown (platform, submitted_at, removed_at, rejected_at)
         SELECT t.platform, t.submitted_at, t.removed_at, t.rejected_at FROM takedown_request t JOIN doomed d ON d.id = t.case_id WHERE t.submitted_at IS NOT NULL
         RETURNING 1
       ), kept_reports AS (
         INSERT INTO purged_report (agency_kind, status, filed_at, acknowledged_at, closed_at)
         SELECT r.agency_kind, r.status, r.filed_at, r.acknowledged_at, r.closed_at FROM case_report r JOIN doomed d ON d.id = r.case_id WHERE r.filed_at IS NOT NULL
         RETURNING 1
       ), gone AS (
         DELETE FROM support_case c USING doomed d WHERE c.id = d.id RETURNING d.reason
       ), forgotten AS (
         -- The audit rows about each case stay; their personal payloads go (see the migration
         -- 1766790000000-audit-forget-purged-payloads). Read below, so it runs.
         SELECT audit_forget_case_payloads(d.id) AS rows FROM doomed d
       )
       SELECT (SELECT count(*) FROM gone)::int AS cases,
              (SELECT count(*) FROM gone WHERE reason = 'retention')::int AS "byRetention",
              (SELECT count(*) FROM gone WHERE reason = 'person_request')::int AS "byRequest",
              (SELECT count(*) FROM case_message m JOIN doomed d ON d.id = m.case_id)::int AS messages,
              (SELECT count(*) FROM case_evidence v JOIN doomed d ON d.id = v.case_id)::int AS evidence,
              (SELECT count(*) FROM case_note n JOIN doomed d ON d.id = n.case_id)::int AS notes,
              (SELECT count(*) FROM takedown_request t JOIN doomed d ON d.id = t.case_id)::int AS takedowns,
              (SELECT count(*) FROM case_report r JOIN doomed d ON d.id = r.case_id)::int AS reports,
              (SELECT count(*) FROM kept_cases) + (SELECT count(*) FROM kept_takedowns) + (SELECT count(*) FROM kept_reports) AS kept,
              (SELECT coalesce(sum(rows), 0) FROM forgotten)::int AS "auditPayloadsForgotten"`,
      [expired.map((e) => e.id), expired.map((e) => e.reason)],
    );
    const { cases, byRetention, byRequest, messages, evidence, notes, takedowns, reports } = present(row, 'the purge batch counts');
    return { cases, byRetention, byRequest, messages, evidence, notes, takedowns, reports };
  },
};
