import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a purged case leaves in the audit log: its rows stay (who did what, when, to which case
 * id), their personal payload (`before`, `after`) goes. The application role may only append to
 * and read the log, so it cannot do this itself: `audit_forget_case_payloads(case)` runs as the
 * owner (SECURITY DEFINER) and nulls exactly those two columns of that case's rows, except the
 * purge's own count rows. The append-only trigger lets that one update through, and nothing else:
 * it checks a transaction-local flag only this function sets, and the application role has no
 * UPDATE privilege on the log to use it with anyway. The hash chain still verifies (each seal
 * keeps the payload's hash; audit-chain.ts counts such rows as purged).
 */
export class AuditForgetPurgedPayloads1766790000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND current_setting('safeguard.audit_forget', true) = 'on' THEN
          RETURN NULL;
        END IF;
        RAISE EXCEPTION 'audit_log is append-only';
      END $$ LANGUAGE plpgsql`);
    await queryRunner.query(`
      CREATE FUNCTION audit_forget_case_payloads(target_case uuid) RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE forgotten integer;
      BEGIN
        PERFORM set_config('safeguard.audit_forget', 'on', true);
        UPDATE audit_log SET before = NULL, after = NULL
         WHERE case_id = target_case AND action NOT LIKE 'retention.%' AND (before IS NOT NULL OR after IS NOT NULL);
        GET DIAGNOSTICS forgotten = ROW_COUNT;
        PERFORM set_config('safeguard.audit_forget', 'off', true);
        RETURN forgotten;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION audit_forget_case_payloads(uuid)`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$ LANGUAGE plpgsql`);
  }
}
