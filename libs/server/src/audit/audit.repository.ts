import { EntityManager } from 'typeorm';
import { DataProtection } from '../security/data-protection';
import { AuditLink, AuditRowForChain } from './audit-chain';
import { redactFreeText, SealedAuditPayload, sealNewPayload } from './audit-free-text';
import { present } from '@sg/domain';

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

/** A payload holding staff-typed free text was given without the key to seal it: a programming error, never stored in clear. */
export class UnsealedAuditFreeTextError extends Error {
  constructor(action: string) {
    super(`The audit row "${action}" holds free text: pass DataProtection to recordAudit so it is sealed`);
    this.name = 'UnsealedAuditFreeTextError';
  }
}

function holdsFreeText(record: AuditRecord): boolean {
  return redactFreeText(record.before).found || redactFreeText(record.after).found;
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/**
 * Writes an audit row with the caller's transaction (`manager`), so the record and the change
 * commit or roll back together: there is never a change without its audit row. A payload with
 * staff-typed free text (audit-free-text.ts) is sealed to the row, so the row's id is taken first;
 * such a payload without `protection` is refused rather than stored in clear.
 */
export async function recordAudit(manager: EntityManager, record: AuditRecord, protection?: DataProtection): Promise<void> {
  let id: string | null = null;
  let sealed: SealedAuditPayload | null = null;
  if (holdsFreeText(record)) {
    if (!protection) throw new UnsealedAuditFreeTextError(record.action);
    const [row] = await manager.query<Array<{ id: string }>>(`SELECT nextval(pg_get_serial_sequence('audit_log', 'id'))::text AS id`);
    id = present(row, 'a new audit id').id;
    sealed = sealNewPayload(protection, id, record.before, record.after);
  }
  await manager.query(
    `INSERT INTO audit_log (id, actor_id, action, case_id, target_kind, target_id, before, after, payload_sealed, payload_hash)
     VALUES (coalesce($1::bigint, nextval(pg_get_serial_sequence('audit_log', 'id'))), $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      id,
      record.actorId,
      record.action,
      record.caseId ?? null,
      record.target?.kind ?? null,
      record.target?.id ?? null,
      sealed ? json(sealed.before) : json(record.before),
      sealed ? json(sealed.after) : json(record.after),
      sealed?.sealed ?? null,
      sealed?.hash ?? null,
    ],
  );
}

/** The same for many rows in one statement (a page that names many cases, each a read), in order. */
export async function recordAudits(manager: EntityManager, records: readonly AuditRecord[], protection?: DataProtection): Promise<void> {
  if (!records.length) return;
  // Rows with free text are sealed one by one (each needs its id first); none of today's batches has any.
  if (records.some(holdsFreeText)) {
    for (const record of records) await recordAudit(manager, record, protection);
    return;
  }
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
      records.map((r) => json(r.before)),
      records.map((r) => json(r.after)),
    ],
  );
}

/** An audit row's payload as the key job reads it. */
export interface AuditPayloadRow {
  id: string;
  before: string | null;
  after: string | null;
  sealed: Buffer | null;
  hash: string | null;
}

/** Audit rows whose payload still holds free text in clear (written before payloads were sealed); mirrors audit-free-text.ts. */
const PLAIN_FREE_TEXT = `payload_sealed IS NULL AND (
  jsonb_path_exists(coalesce(before, 'null'), '$.** ? (@.reason.type() == "string" || @.note.type() == "string")')
  OR jsonb_path_exists(coalesce(after, 'null'), '$.** ? (@.reason.type() == "string" || @.note.type() == "string")'))`;

/**
 * The key job's SQL for the audit log. The application role cannot UPDATE the log: changes go
 * through the owner's functions (migration 1766845000000), which allow only these two.
 * Rows are read in id order after `afterId` (no row locks: SELECT … FOR UPDATE needs UPDATE);
 * two workers may seal the same row twice, which the functions make harmless.
 */
export const auditPayloadRepository = {
  plainFreeText(manager: EntityManager, afterId: string, limit: number): Promise<AuditPayloadRow[]> {
    return manager.query<AuditPayloadRow[]>(
      `SELECT id::text AS id, before::text AS before, after::text AS after, NULL::bytea AS sealed, NULL::text AS hash
         FROM audit_log WHERE id > $1 AND ${PLAIN_FREE_TEXT} ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
  },

  /** Seals payloads written in clear: the function checks the hash is the row's and the readable copy only loses values. */
  async sealPlain(manager: EntityManager, rows: ReadonlyArray<{ id: string } & SealedAuditPayload>): Promise<number> {
    if (!rows.length) return 0;
    const [row] = await manager.query<Array<{ n: number }>>(
      `SELECT audit_seal_plain_payloads($1::bigint[], $2::bytea[], $3::text[], $4::jsonb[], $5::jsonb[]) AS n`,
      [rows.map((r) => r.id), rows.map((r) => r.sealed), rows.map((r) => r.hash), rows.map((r) => json(r.before)), rows.map((r) => json(r.after))],
    );
    return present(row, 'the sealed-row count').n;
  },

  /** Sealed payloads (so `sealed` and its `hash` are set) under an older key than `current`. */
  staleSealed(manager: EntityManager, current: number, afterId: string, limit: number): Promise<Array<AuditPayloadRow & { sealed: Buffer; hash: string }>> {
    return manager.query<Array<AuditPayloadRow & { sealed: Buffer; hash: string }>>(
      `SELECT id::text AS id, NULL::text AS before, NULL::text AS after, payload_sealed AS sealed, payload_hash AS hash
         FROM audit_log WHERE id > $1 AND payload_sealed IS NOT NULL AND get_byte(payload_sealed, 0) <> $2 ORDER BY id LIMIT $3`,
      [afterId, current, limit],
    );
  },

  /** Swaps sealed bytes only where the hash named is the row's own. */
  async reseal(manager: EntityManager, rows: ReadonlyArray<{ id: string; sealed: Buffer; hash: string }>): Promise<number> {
    if (!rows.length) return 0;
    const [row] = await manager.query<Array<{ n: number }>>(`SELECT audit_reseal_payloads($1::bigint[], $2::bytea[], $3::text[]) AS n`, [
      rows.map((r) => r.id),
      rows.map((r) => r.sealed),
      rows.map((r) => r.hash),
    ]);
    return present(row, 'the resealed-row count').n;
  },

  /** Sealed payloads of the given rows (a full chain check opens them). */
  sealedOf(manager: EntityManager, ids: readonly string[]): Promise<Array<{ id: string; sealed: Buffer; hash: string }>> {
    return manager.query<Array<{ id: string; sealed: Buffer; hash: string }>>(
      `SELECT id::text AS id, payload_sealed AS sealed, payload_hash AS hash FROM audit_log WHERE id = ANY($1::bigint[]) AND payload_sealed IS NOT NULL`,
      [ids],
    );
  },

  /** Sealed payloads per key version, and payloads with free text still in clear (keys:rotate-status). */
  versions(manager: EntityManager): Promise<Array<{ version: number; rows: number }>> {
    return manager.query<Array<{ version: number; rows: number }>>(
      `SELECT get_byte(payload_sealed, 0) AS version, count(*)::int AS rows FROM audit_log WHERE payload_sealed IS NOT NULL GROUP BY 1 ORDER BY 1`,
    );
  },

  async plainCount(manager: EntityManager): Promise<number> {
    const [row] = await manager.query<Array<{ rows: number }>>(`SELECT count(*)::int AS rows FROM audit_log WHERE ${PLAIN_FREE_TEXT}`);
    return row?.rows ?? 0;
  },
};

/** Serialises sealing across workers (one chain, one writer at a time); arbitrary constant. */
const AUDIT_SEAL_LOCK_KEY = 7_462_012;

/**
 * How far behind the chain's newest sealed row sealing looks for rows not sealed yet: an audit row
 * whose transaction committed after later rows were sealed (ids are taken at insert, not commit)
 * is sealed then, further along the chain. Bounded so a batch never scans the whole log.
 */
const SEAL_LOOKBACK_IDS = 10_000;

const CHAIN_ROW_COLUMNS = `a.id::text AS id, (extract(epoch FROM a.at) * 1000000)::bigint::text AS "atMicros", a.actor_id AS "actorId", a.action,
  a.case_id AS "caseId", a.target_kind AS "targetKind", a.target_id AS "targetId", a.before::text AS before, a.after::text AS after, a.payload_hash AS "payloadHash"`;

const LINK_COLUMNS = `s.position::text AS position, s.audit_id::text AS "auditId", s.payload_hash AS "payloadHash", s.hash`;

/** The audit log's hash chain (audit-chain.ts says what is hashed). */
export const auditChainRepository = {
  /** Takes the chain for the rest of the caller's transaction; a second sealer waits. */
  async lockChain(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock($1)`, [AUDIT_SEAL_LOCK_KEY]);
  },

  /** The last link; null when nothing is sealed yet. */
  async head(manager: EntityManager): Promise<{ position: string; hash: string } | null> {
    const [row] = await manager.query<Array<{ position: string; hash: string }>>(
      `SELECT s.position::text AS position, s.hash FROM audit_seal s ORDER BY s.position DESC LIMIT 1`,
    );
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
    const rows = await manager.query<Array<AuditLink & { rowId: string | null; rowPayloadHash: string | null } & Omit<AuditRowForChain, 'id' | 'payloadHash'>>>(
      `SELECT ${LINK_COLUMNS}, a.id::text AS "rowId", ${CHAIN_ROW_COLUMNS.replace('a.id::text AS id, ', '').replace('AS "payloadHash"', 'AS "rowPayloadHash"')}
         FROM audit_seal s LEFT JOIN audit_log a ON a.id = s.audit_id
        WHERE s.position > $1 ORDER BY s.position LIMIT $2`,
      [afterPosition, limit],
    );
    return rows.map(({ position, auditId, payloadHash, hash, rowId, rowPayloadHash, ...row }) => ({
      position,
      auditId,
      payloadHash,
      hash,
      row: rowId === null ? null : { id: rowId, ...row, payloadHash: rowPayloadHash },
    }));
  },

  /** The newest link's position minus `count` (where a check of the last `count` links starts). */
  async positionBeforeLast(manager: EntityManager, count: number): Promise<string> {
    const [row] = await manager.query<Array<{ position: string }>>(`SELECT greatest(coalesce(max(position), 0) - $1, 0)::text AS position FROM audit_seal`, [
      count,
    ]);
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
