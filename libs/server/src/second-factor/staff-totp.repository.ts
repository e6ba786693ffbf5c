import { DataSource, EntityManager } from 'typeorm';
import { present } from '@sg/domain';

/** A member's second factor as their own page shows it. */
export interface SecondFactorStateRow {
  enrolled: boolean;
  recoveryCodesLeft: number;
}

/** A TOTP secret as stored: sealed, with the newest step used (null: none yet). */
export interface SealedTotpRow {
  secretSealed: Buffer;
  confirmed: boolean;
  lastUsedStep: number | null;
}

/** Staff second factors (staff_totp, staff_totp_recovery_code): typed rows, SQL only here. */
export const staffTotpRepository = {
  async state(db: DataSource | EntityManager, staffId: string): Promise<SecondFactorStateRow> {
    const [row] = await db.query<SecondFactorStateRow[]>(
      `SELECT EXISTS (SELECT 1 FROM staff_totp WHERE staff_id = $1 AND confirmed_at IS NOT NULL) AS enrolled,
              (SELECT count(*)::int FROM staff_totp_recovery_code WHERE staff_id = $1 AND used_at IS NULL) AS "recoveryCodesLeft"`,
      [staffId],
    );
    return present(row, 'the second-factor state');
  },

  /** Whether the account has a confirmed second factor (its sign-in needs a code). */
  async enrolled(db: DataSource | EntityManager, staffId: string): Promise<boolean> {
    const [row] = await db.query<Array<{ enrolled: boolean }>>(
      `SELECT EXISTS (SELECT 1 FROM staff_totp WHERE staff_id = $1 AND confirmed_at IS NOT NULL) AS enrolled`,
      [staffId],
    );
    return present(row, 'the enrolment check').enrolled;
  },

  /**
   * Starts (or restarts) an enrolment with a new sealed secret; false when the account has a
   * confirmed one already (then nothing changes).
   */
  async startEnrolment(db: DataSource | EntityManager, staffId: string, secretSealed: Buffer): Promise<boolean> {
    const rows = await db.query<unknown[]>(
      `INSERT INTO staff_totp (staff_id, secret_sealed) VALUES ($1, $2)
       ON CONFLICT (staff_id) DO UPDATE SET secret_sealed = EXCLUDED.secret_sealed, created_at = now(), last_used_step = NULL
        WHERE staff_totp.confirmed_at IS NULL
       RETURNING staff_id`,
      [staffId, secretSealed],
    );
    return rows.length > 0;
  },

  /** The account's secret, locked (FOR UPDATE) until the caller's transaction ends; null without one. */
  async lock(manager: EntityManager, staffId: string): Promise<SealedTotpRow | null> {
    const [row] = await manager.query<Array<{ secretSealed: Buffer; confirmed: boolean; lastUsedStep: string | null }>>(
      `SELECT secret_sealed AS "secretSealed", confirmed_at IS NOT NULL AS confirmed, last_used_step::text AS "lastUsedStep"
         FROM staff_totp WHERE staff_id = $1 FOR UPDATE`,
      [staffId],
    );
    return row ? { secretSealed: row.secretSealed, confirmed: row.confirmed, lastUsedStep: row.lastUsedStep === null ? null : Number(row.lastUsedStep) } : null;
  },

  /** Confirms a pending enrolment with the step of the code that confirmed it (so that code is spent). */
  async confirm(manager: EntityManager, staffId: string, step: number): Promise<void> {
    await manager.query(`UPDATE staff_totp SET confirmed_at = now(), last_used_step = $2 WHERE staff_id = $1`, [staffId, step]);
  },

  /**
   * Spends a step: true only when it is later than every step used before, in one conditional
   * UPDATE, so two sign-ins racing with one code cannot both win.
   */
  async useStep(db: DataSource | EntityManager, staffId: string, step: number): Promise<boolean> {
    const [rows] = await db.query<[unknown[], number]>(
      `UPDATE staff_totp SET last_used_step = $2 WHERE staff_id = $1 AND confirmed_at IS NOT NULL AND (last_used_step IS NULL OR last_used_step < $2) RETURNING staff_id`,
      [staffId, step],
    );
    return rows.length > 0;
  },

  /** Replaces the account's recovery codes with these keyed hashes. */
  async replaceRecoveryCodes(manager: EntityManager, staffId: string, codeHashes: readonly string[]): Promise<void> {
    await manager.query(`DELETE FROM staff_totp_recovery_code WHERE staff_id = $1`, [staffId]);
    await manager.query(`INSERT INTO staff_totp_recovery_code (staff_id, code_hash) SELECT $1, unnest($2::text[])`, [staffId, codeHashes]);
  },

  /**
   * Spends a recovery code (by its keyed hash): answers the codes left after it, or null when it
   * is not one of the account's unused codes. One conditional UPDATE: a code works once.
   */
  async useRecoveryCode(manager: EntityManager, staffId: string, codeHash: string): Promise<number | null> {
    const [rows] = await manager.query<[unknown[], number]>(
      `UPDATE staff_totp_recovery_code SET used_at = now() WHERE staff_id = $1 AND code_hash = $2 AND used_at IS NULL
          AND EXISTS (SELECT 1 FROM staff_totp WHERE staff_id = $1 AND confirmed_at IS NOT NULL) RETURNING id`,
      [staffId, codeHash],
    );
    if (!rows.length) return null;
    const [left] = await manager.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM staff_totp_recovery_code WHERE staff_id = $1 AND used_at IS NULL`,
      [staffId],
    );
    return present(left, 'the recovery-code count').n;
  },

  /** Removes the account's second factor and recovery codes; answers whether it had a confirmed one. */
  async remove(manager: EntityManager, staffId: string): Promise<boolean> {
    const [rows] = await manager.query<[Array<{ confirmed: boolean }>, number]>(
      `DELETE FROM staff_totp WHERE staff_id = $1 RETURNING confirmed_at IS NOT NULL AS confirmed`,
      [staffId],
    );
    await manager.query(`DELETE FROM staff_totp_recovery_code WHERE staff_id = $1`, [staffId]);
    return rows.some((row) => row.confirmed);
  },
};
