import { DataSource } from 'typeorm';
import { PurgeResult, retentionRepository } from './retention.repository';

/**
 * How long a submitted intake's answer (with its access code, sealed) can be replayed for the
 * same Idempotency-Key. Retries on a flaky phone come within seconds or minutes; a day covers a
 * phone that lost signal overnight. After that the answer, and so the access code, is deleted:
 * it must not sit in the database for as long as the case does.
 */
export const IDEMPOTENCY_REPLAY_HOURS = 24;

/** Sign-in throttle rows with no failure for this long (and no lockout running) are forgotten. */
export const LOGIN_THROTTLE_FORGET_HOURS = 24;

/** How often the worker purges (the replay window is enforced on read too, so this only tidies). */
export const PURGE_EVERY_MS = 15 * 60_000;

export type { PurgeResult };

/** Deletes what has expired. Safe to run twice or from several workers at once. */
export function purgeExpired(dataSource: DataSource): Promise<PurgeResult> {
  return retentionRepository.purgeExpired(dataSource, IDEMPOTENCY_REPLAY_HOURS, LOGIN_THROTTLE_FORGET_HOURS);
}
