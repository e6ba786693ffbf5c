import { DataSource, EntityManager } from 'typeorm';

/** One account's failed sign-ins, with the database's clock at the time it was read. */
export interface LoginThrottleCountingRow {
  account_key: string;
  failures: number;
  window_started_at: Date;
  lockouts: number;
  locked_until: Date | null;
  updated_at: Date;
  /** now() in the reading transaction: every comparison uses the database's clock. */
  now: Date;
}

/** The counts recordFailure settles on for an account. */
export interface LoginThrottleUpdate {
  failures: number;
  /** Start a new counting window now. */
  restartWindow: boolean;
  lockouts: number;
  /** Lock sign-in for `lockMinutes` from now; otherwise a restarted window clears any lock. */
  lock: boolean;
  lockMinutes: number;
}

/** Failed sign-ins per account (login_throttle), keyed by a hash of the email (accountKey). */
export const loginThrottleRepository = {
  /** Seconds (rounded up) the account's sign-in stays locked; null when it is not locked. */
  async lockedSeconds(db: DataSource | EntityManager, key: string): Promise<number | null> {
    const [row] = await db.query<Array<{ seconds: number }>>(
      `SELECT ceil(extract(epoch FROM locked_until - now()))::int AS seconds FROM login_throttle WHERE account_key = $1 AND locked_until > now()`,
      [key],
    );
    return row ? row.seconds : null;
  },

  /**
   * The account's row, created (no failures yet) if missing, and locked (FOR UPDATE) until the
   * caller's transaction ends: concurrent failures for one account are counted one after another.
   */
  async lockForCounting(manager: EntityManager, key: string): Promise<LoginThrottleCountingRow> {
    await manager.query(`INSERT INTO login_throttle (account_key, failures, window_started_at) VALUES ($1, 0, now()) ON CONFLICT (account_key) DO NOTHING`, [key]);
    const [row] = await manager.query<LoginThrottleCountingRow[]>(`SELECT *, now() AS now FROM login_throttle WHERE account_key = $1 FOR UPDATE`, [key]);
    return row;
  },

  /** Writes the counts for an account locked with lockForCounting. */
  async update(manager: EntityManager, key: string, change: LoginThrottleUpdate): Promise<void> {
    await manager.query(
      `UPDATE login_throttle
            SET failures = $2, window_started_at = CASE WHEN $3 THEN now() ELSE window_started_at END, lockouts = $4,
                locked_until = CASE WHEN $5 THEN now() + make_interval(mins => $6) WHEN $3 THEN NULL ELSE locked_until END,
                updated_at = now()
          WHERE account_key = $1`,
      [key, change.failures, change.restartWindow, change.lockouts, change.lock, change.lockMinutes],
    );
  },

  /** Forgets the account's failures and lockouts. */
  async clear(db: DataSource | EntityManager, key: string): Promise<void> {
    await db.query(`DELETE FROM login_throttle WHERE account_key = $1`, [key]);
  },
};
