import { EntityManager } from 'typeorm';
import { AuditLink, AuditRowForChain } from './audit-chain';

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

/** The same for many rows in one statement (a page that names many cases, each a read), in order. */
export async function recordAudits(manager: EntityManager, records: readonly AuditRecord[]): Promise<void> {
  if (!records.length) return;
  await manager.query(
    `INSERT INTO audit_log (actor_id, action, case_id, target_kind, target_id, before, after)
     SELECT actor, action, case_id, target_kind, target_id, before, after
       FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::uuid[], $6::jsonb[], $7::jsonb[])
            WITH ORDINALITY AS r(actor, action, case_id, target_kind, target_id, before, after, n)
      ORDER BY n`,
    [
      records.map((r) => r.actorId),
      records.map((r) => r.action),
      records.map((r) => r.caseId ?? null),
      records.map((r) => r.target?.kind ?? null),
      records.map((r) => r.target?.id ?? null),
      records.map((r) => (r.before === undefined ? null : JSON.stringify(r.before))),
      records.map((r) => (r.after === undefined ? null : JSON.stringify(r.after))),
    ],
  );
}

/** Serialises sealing across workers (one chain, one writer at a time); arbitrary constant. */
const AUDIT_SEAL_LOCK_KEY = 7_462_012;

/**
 * How far behind the chain's newest sealed row sealing looks for rows not sealed yet: an audit row
 * whose transaction committed after later rows were sealed (ids are taken at insert, not commit)
 * is sealed then, further along the chain. Bounded so a batch never scans the whole log.
 */
const SEAL_LOOKBACK_IDS = 10_000;

const CHAIN_ROW_COLUMNS = `a.id::text AS id, (extract(epoch FROM a.at) * 1000000)::bigint::text AS "atMicros", a.actor_id AS "actorId", a.action,
  a.case_id AS "caseId", a.target_kind AS "targetKind", a.target_id AS "targetId", a.before::text AS before, a.after::text AS after`;

const LINK_COLUMNS = `s.position::text AS position, s.audit_id::text AS "auditId", s.payload_hash AS "payloadHash", s.hash`;

/** The audit log's hash chain (audit-chain.ts says what is hashed). */
export const auditChainRepository = {
  /** Takes the chain for the rest of the caller's transaction; a second sealer waits. */
  async lockChain(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock($1)`, [AUDIT_SEAL_LOCK_KEY]);
  },

  /** The last link; null when nothing is sealed yet. */
  async head(manager: EntityManager): Promise<{ position: string; hash: string } | null> {
    const [row] = await manager.query<Array<{ position: string; hash: string }>>(`SELECT s.position::text AS position, s.hash FROM audit_seal s ORDER BY s.position DESC LIMIT 1`);
    return row ?? null;
  },

  /** The oldest audit rows not sealed yet, oldest first (see SEAL_LOOKBACK_IDS). */
  async unsealed(manager: EntityManager, limit: number): Promise<AuditRowForChain[]> {
    return manager.query<AuditRowForChain[]>(
      `SELECT ${CHAIN_ROW_COLUMNS} FROM audit_log a
        WHERE a.id > (SELECT coalesce(max(audit_id), 0) - $2 FROM audit_seal)
          AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.audit_id = a.id)
        ORDER BY a.id LIMIT $1`,
      [limit, SEAL_LOOKBACK_IDS],
    );
  },

  async appendLinks(manager: EntityManager, links: readonly AuditLink[]): Promise<void> {
    if (!links.length) return;
    await manager.query(
      `INSERT INTO audit_seal (position, audit_id, payload_hash, hash)
       SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[])`,
      [links.map((link) => link.position), links.map((link) => link.auditId), links.map((link) => link.payloadHash), links.map((link) => link.hash)],
    );
  },

  /** The link before `position` (for a partial check), or null at the start of the chain. */
  async linkBefore(manager: EntityManager, position: string): Promise<{ position: string; hash: string } | null> {
    const [row] = await manager.query<Array<{ position: string; hash: string }>>(
      `SELECT s.position::text AS position, s.hash FROM audit_seal s WHERE s.position < $1 ORDER BY s.position DESC LIMIT 1`,
      [position],
    );
    return row ?? null;
  },

  /** Up to `limit` links after `afterPosition`, each with its audit row (null when the row is gone). */
  async linksAfter(manager: EntityManager, afterPosition: string, limit: number): Promise<Array<AuditLink & { row: AuditRowForChain | null }>> {
    const rows = await manager.query<Array<AuditLink & { rowId: string | null } & Omit<AuditRowForChain, 'id'>>>(
      `SELECT ${LINK_COLUMNS}, a.id::text AS "rowId", ${CHAIN_ROW_COLUMNS.replace('a.id::text AS id, ', '')}
         FROM audit_seal s LEFT JOIN audit_log a ON a.id = s.audit_id
        WHERE s.position > $1 ORDER BY s.position LIMIT $2`,
      [afterPosition, limit],
    );
    return rows.map(({ position, auditId, payloadHash, hash, rowId, ...row }) => ({
      position,
      auditId,
      payloadHash,
      hash,
      row: rowId === null ? null : { id: rowId, ...row },
    }));
  },

  /** The newest link's position minus `count` (where a check of the last `count` links starts). */
  async positionBeforeLast(manager: EntityManager, count: number): Promise<string> {
    const [row] = await manager.query<Array<{ position: string }>>(`SELECT greatest(coalesce(max(position), 0) - $1, 0)::text AS position FROM audit_seal`, [count]);
    return row?.position ?? '0';
  },

  /** Audit rows written more than `minutes` ago and still not sealed (the sealer is behind, or skipped them). */
  async unsealedOlderThan(manager: EntityManager, minutes: number): Promise<{ count: number; oldestId: string | null }> {
    const [row] = await manager.query<Array<{ count: number; oldestId: string | null }>>(
      `SELECT count(*)::int AS count, min(a.id)::text AS "oldestId" FROM audit_log a
        WHERE a.at < now() - make_interval(mins => $1) AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.audit_id = a.id)`,
      [minutes],
    );
    return row ?? { count: 0, oldestId: null };
  },
};
