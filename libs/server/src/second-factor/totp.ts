import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/** What authenticator apps show as the account's issuer. */
export const TOTP_ISSUER = 'Safeguard Triage';
/** RFC 6238 defaults, which every authenticator app supports. */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** A code of the step before or after now is accepted too: phones' clocks drift. */
const WINDOW_STEPS = 1;

/** Crockford-style alphabet (as access codes): no 0/O, 1/I/L or U, so codes survive being written down. */
const RECOVERY_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

function totp(secretBase32: string, label = 'staff'): TOTP {
  return new TOTP({ issuer: TOTP_ISSUER, label, algorithm: 'SHA1', digits: DIGITS, period: PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });
}

/** A new 160-bit TOTP secret, base32 (what authenticator apps take when typed in by hand). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI a QR code carries for enrolment; `label` is the account (its email). */
export function totpUri(secretBase32: string, label: string): string {
  return totp(secretBase32, label).toString();
}

/**
 * The time step (30-second counter) a 6-digit code is valid for, now or one step either side;
 * null when it is not valid. The caller refuses a step at or before the last one used.
 */
export function matchingStep(secretBase32: string, code: string, now = Date.now()): number | null {
  const generator = totp(secretBase32);
  const delta = generator.validate({ token: code, timestamp: now, window: WINDOW_STEPS });
  return delta === null ? null : generator.counter({ timestamp: now }) + delta;
}

/** `K7QM3-XPA9R`: ten characters from a 30-letter alphabet (~49 bits), shown once. */
export function newRecoveryCode(): string {
  let code = '';
  for (let i = 0; i < 10; i += 1) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** A recovery code as stored (hashed) and compared: upper case, without spaces or dashes. */
export function normaliseRecoveryCode(code: string): string {
  return code.replace(/[\s-]+/g, '').toUpperCase();
}
