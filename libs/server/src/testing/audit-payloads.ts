import { DataSource } from 'typeorm';
import { openAuditPayload } from '../audit/audit-free-text';
import { DataProtection } from '../security/data-protection';

/**
 * Audit rows as staff read them: the sealed payload (staff-typed free text) opened back in. For
 * specs that check what the log keeps; `where` is the spec's own SQL over `audit_log`.
 */
export async function openedAuditRows(
  dataSource: DataSource,
  protection: DataProtection,
  where: string,
  params: unknown[],
): Promise<Array<{ action: string; before: unknown; after: unknown }>> {
  const rows: Array<{ id: string; action: string; before: unknown; after: unknown; payload_sealed: Buffer | null }> = await dataSource.query(
    `SELECT id::text AS id, action, before, after, payload_sealed FROM audit_log WHERE ${where} ORDER BY id`,
    params,
  );
  return rows.map((row) => ({
    action: row.action,
    ...(row.payload_sealed ? openAuditPayload(protection, row.id, row.payload_sealed) : { before: row.before, after: row.after }),
  }));
}
