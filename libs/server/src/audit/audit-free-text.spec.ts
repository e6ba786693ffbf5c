import { randomBytes } from 'node:crypto';
import { DataProtection } from '../security/data-protection';
import { canonicalPayloadHash, payloadHash } from './audit-chain';
import { openAuditPayload, redactFreeText, sealNewPayload, sealPlainPayload } from './audit-free-text';

describe('audit payload free text', () => {
  const protection = new DataProtection(randomBytes(32));

  it('finds reasons and notes at any depth, leaving everything else readable', () => {
    expect(redactFreeText({ linkId: 'l1', reason: 'Same wallet' })).toEqual({ redacted: { linkId: 'l1', reason: null }, found: true });
    expect(redactFreeText({ priorityOverride: { priority: 'urgent', reason: 'Her brother rang' } })).toEqual({
      redacted: { priorityOverride: { priority: 'urgent', reason: null } },
      found: true,
    });
    expect(redactFreeText({ noteId: 'n1', reason: null, status: 'new' })).toEqual({ redacted: { noteId: 'n1', reason: null, status: 'new' }, found: false });
    expect(redactFreeText(undefined).found).toBe(false);
  });

  it('seals a new payload to its row with a salted hash, and opens it back', () => {
    const sealed = sealNewPayload(protection, '7', undefined, { reason: 'Calling back' });
    expect(sealed.after).toEqual({ reason: null });
    expect(sealed.sealed.toString('utf8')).not.toContain('Calling back');
    expect(openAuditPayload(protection, '7', sealed.sealed)).toEqual({ before: null, after: { reason: 'Calling back' } });
    expect(() => openAuditPayload(protection, '8', sealed.sealed)).toThrow();
    // Salted: the same reason on another row hashes differently (no guessing from the hash).
    expect(sealNewPayload(protection, '7', undefined, { reason: 'Calling back' }).hash).not.toBe(sealed.hash);
  });

  it('seals a payload written in clear under the hash the chain already holds for it', () => {
    const after = '{"reason": "Legacy reason"}';
    const sealed = sealPlainPayload(protection, '9', null, after);
    expect(sealed.hash).toBe(payloadHash({ before: null, after }));
    expect(sealed.hash).toBe(canonicalPayloadHash({ before: null, after }));
    expect(sealed.after).toEqual({ reason: null });
    expect(openAuditPayload(protection, '9', sealed.sealed).after).toEqual({ reason: 'Legacy reason' });
  });
});
