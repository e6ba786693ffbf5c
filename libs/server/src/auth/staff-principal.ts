import { StaffRole } from '@sg/domain';

/** Who is calling, from a verified access token. */
export interface StaffPrincipal {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
}

/** Express request as our guards leave it. */
export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  staff?: StaffPrincipal;
  /** When the caller's access token expires (ms since the epoch): long-lived streams end then. */
  staffTokenExpiresAt?: number;
  /** The sign-in (session family) the caller's access token belongs to. */
  staffSignIn?: string;
}
