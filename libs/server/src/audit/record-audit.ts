import { EntityManager } from 'typeorm';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  caseId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes an audit row with the caller's transaction (`manager`), so the record and the change
 * commit or roll back together: there is never a change without its audit row.
 */
export async function recordAudit(manager: EntityManager, record: AuditRecord): Promise<void> {
  await manager.query(`INSERT INTO audit_log (actor_id, action, case_id, before, after) VALUES ($1, $2, $3, $4, $5)`, [
    record.actorId,
    record.action,
    record.caseId ?? null,
    record.before === undefined ? null : JSON.stringify(record.before),
    record.after === undefined ? null : JSON.stringify(record.after),
  ]);
}
