import { DataSource, EntityManager } from 'typeorm';
import { auditPayloadRepository } from '../audit/audit.repository';
import { sealPlainPayload } from '../audit/audit-free-text';
import { recordAudit } from '../audit/record-audit';
import { DataProtection } from '../security/data-protection';
import { SEAL_CONTEXT } from '../security/seal-contexts';
import {
  AUDIT_PAYLOAD_PLAIN,
  AUDIT_PAYLOAD_SEALED,
  keyRotationRepository,
  PLAIN_COLUMNS,
  PLAIN_TIMELINE_FIELDS,
  SEALED_COLUMNS,
  VersionCount,
} from './key-rotation.repository';

/** Rows per transaction: short transactions, so the API's writes to the same tables never wait long. */
export const RESEAL_BATCH_SIZE = 200;

/** What one run did: rows re-sealed under the current key, and plain free text sealed, per column. */
export interface ResealResult {
  currentVersion: number;
  resealed: Record<string, number>;
  sealedPlain: Record<string, number>;
  total: number;
}

/**
 * The key job: seals free text still stored in clear (rows written before it was sealed), then
 * re-seals every value under an older data key with the current one. Batch by batch, each in its
 * own transaction with its audit row (counts only), so a run stopped half-way has lost nothing and
 * the next run carries on from what is left (it looks for rows, not for a position). Safe to run
 * twice, and on two workers at once (rows are locked with SKIP LOCKED).
 */
export async function resealAll(dataSource: DataSource, protection: DataProtection, batchSize = RESEAL_BATCH_SIZE): Promise<ResealResult> {
  const current = protection.dataKeys.current;
  const result: ResealResult = { currentVersion: current, resealed: {}, sealedPlain: {}, total: 0 };
  const add = (into: Record<string, number>, name: string, rows: number) => {
    if (rows === 0) return;
    into[name] = (into[name] ?? 0) + rows;
    result.total += rows;
  };

  for (const column of PLAIN_COLUMNS) {
    await inBatches(dataSource, { kind: 'plain', name: column.name, current }, async (manager) => {
      const rows = await keyRotationRepository.plainRows(manager, column, batchSize);
      for (const row of rows) await keyRotationRepository.replacePlain(manager, column, row.id, protection.seal(row.plain, column.context(row.id)));
      add(result.sealedPlain, column.name, rows.length);
      return rows.length;
    });
  }
  for (const field of PLAIN_TIMELINE_FIELDS) {
    await inBatches(dataSource, { kind: 'plain', name: field.name, current }, async (manager) => {
      const rows = await keyRotationRepository.plainTimelineText(manager, field, batchSize);
      for (const row of rows)
        await keyRotationRepository.replaceTimelineText(
          manager,
          field,
          row.id,
          protection.seal({ [field.field]: row.text }, SEAL_CONTEXT.timeline(row.case_id)),
        );
      add(result.sealedPlain, field.name, rows.length);
      return rows.length;
    });
  }
  for (const column of SEALED_COLUMNS) {
    await inBatches(dataSource, { kind: 'resealed', name: column.name, current }, async (manager) => {
      const rows = await keyRotationRepository.staleRows(manager, column, current, batchSize);
      for (const row of rows) await keyRotationRepository.writeSealed(manager, column, row.key, protection.reseal(row.sealed, column.context(row)));
      add(result.resealed, column.name, rows.length);
      return rows.length;
    });
  }
  await sealAuditPayloads(dataSource, protection, batchSize, (rows) => add(result.sealedPlain, AUDIT_PAYLOAD_PLAIN, rows));
  await resealAuditPayloads(dataSource, protection, batchSize, (rows) => add(result.resealed, AUDIT_PAYLOAD_SEALED, rows));
  return result;
}

/**
 * Audit payloads with free text written in clear before they were sealed: sealed through the
 * owner's function (the application role cannot UPDATE the log), which refuses a row whose hash
 * or readable copy does not match; such a row is skipped (it stays counted in clear), never retried
 * in a loop: the run walks the log by id.
 */
