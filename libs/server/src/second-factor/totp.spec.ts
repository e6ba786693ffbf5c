import { Secret, TOTP } from 'otpauth';
import { matchingStep, newRecoveryCode, newTotpSecret, normaliseRecoveryCode, totpUri } from './totp';
import { itemAt } from '@sg/domain';

describe('TOTP helpers', () => {
  const secret = newTotpSecret();
  const app = new TOTP({ secret: Secret.fromBase32(secret) });
  const now = Date.UTC(2026, 11, 7, 12, 0, 10);
  const step = Math.floor(now / 30_000);

  it('accepts the code of this step and one either side, answering the step it belongs to', () => {
    expect(matchingStep(secret, app.generate({ timestamp: now }), now)).toBe(step);
    expect(matchingStep(secret, app.generate({ timestamp: now - 30_000 }), now)).toBe(step - 1);
    expect(matchingStep(secret, app.generate({ timestamp: now + 30_000 }), now)).toBe(step + 1);
  });

  it("refuses a code two steps away, and another secret's code", () => {
    expect(matchingStep(secret, app.generate({ timestamp: now - 60_000 }), now)).toBeNull();
    const other = new TOTP({ secret: Secret.fromBase32(newTotpSecret()) });
    const code = other.generate({ timestamp: now });
    // A 1-in-a-million collision would make this flaky; regenerate the pair then.
    if (code !== app.generate({ timestamp: now })) expect(matchingStep(secret, code, now)).toBeNull();
  });

  it('puts the secret and the issuer in the enrolment URI', () => {
    expect(totpUri(secret, 'ada@example.org')).toMatch(new RegExp(`^otpauth://totp/Safeguard%20Triage:ada%40example\\.org\\?.*secret=${secret}`));
  });

  it('makes distinct recovery codes that survive being typed loosely', () => {
    const codes = Array.from({ length: 50 }, newRecoveryCode);
    expect(new Set(codes).size).toBe(50);
    expect(codes[0]).toMatch(/^[2-9A-HJKMNP-TV-Z]{5}-[2-9A-HJKMNP-TV-Z]{5}$/);
    const code = itemAt(codes, 0, 'recovery code');
    expect(normaliseRecoveryCode(` ${code.toLowerCase().replace('-', ' ')} `)).toBe(code.replace('-', ''));
  });
});
