import { StaffLanguage, StaffRole, present } from '@sg/domain';
import { DataSource, EntityManager } from 'typeorm';

/** What the sign-in guard needs to know of an account on each request (through StaffStatusCache). */
export interface StaffStatusRow {
  active: boolean;
  role: StaffRole;
}

/** What status() reads through: a DataSource or an EntityManager (a unit spec fakes just this). */
export interface StaffStatusSource {
  query(sql: string, params: unknown[]): Promise<StaffStatusRow[]>;
}

/** An account as admins see and manage it (the StaffMember contract). */
export interface StaffMemberRow {
  id: string;
  displayName: string;
  email: string;
  role: StaffRole;
  active: boolean;
}

/** An active account with what signing in checks: the argon2id hash of its password. */
export interface StaffSignInRow {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  language: StaffLanguage;
  passwordHash: string;
}

/** A new account's fields; the password is already hashed. */
export interface NewStaffUser {
  email: string;
  displayName: string;
  role: StaffRole;
  passwordHash: string;
}

/** An account change; null leaves the field as it is. */
export interface StaffUserChange {
  displayName: string | null;
  role: StaffRole | null;
  active: boolean | null;
  passwordHash: string | null;
}

const MEMBER_COLUMNS = `id, display_name AS "displayName", email, role, active`;

/** Where to e-mail a staff member. */
export interface StaffEmailRow {
  id: string;
  email: string;
}

/** Staff accounts (staff_user): typed rows, SQL only here. */
export const staffUserRepository = {
  async status(db: StaffStatusSource, staffId: string): Promise<StaffStatusRow | null> {
    const rows = await db.query(`SELECT active, role FROM staff_user WHERE id = $1`, [staffId]);
    return rows[0] ?? null;
  },

  async displayName(db: DataSource | EntityManager, staffId: string): Promise<string | null> {
    const rows = await db.query<Array<{ display_name: string }>>(`SELECT display_name FROM staff_user WHERE id = $1`, [staffId]);
    return rows[0]?.display_name ?? null;
  },

  /** The account's dashboard language; null when there is no such account. */
  async language(db: DataSource | EntityManager, staffId: string): Promise<StaffLanguage | null> {
    const rows = await db.query<Array<{ language: StaffLanguage }>>(`SELECT language FROM staff_user WHERE id = $1`, [staffId]);
    return rows[0]?.language ?? null;
  },

  /**
   * Sets the account's dashboard language and answers the one it had, read under the same row
   * lock, so the audit's before and after are exact; null when there is no such account.
   */
  async changeLanguage(manager: EntityManager, staffId: string, language: StaffLanguage): Promise<{ before: StaffLanguage } | null> {
    const [row] = await manager.query<Array<{ language: StaffLanguage }>>(`SELECT language FROM staff_user WHERE id = $1 FOR UPDATE`, [staffId]);
    if (!row) return null;
    await manager.query(`UPDATE staff_user SET language = $2 WHERE id = $1`, [staffId, language]);
    return { before: row.language };
  },

  /** The accounts admins manage, active ones first, by name; deactivated ones only when asked for. */
  list(db: DataSource | EntityManager, includeInactive: boolean): Promise<StaffMemberRow[]> {
    return db.query<StaffMemberRow[]>(`SELECT ${MEMBER_COLUMNS} FROM staff_user ${includeInactive ? '' : 'WHERE active'} ORDER BY active DESC, display_name`);
  },

  /**
   * Adds an account to the organisation of `creatorId` (the admin creating it). Null when the
   * email is taken already: the unique email decides, so two admins racing cannot both win.
   */
  async createInOrganisationOf(manager: EntityManager, creatorId: string, account: NewStaffUser): Promise<StaffMemberRow | null> {
    const [row] = await manager.query<StaffMemberRow[]>(
      `INSERT INTO staff_user (organisation_id, email, display_name, role, password_hash)
         SELECT organisation_id, $2, $3, $4, $5 FROM staff_user WHERE id = $1
         ON CONFLICT (email) DO NOTHING RETURNING ${MEMBER_COLUMNS}`,
      [creatorId, account.email, account.displayName, account.role, account.passwordHash],
    );
    return row ?? null;
  },

  /** An account locked (FOR UPDATE) until the caller's transaction ends, so a change and its audit see one state; null when there is none. */
  async lockMember(manager: EntityManager, staffId: string): Promise<StaffMemberRow | null> {
    const [row] = await manager.query<StaffMemberRow[]>(`SELECT ${MEMBER_COLUMNS} FROM staff_user WHERE id = $1 FOR UPDATE`, [staffId]);
    return row ?? null;
  },

  /** Changes an account (one the caller has locked with lockMember) and answers it as changed. */
  async update(manager: EntityManager, staffId: string, change: StaffUserChange): Promise<StaffMemberRow> {
    // An UPDATE through TypeORM answers [rows, affectedCount].
    const [[row]] = await manager.query<[StaffMemberRow[], number]>(
      `UPDATE staff_user SET display_name = COALESCE($2, display_name), role = COALESCE($3, role), active = COALESCE($4, active),
                password_hash = COALESCE($5, password_hash)
          WHERE id = $1 RETURNING ${MEMBER_COLUMNS}`,
      [staffId, change.displayName, change.role, change.active, change.passwordHash],
    );
    return present(row, `the changed staff account ${staffId}`);
  },

  /** The active account with this (normalised) email, with its password hash for signing in; null when there is none. */
  async activeForSignIn(db: DataSource | EntityManager, email: string): Promise<StaffSignInRow | null> {
    const [row] = await db.query<StaffSignInRow[]>(
      `SELECT id, email, display_name AS "displayName", role, language, password_hash AS "passwordHash"
         FROM staff_user WHERE email = $1 AND active`,
      [email],
    );
    return row ?? null;
  },

  /** Whether any account, active or not, has this email. */
  async emailExists(manager: EntityManager, email: string): Promise<boolean> {
    const existing = await manager.query<unknown[]>(`SELECT 1 FROM staff_user WHERE email = $1`, [email]);
    return existing.length > 0;
  },

  /** Adds an account to an organisation unless one has the email already (then nothing changes). */
  async insertIfMissing(manager: EntityManager, organisationId: string, account: NewStaffUser): Promise<void> {
    await manager.query(
      `INSERT INTO staff_user (organisation_id, email, display_name, role, password_hash)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (email) DO NOTHING`,
      [organisationId, account.email, account.displayName, account.role, account.passwordHash],
    );
  },

  /** The e-mail address of each of the given accounts (in no particular order; unknown ids are left out). */
  emails(db: DataSource | EntityManager, staffIds: readonly string[]): Promise<StaffEmailRow[]> {
    return db.query<StaffEmailRow[]>(`SELECT id, email FROM staff_user WHERE id = ANY($1)`, [staffIds]);
  },
};