async function sealAuditPayloads(dataSource: DataSource, protection: DataProtection, batchSize: number, done: (rows: number) => void): Promise<void> {
  let afterId = '0';
  for (;;) {
    const found = await dataSource.transaction(async (manager) => {
      const rows = await auditPayloadRepository.plainFreeText(manager, afterId, batchSize);
      const sealed = await auditPayloadRepository.sealPlain(
        manager,
        rows.map((row) => ({ id: row.id, ...sealPlainPayload(protection, row.id, row.before, row.after) })),
      );
      if (sealed > 0)
        await recordAudit(manager, {
          actorId: null,
          action: 'keys.plain_text_sealed',
          after: { column: AUDIT_PAYLOAD_PLAIN, rows: sealed, keyVersion: protection.dataKeys.current },
        });
      done(sealed);
      afterId = rows[rows.length - 1]?.id ?? afterId;
      return rows.length;
    });
    if (found < batchSize) return;
  }
}

/** Sealed audit payloads under an older key: the same plaintext sealed again, swapped in through the owner's function. */
async function resealAuditPayloads(dataSource: DataSource, protection: DataProtection, batchSize: number, done: (rows: number) => void): Promise<void> {
  const current = protection.dataKeys.current;
  let afterId = '0';
  for (;;) {
    const found = await dataSource.transaction(async (manager) => {
      const rows = await auditPayloadRepository.staleSealed(manager, current, afterId, batchSize);
      const resealed = await auditPayloadRepository.reseal(
        manager,
        rows.map((row) => ({ id: row.id, hash: row.hash, sealed: protection.reseal(row.sealed, SEAL_CONTEXT.audit(row.id)) })),
      );
      if (resealed > 0)
        await recordAudit(manager, { actorId: null, action: 'keys.resealed', after: { column: AUDIT_PAYLOAD_SEALED, rows: resealed, keyVersion: current } });
      done(resealed);
      afterId = rows[rows.length - 1]?.id ?? afterId;
      return rows.length;
    });
    if (found < batchSize) return;
  }
}

/** Runs `batch` in transactions until one finds nothing, each audited with its count. */
async function inBatches(
  dataSource: DataSource,
  what: { kind: 'plain' | 'resealed'; name: string; current: number },
  batch: (manager: EntityManager) => Promise<number>,
): Promise<void> {
  for (;;) {
    const done = await dataSource.transaction(async (manager) => {
      const rows = await batch(manager);
      if (rows > 0)
        await recordAudit(manager, {
          actorId: null,
          action: what.kind === 'plain' ? 'keys.plain_text_sealed' : 'keys.resealed',
          after: { column: what.name, rows, keyVersion: what.current },
        });
      return rows;
    });
    if (done === 0) return;
  }
}

/** How far a rotation has got: rows per key version, and free text still in clear. */
export interface RotationStatus {
  current: { data: number; accessCode: number; sessionSigning: number };
  sealed: VersionCount[];
  accessCodes: VersionCount[];
  plain: Array<{ name: string; rows: number }>;
  /** Rows on a data or access-code key older than the current one, plus plain free text: 0 means old versions may go. */
  remaining: number;
}

export async function rotationStatus(manager: EntityManager, protection: DataProtection): Promise<RotationStatus> {
  const sealed = [
    ...(await keyRotationRepository.sealedVersions(manager)),
    ...(await auditPayloadRepository.versions(manager)).map((entry) => ({ name: AUDIT_PAYLOAD_SEALED, ...entry })),
  ];
  const accessCodes = await keyRotationRepository.accessCodeVersions(manager);
  const plain = [...(await keyRotationRepository.plainCounts(manager)), { name: AUDIT_PAYLOAD_PLAIN, rows: await auditPayloadRepository.plainCount(manager) }];
  const current = { data: protection.dataKeys.current, accessCode: protection.accessCodeKeys.current, sessionSigning: protection.sessionSigningKeys.current };
  const remaining =
    sealed.filter((entry) => entry.version !== current.data).reduce((sum, entry) => sum + entry.rows, 0) +
    accessCodes.filter((entry) => entry.version !== current.accessCode).reduce((sum, entry) => sum + entry.rows, 0) +
    plain.reduce((sum, entry) => sum + entry.rows, 0);
  return { current, sealed, accessCodes, plain, remaining };
}
