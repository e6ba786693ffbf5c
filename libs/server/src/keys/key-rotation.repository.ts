import { itemAt } from '@sg/domain';
import { EntityManager } from 'typeorm';
import { SEAL_CONTEXT } from '../security/seal-contexts';

/** A column of sealed values: its table, its key columns, and the context each row's value is sealed to. */
export interface SealedColumn {
  /** `table.column`, for counts and the audit row. */
  readonly name: string;
  readonly table: string;
  readonly column: string;
  /** The primary key's columns (text in SQL), in order. */
  readonly key: readonly string[];
  /** Extra columns the context needs (e.g. the case id of a timeline entry). */
  readonly extra?: string;
  readonly context: (row: SealedRow) => string;
}

/** One row to re-seal: its key values (as text), the extra column if any, and its sealed value. */
export interface SealedRow {
  key: string[];
  extra: string | null;
  sealed: Buffer;
}

/** The row's value of its `index`th key column (every row carries one per column its SealedColumn names). */
function keyValue(row: SealedRow, index: number): string {
  return itemAt(row.key, index, 'key column value of a sealed row');
}

/** Every sealed column the application writes; the key job re-seals each under the current key. */
export const SEALED_COLUMNS: readonly SealedColumn[] = [
  {
    name: 'support_case.contact_sealed',
    table: 'support_case',
    column: 'contact_sealed',
    key: ['id'],
    context: (row) => SEAL_CONTEXT.contact(keyValue(row, 0)),
  },
  {
    name: 'support_case.narrative_sealed',
    table: 'support_case',
    column: 'narrative_sealed',
    key: ['id'],
    context: (row) => SEAL_CONTEXT.narrative(keyValue(row, 0)),
  },
  { name: 'case_note.body_sealed', table: 'case_note', column: 'body_sealed', key: ['id'], context: (row) => SEAL_CONTEXT.note(keyValue(row, 0)) },
  {
    name: 'case_evidence.description_sealed',
    table: 'case_evidence',
    column: 'description_sealed',
    key: ['id'],
    context: (row) => SEAL_CONTEXT.evidence(keyValue(row, 0)),
  },
  {
    name: 'support_case.priority_override_reason_sealed',
    table: 'support_case',
    column: 'priority_override_reason_sealed',
    key: ['id'],
    context: (row) => SEAL_CONTEXT.priorityOverride(keyValue(row, 0)),
  },
  { name: 'case_link.reason_sealed', table: 'case_link', column: 'reason_sealed', key: ['id'], context: (row) => SEAL_CONTEXT.link(keyValue(row, 0)) },
  {
    name: 'case_legal_hold.reason_sealed',
    table: 'case_legal_hold',
    column: 'reason_sealed',
    key: ['case_id'],
    context: (row) => SEAL_CONTEXT.legalHold(keyValue(row, 0)),
  },
  { name: 'case_event.sealed', table: 'case_event', column: 'sealed', key: ['id'], extra: 'case_id', context: (row) => SEAL_CONTEXT.timeline(row.extra ?? '') },
  {
    name: 'case_transcript.body_sealed',
    table: 'case_transcript',
    column: 'body_sealed',
    key: ['id'],
    extra: 'case_id',
    context: (row) => SEAL_CONTEXT.transcript(row.extra ?? ''),
  },
  { name: 'case_message.body_sealed', table: 'case_message', column: 'body_sealed', key: ['id'], context: (row) => SEAL_CONTEXT.message(keyValue(row, 0)) },
  {
    name: 'case_identifier.value_sealed',
    table: 'case_identifier',
    column: 'value_sealed',
    key: ['id'],
    extra: 'case_id',
    context: (row) => SEAL_CONTEXT.identifier(row.extra ?? ''),
  },
  {
    name: 'idempotency_record.response_sealed',
    table: 'idempotency_record',
    column: 'response_sealed',
    key: ['scope', 'key'],
    context: (row) => SEAL_CONTEXT.idempotency(keyValue(row, 0), keyValue(row, 1)),
  },
];

