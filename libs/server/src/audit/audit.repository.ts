import { EntityManager } from 'typeorm';

/** What kind of record a change was made to, when it is not (only) a case. */
export type AuditTargetKind = 'staff_user' | 'resource_entry' | 'saved_reply' | 'organisation';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  caseId?: string | null;
  /** The record changed (an account, a directory entry), so its history can be read back. */
  target?: { kind: AuditTargetKind; id: string };
  before?: unknown;
  after?: unknown;
}

/**
 * Writes an audit row with the caller's transaction (`manager`), so the record and the change
 * commit or roll back together: there is never a change without its audit row.
 */
export async function recordAudit(manager: EntityManager, record: AuditRecord): Promise<void> {
  await manager.query(`INSERT INTO audit_log (actor_id, action, case_id, target_kind, target_id, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
    record.actorId,
    record.action,
    record.caseId ?? null,
    record.target?.kind ?? null,
    record.target?.id ?? null,
    record.before === undefined ? null : JSON.stringify(record.before),
    record.after === undefined ? null : JSON.stringify(record.after),
  ]);
}
