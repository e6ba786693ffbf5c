import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log's hash chain (audit/audit-chain.ts). One seal per audit row, in the order the
 * worker sealed them (`position`): the row's hash covers the previous seal's hash, the row's
 * non-personal columns and `payload_hash` (a hash of its personal payload, `before` and `after`).
 * Kept beside the log rather than in it, so the application role, which may only append to and
 * read the log, can append seals too; a retention purge may later null a row's payload and the
 * chain still verifies against `payload_hash`.
 */
export class AuditSeal1766500000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_seal (
        position bigint PRIMARY KEY,
        audit_id bigint NOT NULL,
        payload_hash text NOT NULL,
        hash text NOT NULL,
        sealed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT audit_seal_audit_id_key UNIQUE (audit_id)
      )`);
    await queryRunner.query(`
      CREATE FUNCTION audit_seal_is_append_only() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'audit_seal is append-only';
      END $$ LANGUAGE plpgsql`);
    await queryRunner.query(`
      CREATE TRIGGER audit_seal_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_seal
      FOR EACH STATEMENT EXECUTE FUNCTION audit_seal_is_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_seal`);
    await queryRunner.query(`DROP FUNCTION audit_seal_is_append_only()`);
  }
}