/**
 * The audit log's sealed payloads and the free text still in clear in its payloads: counted with
 * the rest, but re-sealed through the owner's functions (keys/reseal.ts), not by UPDATE.
 */
export const AUDIT_PAYLOAD_SEALED = 'audit_log.payload_sealed';
export const AUDIT_PAYLOAD_PLAIN = 'audit_log.payload';

/** A plain column of free text written before it was sealed, and where its sealed copy goes. */
export interface PlainColumn {
  readonly name: string;
  readonly table: string;
  readonly plain: string;
  readonly sealedColumn: string;
  /** The row's key column (one column; `id` unless said). */
  readonly id?: string;
  readonly context: (id: string) => string;
}

export const PLAIN_COLUMNS: readonly PlainColumn[] = [
  { name: 'support_case.narrative', table: 'support_case', plain: 'narrative', sealedColumn: 'narrative_sealed', context: SEAL_CONTEXT.narrative },
  { name: 'case_note.body', table: 'case_note', plain: 'body', sealedColumn: 'body_sealed', context: SEAL_CONTEXT.note },
  { name: 'case_evidence.description', table: 'case_evidence', plain: 'description', sealedColumn: 'description_sealed', context: SEAL_CONTEXT.evidence },
  {
    name: 'support_case.priority_override_reason',
    table: 'support_case',
    plain: 'priority_override_reason',
    sealedColumn: 'priority_override_reason_sealed',
    context: SEAL_CONTEXT.priorityOverride,
  },
  { name: 'case_link.reason', table: 'case_link', plain: 'reason', sealedColumn: 'reason_sealed', context: SEAL_CONTEXT.link },
  { name: 'case_legal_hold.reason', table: 'case_legal_hold', plain: 'reason', sealedColumn: 'reason_sealed', id: 'case_id', context: SEAL_CONTEXT.legalHold },
];

/**
 * Free text in a timeline entry's data, as written before that kind's free text was sealed
 * (cases/case-free-text.ts TIMELINE_FREE_TEXT_FIELDS): the kinds holding each field.
 */
export interface PlainTimelineField {
  /** `case_event.data.<field>`, for counts and the audit row. */
  readonly name: string;
  readonly field: string;
  readonly kinds: readonly string[];
}

export const PLAIN_TIMELINE_FIELDS: readonly PlainTimelineField[] = [
  { name: 'case_event.data.note', field: 'note', kinds: ['person_added_information'] },
  {
    name: 'case_event.data.reason',
    field: 'reason',
    kinds: [
      'legal_hold_placed',
      'legal_hold_released',
      'priority_overridden',
      'case_linked',
      'case_merged_into',
      'duplicate_merged',
      'case_unmerged',
      'duplicate_unmerged',
      'contact_revealed',
    ],
  },
];

/** Rows under each key version, for keys:rotate-status and the health page. */
export interface VersionCount {
  name: string;
  version: number;
  rows: number;
}

const keyList = (column: SealedColumn) => column.key.map((name) => `${name}::text`).join(', ');

