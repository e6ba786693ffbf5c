import * as z from 'zod';

/** `POST /api/auth/login` */
export const loginRequestSchema = z.strictObject({
  email: z.string({ error: () => 'is required' }).trim().min(3, 'is required').max(320),
  password: z.string({ error: () => 'is required' }).min(1, 'is required').max(1024),
});
export type LoginRequest = z.input<typeof loginRequestSchema>;

export interface StaffUserView {
  id: string;
  email: string;
  displayName: string;
  role: 'caseworker' | 'supervisor' | 'admin';
}

export interface LoginResponse {
  accessToken: string;
  user: StaffUserView;
}

/**
 * Browser sessions: `POST /api/auth/login` also sets an httpOnly, SameSite=Strict refresh cookie
 * scoped to /api/auth. The app keeps the access token in memory only (never localStorage) and,
 * after a reload or before expiry, calls `POST /api/auth/refresh` with the header below (a CSRF
 * guard: cross-site forms cannot set it) to get a new access token. `POST /api/auth/logout`
 * ends the session and clears the cookie.
 */
export const CSRF_HEADER = 'X-Requested-With';
export const CSRF_HEADER_VALUE = 'safeguard-triage';
