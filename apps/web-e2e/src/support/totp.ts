import { Secret, TOTP } from 'otpauth';

/**
 * The 6-digit code an authenticator app would show for `secret` (base32), `stepsAhead` 30-second
 * steps from now. The API accepts one step of drift and each step only once, so a test that used
 * the current step (enrolling) signs in with the next one.
 */
export function totpCode(secret: string, stepsAhead = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret.replace(/\s+/g, '')) }).generate({ timestamp: Date.now() + stepsAhead * 30_000 });
}