/** The SQL of the key job and of its status. Table and column names come from the constant lists above, never from input. */
export const keyRotationRepository = {
  /** Up to `limit` rows of `column` not under `current`, locked (SKIP LOCKED: two workers share the work). */
  async staleRows(manager: EntityManager, column: SealedColumn, current: number, limit: number): Promise<SealedRow[]> {
    const rows = await manager.query<Array<{ key: string[]; extra: string | null; sealed: Buffer }>>(
      `SELECT ARRAY[${keyList(column)}] AS key, ${column.extra ? `${column.extra}::text` : 'NULL::text'} AS extra, ${column.column} AS sealed
         FROM ${column.table} WHERE ${column.column} IS NOT NULL AND get_byte(${column.column}, 0) <> $1
        ORDER BY ${column.key.join(', ')} LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [current, limit],
    );
    return rows;
  },

  async writeSealed(manager: EntityManager, column: SealedColumn, key: readonly string[], sealed: Buffer): Promise<void> {
    const where = column.key.map((name, index) => `${name}::text = $${index + 2}`).join(' AND ');
    await manager.query(`UPDATE ${column.table} SET ${column.column} = $1 WHERE ${where}`, [sealed, ...key]);
  },

  /** Up to `limit` rows still holding plain text in `column`, locked. */
  plainRows(manager: EntityManager, column: PlainColumn, limit: number): Promise<Array<{ id: string; plain: string }>> {
    return manager.query<Array<{ id: string; plain: string }>>(
      `SELECT ${column.id ?? 'id'}::text AS id, ${column.plain} AS plain FROM ${column.table} WHERE ${column.plain} IS NOT NULL ORDER BY ${column.id ?? 'id'} LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  },

  /** Writes the sealed copy and empties the plain column in one UPDATE: no row is ever half-written. */
  async replacePlain(manager: EntityManager, column: PlainColumn, id: string, sealed: Buffer): Promise<void> {
    await manager.query(
      `UPDATE ${column.table} SET ${column.sealedColumn} = $2, ${column.plain} = NULL WHERE ${column.id ?? 'id'}::text = $1 AND ${column.plain} IS NOT NULL`,
      [id, sealed],
    );
  },

  /**
   * Timeline entries whose free text `field` is still in `data` (written before that kind's free
   * text was sealed). Only entries with nothing sealed yet: each kind seals one field.
   */
  plainTimelineText(manager: EntityManager, field: PlainTimelineField, limit: number): Promise<Array<{ id: string; case_id: string; text: string }>> {
    return manager.query<Array<{ id: string; case_id: string; text: string }>>(
      `SELECT id::text AS id, case_id::text AS case_id, data->>$1 AS text FROM case_event
        WHERE kind = ANY($2) AND data->>$1 IS NOT NULL AND sealed IS NULL ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED`,
      [field.field, field.kinds, limit],
    );
  },

  async replaceTimelineText(manager: EntityManager, field: PlainTimelineField, id: string, sealed: Buffer): Promise<void> {
    await manager.query(
      `UPDATE case_event SET sealed = $3, data = data || jsonb_build_object($2::text, null) WHERE id::text = $1 AND data->>$2 IS NOT NULL AND sealed IS NULL`,
      [id, field.field, sealed],
    );
  },

  /** Rows per key version in every sealed column (only versions with rows). */
  async sealedVersions(manager: EntityManager): Promise<VersionCount[]> {
    const parts = SEALED_COLUMNS.map(
      (column) =>
        `SELECT '${column.name}' AS name, get_byte(${column.column}, 0) AS version, count(*)::int AS rows FROM ${column.table} WHERE ${column.column} IS NOT NULL GROUP BY 2`,
    );
    return manager.query<VersionCount[]>(`${parts.join(' UNION ALL ')} ORDER BY name, version`);
  },

  /** Access-code hashes per key version (`2:hex`; bare hex is version 1). */
  accessCodeVersions(manager: EntityManager): Promise<VersionCount[]> {
    return manager.query<VersionCount[]>(
      `SELECT 'support_case.access_code_hash' AS name,
              CASE WHEN position(':' IN access_code_hash) > 0 THEN split_part(access_code_hash, ':', 1)::int ELSE 1 END AS version,
              count(*)::int AS rows
         FROM support_case GROUP BY 2 ORDER BY 2`,
    );
  },

  /** Rows still holding free text in clear, per column. */
  async plainCounts(manager: EntityManager): Promise<Array<{ name: string; rows: number }>> {
    const parts = PLAIN_COLUMNS.map(
      (column) => `SELECT '${column.name}' AS name, count(*)::int AS rows FROM ${column.table} WHERE ${column.plain} IS NOT NULL`,
    );
    for (const field of PLAIN_TIMELINE_FIELDS) {
      const kinds = field.kinds.map((kind) => `'${kind}'`).join(', ');
      parts.push(
        `SELECT '${field.name}' AS name, count(*)::int AS rows FROM case_event WHERE kind IN (${kinds}) AND data->>'${field.field}' IS NOT NULL AND sealed IS NULL`,
      );
    }
    return manager.query<Array<{ name: string; rows: number }>>(parts.join(' UNION ALL '));
  },
};
