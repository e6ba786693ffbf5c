import { DataSource, EntityManager } from 'typeorm';
import { DataProtection } from '../security/data-protection';
import { SEAL_CONTEXT } from '../security/seal-contexts';
import { AuditLink, AuditPayloadPlaintext, canonicalPayloadHash, ChainBreak, ChainCheck, sealRows, verifyLinks } from './audit-chain';
import { auditChainRepository, auditPayloadRepository } from './audit.repository';

/** Rows sealed per transaction: small enough that the chain lock is held for milliseconds. */
export const AUDIT_SEAL_BATCH = 500;
/** How often the worker seals (system queue, `seal-audit`). */
export const AUDIT_SEAL_EVERY_MS = 30_000;
/** Rows unsealed for longer than this mean the sealer is behind or skipped them: `attention`. */
export const AUDIT_UNSEALED_ATTENTION_MINUTES = 10;

/**
 * Seals the audit rows written since the last run, in batches, oldest first, each batch in a
 * transaction that holds the chain's lock: writers of audit rows never wait for it (they only
 * insert), and two workers sealing at once take turns. Safe to run twice. Returns rows sealed.
 */
export async function sealAuditChain(dataSource: DataSource, batchSize = AUDIT_SEAL_BATCH): Promise<{ sealed: number }> {
  let sealed = 0;
  for (;;) {
    const count = await dataSource.transaction(async (manager) => {
      await auditChainRepository.lockChain(manager);
      const rows = await auditChainRepository.unsealed(manager, batchSize);
      const links = sealRows(await auditChainRepository.head(manager), rows);
      await auditChainRepository.appendLinks(manager, links);
      return links.length;
    });
    sealed += count;
    if (count < batchSize) return { sealed };
  }
}

export interface AuditChainReport extends ChainCheck {
  /** Rows written more than AUDIT_UNSEALED_ATTENTION_MINUTES ago and not sealed (full checks only). */
  unsealed: { count: number; oldestId: string | null } | null;
  ok: boolean;
}

const PAGE = 5000;

/**
 * With the keys (`protection`): each sealed payload on the page opens and its plaintext hashes to
 * the hash stored when it was written. Catches sealed bytes swapped through the owner's re-seal
 * function, which the chain alone cannot see (it links the stored hash, so rotation keeps it).
 */
async function checkSealedPayloads(manager: EntityManager, protection: DataProtection, links: readonly AuditLink[]): Promise<ChainBreak[]> {
  const position = new Map(links.map((link) => [link.auditId, link.position]));
  const breaks: ChainBreak[] = [];
  for (const row of await auditPayloadRepository.sealedOf(manager, [...position.keys()])) {
    let reason: ChainBreak['reason'] | null = null;
    try {
      if (canonicalPayloadHash(protection.open<AuditPayloadPlaintext>(row.sealed, SEAL_CONTEXT.audit(row.id))) !== row.hash) reason = 'payload_changed';
    } catch {
      reason = 'payload_unreadable';
    }
    if (reason) breaks.push({ position: position.get(row.id) ?? '?', auditId: row.id, reason });
  }
  return breaks;
}

/**
 * Verifies the chain: all of it (the `audit:verify` command), or only the last `last` links
 * (health, on every request). Every broken link is named by its audit row id. Given the keys,
 * also opens every sealed payload on the way (checkSealedPayloads).
 */
export async function verifyAuditChain(dataSource: DataSource, options: { last?: number; protection?: DataProtection } = {}): Promise<AuditChainReport> {
  const manager = dataSource.manager;
  let after = options.last === undefined ? '0' : await auditChainRepository.positionBeforeLast(manager, options.last);
  let from = after === '0' ? null : await auditChainRepository.linkBefore(manager, String(BigInt(after) + 1n));
  let checked = 0;
  let purged = 0;
  const breaks: ChainBreak[] = [];
  for (;;) {
    const page = await auditChainRepository.linksAfter(manager, after, PAGE);
    const result = verifyLinks(
      from,
      page.map(({ row, ...link }) => ({ link, row: row ?? undefined })),
    );
    checked += result.checked;
    purged += result.purged;
    breaks.push(...result.breaks);
    if (options.protection) breaks.push(...(await checkSealedPayloads(manager, options.protection, page)));
    from = result.head;
    if (page.length < PAGE || !from) break;
    after = from.position;
  }
  const unsealed = options.last === undefined ? await auditChainRepository.unsealedOlderThan(manager, AUDIT_UNSEALED_ATTENTION_MINUTES) : null;
  return { checked, purged, breaks, head: from, unsealed, ok: breaks.length === 0 && !unsealed?.count };
}
