import { DataSource } from 'typeorm';
import { present } from '@sg/domain';

/** How many expired rows a purge deleted. */
export interface PurgeResult {
  idempotencyRecords: number;
  loginThrottles: number;
}

/** Retention SQL: deleting what is kept only for a while (see retention.ts for how long, and why). */
export const retentionRepository = {
  /**
   * Deletes intake answers older than `idempotencyHours` and sign-in throttle rows with no
   * failure for `throttleHours` and no lockout running, in one statement. Safe to run twice or
   * from several workers at once.
   */
  async purgeExpired(dataSource: DataSource, idempotencyHours: number, throttleHours: number): Promise<PurgeResult> {
    const [row] = await dataSource.query<PurgeResult[]>(
      `WITH idempotency AS (
       DELETE FROM idempotency_record WHERE created_at < now() - make_interval(hours => $1) RETURNING 1
     ), throttles AS (
       DELETE FROM login_throttle
        WHERE updated_at < now() - make_interval(hours => $2) AND (locked_until IS NULL OR locked_until < now())
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM idempotency)::int AS "idempotencyRecords", (SELECT count(*) FROM throttles)::int AS "loginThrottles"`,
      [idempotencyHours, throttleHours],
    );
    return present(row, 'the purge counts');
  },
};
