import { StaffLanguage, StaffRole } from '@sg/domain';
import { DataSource, EntityManager } from 'typeorm';

/** The account a refreshed session belongs to: what a new access token carries. */
export interface SessionStaffRow {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  language: StaffLanguage;
}

/**
 * Sign-in sessions (staff_session). Only the SHA-256 of a refresh token is stored, so the table
 * cannot be used to sign in; callers hash before they ask.
 */
export const staffSessionRepository = {
  /** Starts a session for an account, ending at `expiresAt` unless refreshed or revoked before. */
  async open(manager: EntityManager, staffId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await manager.query(`INSERT INTO staff_session (staff_id, token_hash, expires_at) VALUES ($1, $2, $3)`, [staffId, tokenHash, expiresAt]);
  },

  /**
   * Revokes the live, unexpired session with this token hash if its account is still active, and
   * answers that account; null when there is no such session. One statement, so two refreshes
   * racing with one token cannot both succeed: the caller opens the replacement session.
   */
  async revokeForRotation(manager: EntityManager, tokenHash: string): Promise<SessionStaffRow | null> {
    // An UPDATE through TypeORM answers [rows, affectedCount].
    const [[row]] = await manager.query<[SessionStaffRow[], number]>(
      `UPDATE staff_session s SET revoked_at = now()
           FROM staff_user u
          WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.id = s.staff_id AND u.active
         RETURNING u.id, u.email, u.display_name AS "displayName", u.role, u.language`,
      [tokenHash],
    );
    return row ?? null;
  },

  /** Ends the session with this token hash (signing out); nothing when it has ended already. */
  async revoke(db: DataSource | EntityManager, tokenHash: string): Promise<void> {
    await db.query(`UPDATE staff_session SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL`, [tokenHash]);
  },

  /** Ends every session of an account at once (deactivated, or its password changed). */
  async revokeAllOf(manager: EntityManager, staffId: string): Promise<void> {
    await manager.query(`UPDATE staff_session SET revoked_at = now() WHERE staff_id = $1 AND revoked_at IS NULL`, [staffId]);
  },
};
