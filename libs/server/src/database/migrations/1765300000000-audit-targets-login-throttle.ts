import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * - audit_log says which record a change was made to (an account, a directory entry), not only
 *   which case: `target_kind` + `target_id`.
 * - login_throttle: failed sign-ins per account, shared by every API process (the in-memory
 *   per-address limit cannot stop guesses spread over many addresses).
 * - The seeded directory as the domain guide has it: the Malaysian psychosocial support line is
 *   for support too. Only an entry nobody has edited since it was seeded is changed.
 */
export class AuditTargetsLoginThrottle1765300000000 implements MigrationInterface {
  name = 'AuditTargetsLoginThrottle1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE audit_log ADD COLUMN target_kind text, ADD COLUMN target_id uuid`);
    await queryRunner.query(`CREATE INDEX audit_log_target_idx ON audit_log (target_kind, target_id, at) WHERE target_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE login_throttle (
        -- sha256 of the normalised email: what people type there (sometimes a password) is not kept.
        account_key text PRIMARY KEY,
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        lockouts integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      UPDATE resource_entry SET audiences = ARRAY['self_harm', 'support'], updated_at = now()
       WHERE key = 'my-mhpss' AND audiences = ARRAY['self_harm'] AND updated_at = created_at`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE login_throttle`);
    await queryRunner.query(`DROP INDEX audit_log_target_idx`);
    await queryRunner.query(`ALTER TABLE audit_log DROP COLUMN target_kind, DROP COLUMN target_id`);
  }
}
