import { randomBytes } from 'node:crypto';
import { DataProtection, sealedKeyVersion, UnknownKeyVersionError } from './data-protection';

describe('DataProtection', () => {
  const protection = new DataProtection(randomBytes(32));

  it('round-trips a sealed value and never stores it in clear', () => {
    const contact = { channel: 'email', value: 'teen@example.com' };
    const sealed = protection.seal(contact, 'case-1');
    expect(sealed.toString('utf8')).not.toContain('teen@example.com');
    expect(protection.open(sealed, 'case-1')).toEqual(contact);
  });

  it('refuses a sealed value moved to another row', () => {
    const sealed = protection.seal({ value: 'x' }, 'case-1');
    expect(() => protection.open(sealed, 'case-2')).toThrow();
  });

  it('refuses a tampered value', () => {
    const sealed = protection.seal({ value: 'x' }, 'case-1');
    sealed.writeUInt8(sealed.readUInt8(sealed.length - 1) ^ 1, sealed.length - 1);
    expect(() => protection.open(sealed, 'case-1')).toThrow();
  });

  it('cannot open data sealed with another master key', () => {
    const sealed = new DataProtection(randomBytes(32)).seal({ value: 'x' }, 'case-1');
    expect(() => protection.open(sealed, 'case-1')).toThrow();
  });

  it('matches an access code only for its own reference', () => {
    const hash = protection.hashAccessCode('SG-AAAA-BBBB', 'CODE-CODE-CODE-CODE');
    expect(protection.accessCodeMatches('SG-AAAA-BBBB', 'CODE-CODE-CODE-CODE', hash)).toBe(true);
    expect(protection.accessCodeMatches('SG-AAAA-BBBB', 'CODE-CODE-CODE-CODX', hash)).toBe(false);
    expect(protection.accessCodeMatches('SG-AAAA-BBBC', 'CODE-CODE-CODE-CODE', hash)).toBe(false);
  });

  it('hashes a secret identifier by kind and key: equal codes match, nothing else does', () => {
    const hash = protection.hashIdentifier('gift_card', 'ABCDEFGH1234');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(protection.hashIdentifier('gift_card', 'ABCDEFGH1234')).toBe(hash);
    expect(protection.hashIdentifier('gift_card', 'ABCDEFGH1235')).not.toBe(hash);
    expect(protection.hashIdentifier('transaction_id', 'ABCDEFGH1234')).not.toBe(hash);
    expect(new DataProtection(randomBytes(32)).hashIdentifier('gift_card', 'ABCDEFGH1234')).not.toBe(hash);
    // Not the access-code or address keys under another name.
    expect(protection.hashClientAddress('gift_card\u0000ABCDEFGH1234')).not.toBe(hash);
  });
});

describe('DataProtection with versioned keys', () => {
  const master = randomBytes(32);
  const v2 = randomBytes(32);
  const v3 = randomBytes(32);
  const single = new DataProtection(master);
  const rotated = new DataProtection(master, {
    dataEncryption: [{ version: 2, key: v2 }],
    accessCode: [{ version: 2, key: v2 }],
    sessionSigning: [{ version: 2, key: v2 }],
  });

  it('seals under the current data key and writes its version in byte 0; version 1 is the single key, derived as before', () => {
    expect(single.seal('x', 'c')[0]).toBe(1);
    expect(rotated.seal('x', 'c')[0]).toBe(2);
    expect(sealedKeyVersion(rotated.seal('x', 'c'))).toBe(2);
    // A value sealed before keys had versions opens with the rotated ring (the old key stays as version 1).
    expect(rotated.open(single.seal({ value: 'old' }, 'case-1'), 'case-1')).toEqual({ value: 'old' });
  });

  it('re-seals a value under the current key, for the same row only', () => {
    const old = single.seal('narrative', 'case_narrative:1');
    const resealed = rotated.reseal(old, 'case_narrative:1');
    expect(resealed[0]).toBe(2);
    expect(rotated.open(resealed, 'case_narrative:1')).toBe('narrative');
    expect(() => rotated.reseal(old, 'case_narrative:2')).toThrow();
  });

  it('fails clearly on a value under a key version it does not hold', () => {
    const newer = new DataProtection(master, {
      dataEncryption: [
        { version: 3, key: v3 },
        { version: 2, key: v2 },
      ],
    });
    const sealed = newer.seal('x', 'c');
    expect(() => rotated.open(sealed, 'c')).toThrow(UnknownKeyVersionError);
    expect(() => rotated.open(sealed, 'c')).toThrow(/data key version 3\b.*DATA_ENCRYPTION_KEYS/);
  });

  it('keys access codes by version: an old hash still matches after rotation, a new one carries its version', () => {
    const old = single.hashAccessCode('SG-AAAA-BBBB', 'CODE');
    expect(old).toMatch(/^[0-9a-f]{64}$/);
    expect(rotated.accessCodeMatches('SG-AAAA-BBBB', 'CODE', old)).toBe(true);
    expect(rotated.accessCodeMatches('SG-AAAA-BBBB', 'CODX', old)).toBe(false);
    const fresh = rotated.hashAccessCode('SG-AAAA-BBBB', 'CODE');
    expect(fresh).toMatch(/^2:[0-9a-f]{64}$/);
    expect(rotated.accessCodeMatches('SG-AAAA-BBBB', 'CODE', fresh)).toBe(true);
    expect(rotated.accessCodeNeedsRehash(old)).toBe(true);
    expect(rotated.accessCodeNeedsRehash(fresh)).toBe(false);
    // A hash under a version this server does not hold never matches.
    expect(single.accessCodeMatches('SG-AAAA-BBBB', 'CODE', fresh)).toBe(false);
  });

  it("holds each purpose's keys apart: version 1 of each is derived separately, newer ones are as configured", () => {
    const sessions = rotated.sessionSigningKeys;
    expect(sessions.current).toBe(2);
    expect(sessions.key(2)?.equals(v2)).toBe(true);
    expect(sessions.key(1)?.equals(single.sessionSigningKeys.key(1) ?? Buffer.alloc(0))).toBe(true);
    expect(sessions.key(1)?.equals(rotated.dataKeys.key(1) ?? Buffer.alloc(0))).toBe(false);
    expect(rotated.accessCodeKeys.key(1)?.equals(rotated.dataKeys.key(1) ?? Buffer.alloc(0))).toBe(false);
    expect(sessions.key(7)).toBeUndefined();
  });

  it('keeps the offender-identifier and client-address hashes on the single key, whatever the rotation', () => {
    expect(rotated.hashIdentifier('gift_card', 'ABC')).toBe(single.hashIdentifier('gift_card', 'ABC'));
    expect(rotated.hashClientAddress('10.0.0.1')).toBe(single.hashClientAddress('10.0.0.1'));
  });
});
