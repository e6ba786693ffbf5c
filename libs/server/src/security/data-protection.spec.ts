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
});
