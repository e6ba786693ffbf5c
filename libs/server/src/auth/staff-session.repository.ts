import { StaffLanguage, StaffRole, present } from '@sg/domain';
import { DataSource, EntityManager } from 'typeorm';
import { SessionEndedBy } from './staff-session.entity';

/** The account a refreshed session belongs to: what a new access token carries. */
export interface SessionStaffRow {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  language: StaffLanguage;
  /** The sign-in the session descends from. */
  familyId: string;
}

/** A session that could not be rotated: how it ended, and whether that was only moments ago. */
export interface EndedSessionRow {
  staffId: string;
  familyId: string;
  endedBy: SessionEndedBy | null;
  /** Ended within the grace the caller gave (a second tab renewing with the same cookie). */
  endedJustNow: boolean;
}

/** The first key of lockSessionsOf's advisory lock ('ss'). */
const SESSION_LOCK_CLASS = 0x7373;

/**
 * Sign-in sessions (staff_session). Only the SHA-256 of a refresh token is stored, so the table
 * cannot be used to sign in; callers hash before they ask. Every session rotated from one
 * sign-in shares its `family_id`; access tokens carry it, and work while the family has a live
 * session.
 */
export const staffSessionRepository = {
  /**
   * Serialises, until the caller's transaction ends, every change to one account's sessions that
   * ends sessions or rotates one: otherwise a sign-out, a detected reuse or a password reset could
   * miss the replacement session a concurrent rotation is about to commit, which would live on.
   * Take it before locking the staff_user row (a new session's foreign key waits on that row).
   */
  async lockSessionsOf(manager: EntityManager, staffId: string): Promise<void> {
    // The two-key form: its own lock space, apart from the migrations' single-key lock.
    await manager.query(`SELECT pg_advisory_xact_lock(${SESSION_LOCK_CLASS}, hashtext($1))`, [staffId]);
  },

  /** Whose session this token hash is, and its sign-in; null when no such session was ever issued. */
  async owner(db: DataSource | EntityManager, tokenHash: string): Promise<{ staffId: string; familyId: string } | null> {
    const [row] = await db.query<Array<{ staffId: string; familyId: string }>>(
      `SELECT staff_id AS "staffId", family_id AS "familyId" FROM staff_session WHERE token_hash = $1`,
      [tokenHash],
    );
    return row ?? null;
  },

  /** Whose sign-in this is; null when there is none. */
  async ownerOfFamily(db: DataSource | EntityManager, familyId: string): Promise<string | null> {
    const [row] = await db.query<Array<{ staffId: string }>>(`SELECT staff_id AS "staffId" FROM staff_session WHERE family_id = $1 LIMIT 1`, [familyId]);
    return row?.staffId ?? null;
  },

  /**
   * Starts a session for an account, ending at `expiresAt` unless refreshed or revoked before:
   * in `familyId` when rotated from one, else a new family (a sign-in). Answers the family.
   */
  async open(manager: EntityManager, staffId: string, tokenHash: string, expiresAt: Date, familyId: string | null): Promise<string> {
    const [row] = await manager.query<Array<{ familyId: string }>>(
      `INSERT INTO staff_session (id, family_id, staff_id, token_hash, expires_at)
         SELECT id, COALESCE($4::uuid, id), $1, $2, $3 FROM (SELECT gen_random_uuid() AS id) AS new
       RETURNING family_id AS "familyId"`,
      [staffId, tokenHash, expiresAt, familyId],
    );
    return present(row, 'the new session row').familyId;
  },

  /**
   * Ends the live, unexpired session with this token hash (as rotated) if its account is still
   * active, and answers that account and family; null when there is no such session. One
   * statement, so two refreshes racing with one token cannot both succeed: the caller opens the
   * replacement session.
   */
  async revokeForRotation(manager: EntityManager, tokenHash: string): Promise<SessionStaffRow | null> {
    // An UPDATE through TypeORM answers [rows, affectedCount].
    const [[row]] = await manager.query<[SessionStaffRow[], number]>(
      `UPDATE staff_session s SET revoked_at = now(), ended_by = 'rotation'
           FROM staff_user u
          WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.id = s.staff_id AND u.active
         RETURNING u.id, u.email, u.display_name AS "displayName", u.role, u.language, s.family_id AS "familyId"`,
      [tokenHash],
    );
    return row ?? null;
  },

  /** The session with this token hash that has ended; null when there is none (never issued, or live). */
  async ended(db: DataSource | EntityManager, tokenHash: string, graceSeconds: number): Promise<EndedSessionRow | null> {
    const [row] = await db.query<EndedSessionRow[]>(
      `SELECT staff_id AS "staffId", family_id AS "familyId", ended_by AS "endedBy", revoked_at > now() - make_interval(secs => $2) AS "endedJustNow"
         FROM staff_session WHERE token_hash = $1 AND revoked_at IS NOT NULL`,
      [tokenHash, graceSeconds],
    );
    return row ?? null;
  },

  /** Ends every live session of a family; answers how many there were. */
  async revokeFamily(db: DataSource | EntityManager, familyId: string, endedBy: SessionEndedBy): Promise<number> {
    const [, count] = await db.query<[unknown[], number]>(
      `UPDATE staff_session SET revoked_at = now(), ended_by = $2 WHERE family_id = $1 AND revoked_at IS NULL`,
      [familyId, endedBy],
    );
    return count;
  },

  /** Ends every session of an account at once (deactivated, or its password changed); answers their families. */
  async revokeAllOf(manager: EntityManager, staffId: string): Promise<string[]> {
    await staffSessionRepository.lockSessionsOf(manager, staffId);
    const [rows] = await manager.query<[Array<{ familyId: string }>, number]>(
      `UPDATE staff_session SET revoked_at = now(), ended_by = 'account' WHERE staff_id = $1 AND revoked_at IS NULL RETURNING family_id AS "familyId"`,
      [staffId],
    );
    return [...new Set(rows.map((row) => row.familyId))];
  },

  /** Ends every session of an account but those of one sign-in (its second factor changed there); answers the ended families. */
  async revokeOthersOf(manager: EntityManager, staffId: string, keepFamilyId: string | null): Promise<string[]> {
    await staffSessionRepository.lockSessionsOf(manager, staffId);
    const [rows] = await manager.query<[Array<{ familyId: string }>, number]>(
      `UPDATE staff_session SET revoked_at = now(), ended_by = 'account'
        WHERE staff_id = $1 AND revoked_at IS NULL AND family_id IS DISTINCT FROM $2::uuid RETURNING family_id AS "familyId"`,
      [staffId, keepFamilyId],
    );
    return [...new Set(rows.map((row) => row.familyId))];
  },

  /** Whether the sign-in has a live session: what an access token carrying it needs. */
  async familyLive(db: DataSource | EntityManager, familyId: string): Promise<boolean> {
    const [row] = await db.query<Array<{ live: boolean }>>(
      `SELECT EXISTS (SELECT 1 FROM staff_session WHERE family_id = $1 AND revoked_at IS NULL AND expires_at > now()) AS live`,
      [familyId],
    );
    return row?.live ?? false;
  },
};
