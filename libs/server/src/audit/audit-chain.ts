import { createHash } from 'node:crypto';

/**
 * The audit log's hash chain, as pure functions (the SQL is in audit.repository.ts).
 *
 * Each sealed audit row gets a link: `hash = SHA-256(previous hash, position, the row's
 * non-personal columns, payloadHash)`, where `payloadHash = SHA-256(before, after)` is kept in the
 * link. Changing, removing or reordering a sealed row (or a link) breaks every hash from there on;
 * a retention purge that nulls `before` and `after` does not, because the link still holds the
 * payload's hash.
 *
 * A payload holding staff-typed free text is sealed (audit-free-text.ts): `before`/`after` keep it
 * with that text as null, and the row carries `payloadHash`, the hash of the whole plaintext
 * payload fixed when it was written (or, for a payload written in clear before, the hash the
 * chain already held). The chain links that stored hash, not the sealed bytes, so re-sealing under
 * a new key changes nothing the chain covers; a full check opens each sealed payload and compares. The chain is only as trustworthy as its head: record the head hash the verify
 * command prints somewhere the database's owner cannot rewrite.
 */

/** An audit row as the chain reads it: text exactly as PostgreSQL returns it (jsonb normalised). */
export interface AuditRowForChain {
  id: string;
  /** `at` in microseconds since the epoch, as text (no time-zone or rounding ambiguity). */
  atMicros: string;
  actorId: string | null;
  action: string;
  caseId: string | null;
  targetKind: string | null;
  targetId: string | null;
  /** `before::text` and `after::text`; both null once a purge has removed the payload. */
  before: string | null;
  after: string | null;
  /** The stored hash of a sealed payload's plaintext (null: the payload is in clear, or purged). */
  payloadHash: string | null;
}

/** A payload as sealed: its JSON texts, and for payloads sealed when written, a random salt. */
export interface AuditPayloadPlaintext {
  before: string | null;
  after: string | null;
  salt?: string;
}

export interface AuditLink {
  position: string;
  auditId: string;
  payloadHash: string;
  hash: string;
}

/** The hash before the first link. */
export const GENESIS_HASH = '';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function payloadHash(row: Pick<AuditRowForChain, 'before' | 'after'>): string {
  return sha256(JSON.stringify([row.before, row.after]));
}

/** The hash of a payload's plaintext: without a salt, the same as payloadHash of the clear columns. */
export function canonicalPayloadHash(plaintext: AuditPayloadPlaintext): string {
  return plaintext.salt === undefined ? payloadHash(plaintext) : sha256(JSON.stringify([plaintext.before, plaintext.after, plaintext.salt]));
}

/** What the chain links for a row: its stored hash when the payload is sealed, else the hash of its clear columns. */
export function rowPayloadHash(row: AuditRowForChain): string {
  return row.payloadHash ?? payloadHash(row);
}

export function linkHash(previousHash: string, position: string, row: AuditRowForChain, rowPayloadHash: string): string {
  return sha256(
    JSON.stringify([previousHash, position, row.id, row.atMicros, row.actorId, row.action, row.caseId, row.targetKind, row.targetId, rowPayloadHash]),
  );
}

/** The links for `rows`, in their order, continuing the chain after `head` (null: the chain is empty). */
export function sealRows(head: { position: string; hash: string } | null, rows: readonly AuditRowForChain[]): AuditLink[] {
  let previous = head?.hash ?? GENESIS_HASH;
  let position = BigInt(head?.position ?? 0);
  return rows.map((row) => {
    position += 1n;
    const linked = rowPayloadHash(row);
    const hash = linkHash(previous, String(position), row, linked);
    previous = hash;
    return { position: String(position), auditId: row.id, payloadHash: linked, hash };
  });
}

/** Why a link does not verify, naming the audit row. */
export interface ChainBreak {
  position: string;
  auditId: string;
  reason: 'row_changed' | 'payload_changed' | 'payload_unreadable' | 'row_missing' | 'link_missing';
}

export interface ChainCheck {
  /** Links verified. */
  checked: number;
  /** Rows whose payload was purged after sealing (verified through the link's payload hash). */
  purged: number;
  breaks: ChainBreak[];
  /** The last link's position and hash (what to record outside the database). */
  head: { position: string; hash: string } | null;
}

/**
 * Walks links in position order (`links`, continuing from `from`), each with its audit row
 * (undefined: the row is gone). Keeps going after a break, so every broken row is named; the
 * next link is checked against the stored hash, so one changed row is reported once, not as
 * every link after it.
 */
export function verifyLinks(
  from: { position: string; hash: string } | null,
  links: ReadonlyArray<{ link: AuditLink; row: AuditRowForChain | undefined }>,
): ChainCheck {
  let previous = from?.hash ?? GENESIS_HASH;
  let expected = BigInt(from?.position ?? 0) + 1n;
  const breaks: ChainBreak[] = [];
  let purged = 0;
  for (const { link, row } of links) {
    if (BigInt(link.position) !== expected) breaks.push({ position: String(expected), auditId: link.auditId, reason: 'link_missing' });
    expected = BigInt(link.position) + 1n;
    if (!row) {
      breaks.push({ position: link.position, auditId: link.auditId, reason: 'row_missing' });
    } else if (linkHash(previous, link.position, row, link.payloadHash) !== link.hash) {
      // The row's columns changed, or the link itself (its hash or payload hash) was rewritten.
      breaks.push({ position: link.position, auditId: link.auditId, reason: 'row_changed' });
    } else if (rowPayloadHash(row) !== link.payloadHash) {
      if (row.before === null && row.after === null && row.payloadHash === null) purged += 1;
      else breaks.push({ position: link.position, auditId: link.auditId, reason: 'payload_changed' });
    }
    previous = link.hash;
  }
  const last = links[links.length - 1]?.link;
  return { checked: links.length, purged, breaks, head: last ? { position: last.position, hash: last.hash } : from };
}
