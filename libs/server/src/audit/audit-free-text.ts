import { randomBytes } from 'node:crypto';
import { DataProtection } from '../security/data-protection';
import { SEAL_CONTEXT } from '../security/seal-contexts';
import { AuditPayloadPlaintext, canonicalPayloadHash } from './audit-chain';
import { isRecord } from '@sg/domain';

/**
 * The keys of an audit payload that hold free text staff typed (a reason to reveal contact
 * details, to hold, link or merge a case, a priority override's reason), at any depth. Their
 * string values are sealed; the rest of the payload stays readable in SQL.
 */
export const AUDIT_FREE_TEXT_KEYS: readonly string[] = ['reason', 'note'];

/** The payload with every free-text value replaced by null, and whether there was any. */
export function redactFreeText(value: unknown): { redacted: unknown; found: boolean } {
  if (Array.isArray(value)) {
    const parts = value.map(redactFreeText);
    return { redacted: parts.map((part) => part.redacted), found: parts.some((part) => part.found) };
  }
  if (!isRecord(value) || value instanceof Date) return { redacted: value, found: false };
  let found = false;
  const redacted: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (AUDIT_FREE_TEXT_KEYS.includes(key) && typeof field === 'string') {
      redacted[key] = null;
      found = true;
    } else {
      const inner = redactFreeText(field);
      redacted[key] = inner.redacted;
      found ||= inner.found;
    }
  }
  return { redacted, found };
}

/** A sealed audit payload as written: the readable copy, the sealed whole and the hash the chain links. */
export interface SealedAuditPayload {
  before: unknown;
  after: unknown;
  sealed: Buffer;
  hash: string;
}

/**
 * Seals a payload written now, bound to its audit row. The plaintext carries a random salt so the
 * stored hash of a short reason cannot be tested against guesses.
 */
export function sealNewPayload(protection: DataProtection, auditId: string, before: unknown, after: unknown): SealedAuditPayload {
  const plaintext: AuditPayloadPlaintext = {
    before: before === undefined || before === null ? null : JSON.stringify(before),
    after: after === undefined || after === null ? null : JSON.stringify(after),
    salt: randomBytes(16).toString('base64url'),
  };
  return {
    before: before === undefined ? null : redactFreeText(before).redacted,
    after: after === undefined ? null : redactFreeText(after).redacted,
    sealed: protection.seal(plaintext, SEAL_CONTEXT.audit(auditId)),
    hash: canonicalPayloadHash(plaintext),
  };
}

/**
 * Seals a payload an older version wrote in clear (`before::text`, `after::text` as stored): no
 * salt, so its hash is the one the chain already holds for the row.
 */
export function sealPlainPayload(protection: DataProtection, auditId: string, before: string | null, after: string | null): SealedAuditPayload {
  const plaintext: AuditPayloadPlaintext = { before, after };
  const parse = (text: string | null) => (text === null ? null : redactFreeText(JSON.parse(text) as unknown).redacted);
  return { before: parse(before), after: parse(after), sealed: protection.seal(plaintext, SEAL_CONTEXT.audit(auditId)), hash: canonicalPayloadHash(plaintext) };
}

/** A sealed payload opened back into values (what the audit tab shows). */
export function openAuditPayload(protection: DataProtection, auditId: string, sealed: Buffer): { before: unknown; after: unknown } {
  const plaintext = protection.open<AuditPayloadPlaintext>(sealed, SEAL_CONTEXT.audit(auditId));
  return { before: plaintext.before === null ? null : JSON.parse(plaintext.before), after: plaintext.after === null ? null : JSON.parse(plaintext.after) };
}
