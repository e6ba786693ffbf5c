import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The staff second factor: one TOTP authenticator per account (its secret sealed, the last time
 * step used so a code is never accepted twice) and its single-use recovery codes (keyed hashes).
 * An enrolment is pending until confirmed with a code.
 */
export class StaffTotp1766800000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE staff_totp (
        staff_id uuid PRIMARY KEY CONSTRAINT staff_totp_staff_id_fkey REFERENCES staff_user(id) ON DELETE CASCADE,
        secret_sealed bytea NOT NULL,
        confirmed_at timestamptz,
        last_used_step bigint,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE staff_totp_recovery_code (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        staff_id uuid NOT NULL CONSTRAINT staff_totp_recovery_code_staff_id_fkey REFERENCES staff_user(id) ON DELETE CASCADE,
        code_hash text NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT staff_totp_recovery_code_unique UNIQUE (staff_id, code_hash)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE staff_totp_recovery_code`);
    await queryRunner.query(`DROP TABLE staff_totp`);
  }
}
