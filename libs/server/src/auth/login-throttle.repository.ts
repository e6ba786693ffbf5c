import { DataSource, EntityManager } from 'typeorm';
import { present } from '@sg/domain';

/** What counting one sign-in attempt found, read in the statement that counted it. */
export interface LoginAttemptCountRow {
  /** Attempts from this address at this account in the current window, this one included. */
  addressAttempts: number;
  /** Seconds until the address's lock (or, unlocked, its window) ends. */
  addressRetrySeconds: number;
  /** The account's attempts, this one included; null when the address was over its limit (not counted). */
  accountAttempts: number | null;
  accountRetrySeconds: number | null;
}

/** The limits one attempt is counted against. */
export interface LoginAttemptLimits {
  addressFailures: number;
  accountFailures: number;
  windowMinutes: number;
  firstLockoutMinutes: number;
  maxLockoutMinutes: number;
  /** Lockouts count towards a longer next one until the row has gone this long untouched. */
  lockoutsRememberedHours: number;
}

/**
 * The ON CONFLICT part that counts one more attempt in a login_throttle* row (alias `t`), with
 * `$limit` attempts per window of $3 minutes; parameters as in countAttempt. The attempt that
 * reaches the limit locks the row (it is still checked: if its password is right the lock is
 * cleared); every later one finds attempts over the limit. A lock that has ended, or a window
 * that has passed unlocked, starts a new window. Limits are at least 3, so a new row never locks.
 */
function countOneMore(conflict: string, limit: string): string {
  const restart = `(CASE WHEN t.locked_until IS NOT NULL THEN t.locked_until <= now() ELSE t.window_started_at <= now() - make_interval(mins => $3) END)`;
  const lockouts = `(CASE WHEN t.updated_at < now() - make_interval(hours => $6) THEN 0 ELSE t.lockouts END)`;
  const reachesLimit = `(NOT ${restart} AND t.attempts + 1 = ${limit})`;
  return `ON CONFLICT (${conflict}) DO UPDATE SET
            attempts = CASE WHEN ${restart} THEN 1 ELSE t.attempts + 1 END,
            window_started_at = CASE WHEN ${restart} THEN now() ELSE t.window_started_at END,
            lockouts = CASE WHEN ${reachesLimit} THEN ${lockouts} + 1 ELSE ${lockouts} END,
            locked_until = CASE WHEN ${restart} THEN NULL
                                WHEN ${reachesLimit} THEN now() + make_interval(mins => LEAST($5, $4 * power(2, ${lockouts}))::int)
                                ELSE t.locked_until END,
            updated_at = now()
          RETURNING t.attempts, t.locked_until, t.window_started_at`;
}

/** Seconds until a counted row's lock, or unlocked its window, ends. */
const RETRY_SECONDS = (row: string) =>
  `ceil(extract(epoch FROM COALESCE(${row}.locked_until, ${row}.window_started_at + make_interval(mins => $3)) - now()))::int`;

/**
 * One statement: counts the attempt against the account and address, and, only when the address
 * is within its limit, against the account. Row locks (address, then account) make concurrent
 * attempts count one after another, so every caller learns an exact count before any password
 * is checked.
 */
const COUNT_ATTEMPT = `
  WITH address AS (
    INSERT INTO login_throttle_address AS t (account_key, address_key, attempts, window_started_at, updated_at)
         VALUES ($1, $2, 1, now(), now())
    ${countOneMore('account_key, address_key', '$7')}
  ), account AS (
    INSERT INTO login_throttle AS t (account_key, attempts, window_started_at, updated_at)
         SELECT $1, 1, now(), now() FROM address WHERE address.attempts <= $7
    ${countOneMore('account_key', '$8')}
  )
  SELECT address.attempts AS "addressAttempts", ${RETRY_SECONDS('address')} AS "addressRetrySeconds",
         account.attempts AS "accountAttempts", ${RETRY_SECONDS('account')} AS "accountRetrySeconds"
    FROM address LEFT JOIN account ON true`;

/**
 * Sign-in attempts per account (login_throttle) and per account and address
 * (login_throttle_address), keyed by a hash of the email and a keyed hash of the address.
 */
export const loginThrottleRepository = {
  /** Counts one attempt (see COUNT_ATTEMPT); the caller decides from the counts whether to check the password. */
  async countAttempt(db: DataSource | EntityManager, accountKey: string, addressKey: string, limits: LoginAttemptLimits): Promise<LoginAttemptCountRow> {
    const [row] = await db.query<LoginAttemptCountRow[]>(COUNT_ATTEMPT, [
      accountKey,
      addressKey,
      limits.windowMinutes,
      limits.firstLockoutMinutes,
      limits.maxLockoutMinutes,
      limits.lockoutsRememberedHours,
      limits.addressFailures,
      limits.accountFailures,
    ]);
    return present(row, 'the login attempt counts');
  },

  /**
   * A successful sign-in: forgets the account's and this address's counts. Two statements, the
   * address first, in the order countAttempt locks them, and never both locks at once.
   */
  async clearAfterSuccess(db: DataSource | EntityManager, accountKey: string, addressKey: string): Promise<void> {
    await db.query(`DELETE FROM login_throttle_address WHERE account_key = $1 AND address_key = $2`, [accountKey, addressKey]);
    await db.query(`DELETE FROM login_throttle WHERE account_key = $1`, [accountKey]);
  },

  /** An admin reset the password: forgets the account's counts from every address. */
  async clearAccount(db: DataSource | EntityManager, accountKey: string): Promise<void> {
    await db.query(`DELETE FROM login_throttle_address WHERE account_key = $1`, [accountKey]);
    await db.query(`DELETE FROM login_throttle WHERE account_key = $1`, [accountKey]);
  },

  /**
   * Forgets rows untouched for `hours` whose lock (if any) has ended: each guessed email and each
   * address leaves a row, and nothing else would ever remove it.
   */
  async forgetStale(db: DataSource | EntityManager, hours: number): Promise<void> {
    for (const table of ['login_throttle_address', 'login_throttle']) {
      await db.query(`DELETE FROM ${table} WHERE updated_at < now() - make_interval(hours => $1) AND (locked_until IS NULL OR locked_until < now())`, [hours]);
    }
  },
};
