import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The request rate limits that must hold across API processes (access codes, intake, sign-in)
 * count in this table, through rate-limiter-flexible's PostgreSQL store (http/shared-throttler.storage.ts).
 * The columns are the ones that library writes (`INSERT ... VALUES (key, points, expire)`, in
 * that order); it is created here, not by the library, so the schema is only ever migrations.
 *
 * `key` is a keyed hash of the limit and the client (never an address or an e-mail address);
 * `expire` is when the count starts again (ms since the epoch). UNLOGGED: counters are not worth
 * a write-ahead log entry per request, and after a crash every client simply starts afresh.
 */
export class RateLimitCounter1766400000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE UNLOGGED TABLE rate_limit_counter (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE rate_limit_counter`);
  }
}
