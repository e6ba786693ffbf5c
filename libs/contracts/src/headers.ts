/**
 * Browser sessions: `POST /api/auth/login` also sets an httpOnly, SameSite=Strict refresh cookie
 * scoped to /api/auth. The app keeps the access token in memory only (never localStorage) and,
 * after a reload or before expiry, calls `POST /api/auth/refresh` with the header below (a CSRF
 * guard: cross-site forms cannot set it) to get a new access token. `POST /api/auth/logout`
 * ends the session and clears the cookie.
 */
export const CSRF_HEADER = 'X-Requested-With';
export const CSRF_HEADER_VALUE = 'safeguard-triage';

/** The header that makes a submission safe to retry: same key and body, same case. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,200}$/;

/**
 * The person's conversation session (`POST /api/conversation/session`), sent on their later
 * requests instead of the access code. Its own header, not `Authorization`, which means staff.
 */
export const CASE_SESSION_HEADER = 'X-Case-Session';
