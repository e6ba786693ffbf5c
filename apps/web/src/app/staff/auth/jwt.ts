import type { StaffUserView } from '@sg/contracts';
import { isStaffRole, isRecord } from '@sg/domain';
import { asStaffLanguage } from './staff-language';

/**
 * Reads a JWT's payload without verifying it: the browser only needs `exp` to plan the next
 * refresh (and, as a fallback, who signed in). The API verifies every token it receives.
 */
export function decodeJwtPayload(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const base64 = part
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(part.length / 4) * 4, '=');
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const payload: unknown = JSON.parse(new TextDecoder().decode(bytes));
    // An array is an object too, as before: read as one, it has no claims a caller looks for.
    return isRecord(payload) ? payload : Array.isArray(payload) ? Object.fromEntries(payload.map((item: unknown, index) => [String(index), item])) : null;
  } catch {
    return null;
  }
}

/** When the token stops working, in epoch milliseconds; null when it does not say. */
export function tokenExpiresAt(token: string): number | null {
  const exp = decodeJwtPayload(token)?.['exp'];
  return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null;
}

/** The API signs `{ sub, email, name, role, lang }`; used when a refresh answers with a token only. */
export function userFromToken(token: string): StaffUserView | null {
  const payload = decodeJwtPayload(token);
  if (!payload) return null;
  const { sub, email, name, role, lang } = payload;
  if (typeof sub !== 'string' || typeof email !== 'string' || !isStaffRole(role)) return null;
  return { id: sub, email, displayName: typeof name === 'string' ? name : email, role, language: asStaffLanguage(lang) };
}

/** Refresh a minute before expiry (sooner for short-lived tokens), never in under 5 seconds. */
export function refreshDelayMs(expiresAt: number, now: number): number {
  const lifetime = expiresAt - now;
  const margin = Math.min(60_000, lifetime / 5);
  return Math.max(5_000, lifetime - margin);
}

/** After a refresh the server could not answer: 5 s, 10 s, 20 s ... at most a minute apart. */
export function refreshRetryDelayMs(failures: number): number {
  return Math.min(60_000, 5_000 * 2 ** Math.max(0, failures));
}
