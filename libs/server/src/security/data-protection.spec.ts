import { randomBytes } from 'node:crypto';
import { DataProtection } from './data-protection';

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
    sealed[sealed.length - 1] ^= 1;
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
