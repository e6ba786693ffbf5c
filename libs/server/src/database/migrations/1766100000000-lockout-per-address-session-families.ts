import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 12, sign-in and sessions:
 * - login_throttle counts attempts (before the password is checked), not failures.
 * - login_throttle_address: the same per account and address, the address as a keyed hash only.
 *   An address is locked out of an account before the account is locked for everyone.
 * - staff_session.family_id: every session rotated from one sign-in shares it (the first
 *   session's id); `ended_by` says why a session ended, so reusing a rotated refresh token (a
 *   copy) can end the whole family, and access tokens (which carry the family) end with it.
 */
export class LockoutPerAddressSessionFamilies1766100000000 implements MigrationInterface {
  name = 'LockoutPerAddressSessionFamilies1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE login_throttle RENAME COLUMN failures TO attempts`);
    await queryRunner.query(`
      CREATE TABLE login_throttle_address (
        -- sha256 of the normalised email, as in login_throttle.
        account_key text NOT NULL,
        -- HMAC of the client's address under a key derived from DATA_ENCRYPTION_KEY: never the address.
        address_key text NOT NULL,
        attempts integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        lockouts integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (account_key, address_key)
      )`);
    // Stale rows are forgotten on successful sign-ins (loginThrottleRepository.forgetStale).
    await queryRunner.query(`CREATE INDEX login_throttle_address_updated_idx ON login_throttle_address (updated_at)`);
    await queryRunner.query(`CREATE INDEX login_throttle_updated_idx ON login_throttle (updated_at)`);
    await queryRunner.query(`ALTER TABLE staff_session ADD COLUMN family_id uuid, ADD COLUMN ended_by text`);
    await queryRunner.query(`UPDATE staff_session SET family_id = id`);
    await queryRunner.query(`
      ALTER TABLE staff_session
        ALTER COLUMN family_id SET NOT NULL,
        ADD CONSTRAINT staff_session_ended_by_check CHECK (ended_by IN ('rotation', 'sign_out', 'reuse', 'account'))`);
    await queryRunner.query(`CREATE INDEX staff_session_family_idx ON staff_session (family_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX staff_session_family_idx`);
    await queryRunner.query(`ALTER TABLE staff_session DROP CONSTRAINT staff_session_ended_by_check, DROP COLUMN ended_by, DROP COLUMN family_id`);
    await queryRunner.query(`DROP INDEX login_throttle_updated_idx`);
    await queryRunner.query(`DROP TABLE login_throttle_address`);
    await queryRunner.query(`ALTER TABLE login_throttle RENAME COLUMN attempts TO failures`);
  }
}
