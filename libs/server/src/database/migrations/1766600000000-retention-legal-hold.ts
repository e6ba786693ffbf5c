import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention with legal hold (retention/).
 * - organisation_retention: how many days a resolved or closed case is kept after its last
 *   activity; absent, or `closed_case_days` null, while the organisation has not chosen (nothing is
 *   purged by age then).
 * - case_legal_hold: a case on hold is never purged (one row while it is held; the history is on the
 *   timeline and in the audit log).
 * - case_deletion_request: the person asked to delete their case; carried out after `execute_after`
 *   unless the case is on hold.
 * - purged_case / purged_takedown / purged_report: what Trends counts of a purged case, and nothing
 *   else: no case id, reference, free text, contact or staff id.
 */
export class RetentionLegalHold1766600000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organisation_retention (
        organisation_id uuid PRIMARY KEY CONSTRAINT organisation_retention_organisation_id_fkey REFERENCES organisation(id) ON DELETE CASCADE,
        closed_case_days integer CONSTRAINT organisation_retention_days_range CHECK (closed_case_days BETWEEN 30 AND 3650),
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid CONSTRAINT organisation_retention_updated_by_fkey REFERENCES staff_user(id) ON DELETE SET NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE case_legal_hold (
        case_id uuid PRIMARY KEY CONSTRAINT case_legal_hold_case_id_fkey REFERENCES support_case(id) ON DELETE CASCADE,
        reason text NOT NULL CONSTRAINT case_legal_hold_reason_present CHECK (length(btrim(reason)) > 0),
        placed_by uuid CONSTRAINT case_legal_hold_placed_by_fkey REFERENCES staff_user(id) ON DELETE SET NULL,
        placed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE case_deletion_request (
        case_id uuid PRIMARY KEY CONSTRAINT case_deletion_request_case_id_fkey REFERENCES support_case(id) ON DELETE CASCADE,
        requested_at timestamptz NOT NULL DEFAULT now(),
        execute_after timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX case_deletion_request_due_idx ON case_deletion_request (execute_after)`);
    await queryRunner.query(`
      CREATE TABLE purged_case (
        id bigserial PRIMARY KEY,
        created_at timestamptz NOT NULL,
        priority_rank smallint NOT NULL CONSTRAINT purged_case_priority_rank_range CHECK (priority_rank BETWEEN 0 AND 3),
        first_response_due_at timestamptz NOT NULL,
        first_responded_at timestamptz,
        purged_at timestamptz NOT NULL DEFAULT now(),
        purge_reason text NOT NULL CONSTRAINT purged_case_reason_check CHECK (purge_reason IN ('retention', 'person_request'))
      )`);
    await queryRunner.query(`CREATE INDEX purged_case_created_idx ON purged_case (created_at)`);
    await queryRunner.query(`
      CREATE TABLE purged_takedown (
        id bigserial PRIMARY KEY,
        platform text NOT NULL,
        submitted_at timestamptz NOT NULL,
        removed_at timestamptz,
        rejected_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX purged_takedown_submitted_idx ON purged_takedown (submitted_at)`);
    await queryRunner.query(`
      CREATE TABLE purged_report (
        id bigserial PRIMARY KEY,
        agency_kind text NOT NULL,
        status text NOT NULL,
        filed_at timestamptz NOT NULL,
        acknowledged_at timestamptz,
        closed_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX purged_report_filed_idx ON purged_report (filed_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['purged_report', 'purged_takedown', 'purged_case', 'case_deletion_request', 'case_legal_hold', 'organisation_retention']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
