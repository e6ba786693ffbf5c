import { EntityManager } from 'typeorm';

/** A live session with the case it opens. */
export interface AccessSessionRow {
  id: string;
  caseId: string;
  expiresAt: Date;
}

/** The person's access sessions (conversation/person-session.service.ts explains them). */
export const caseAccessSessionRepository = {
  async insert(manager: EntityManager, session: { caseId: string; tokenHash: string; expiresAt: Date }): Promise<void> {
    await manager.query(`INSERT INTO case_access_session (case_id, token_hash, expires_at) VALUES ($1, $2, $3)`, [
      session.caseId,
      session.tokenHash,
      session.expiresAt,
    ]);
  },

  /**
   * Uses a session: a live one is moved on to `idleUntil` (capped at `maxAge` after it began) and
   * answered; an ended, expired or unknown one answers nothing. One statement, so two tabs polling
   * at once cannot revive an expired session.
   */
  async touch(manager: EntityManager, tokenHash: string, idleMinutes: number, maxHours: number): Promise<AccessSessionRow | undefined> {
    // An UPDATE answers [rows, count] through TypeORM's PostgreSQL driver.
    const [rows] = await manager.query<[AccessSessionRow[], number]>(
      `UPDATE case_access_session
          SET expires_at = LEAST(now() + make_interval(mins => $2), created_at + make_interval(hours => $3))
        WHERE token_hash = $1 AND ended_at IS NULL AND expires_at > now()
        RETURNING id, case_id AS "caseId", expires_at AS "expiresAt"`,
      [tokenHash, idleMinutes, maxHours],
    );
    return rows[0];
  },

  /** Ends a session (quick exit, or leaving the page). Ending one twice is harmless. */
  async end(manager: EntityManager, tokenHash: string): Promise<void> {
    await manager.query(`UPDATE case_access_session SET ended_at = now() WHERE token_hash = $1 AND ended_at IS NULL`, [tokenHash]);
  },

  /** Ended and expired sessions are of no use to anyone: the retention sweep removes them. */
  async deleteFinished(manager: EntityManager, olderThan: Date): Promise<number> {
    const [, affected] = await manager.query<[unknown[], number]>(`DELETE FROM case_access_session WHERE COALESCE(ended_at, expires_at) < $1`, [olderThan]);
    return affected;
  },
};
