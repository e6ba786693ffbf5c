import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables whose rows move with a merge (case-links/case-merge.service.ts). */
const MOVABLE = ['case_platform', 'case_content_url', 'case_evidence', 'takedown_request', 'case_report', 'follow_up', 'case_message'] as const;

/**
 * Linked cases and merged duplicates.
 * - `case_link`: one row per linked pair (the lower id first, so a pair is stored once); unlinking deletes it
 *   (the timeline and the audit log keep the history).
 * - `support_case.merged_into`: a duplicate intake merged into its original; `merged_status` is the status it
 *   had, restored by an unmerge.
 * - `origin_case_id` on every row a merge moves: the case it came from, so the person who submitted it keeps
 *   seeing only their own, and an unmerge moves exactly those rows back. Null: the row is its case's own.
 *   No foreign key: a purged duplicate leaves its id behind, which matches no one.
 */
export class CaseLinks1766815000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_link (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        low_case_id uuid NOT NULL CONSTRAINT case_link_low_case_id_fkey REFERENCES support_case(id) ON DELETE CASCADE,
        high_case_id uuid NOT NULL CONSTRAINT case_link_high_case_id_fkey REFERENCES support_case(id) ON DELETE CASCADE,
        reason text NOT NULL,
        linked_by uuid NOT NULL CONSTRAINT case_link_linked_by_fkey REFERENCES staff_user(id) ON DELETE RESTRICT,
        linked_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT case_link_order_check CHECK (low_case_id < high_case_id),
        CONSTRAINT case_link_pair_key UNIQUE (low_case_id, high_case_id)
      )`);
    await queryRunner.query(`CREATE INDEX case_link_high_idx ON case_link (high_case_id)`);
    await queryRunner.query(`
      ALTER TABLE support_case
        ADD COLUMN merged_into uuid CONSTRAINT support_case_merged_into_fkey REFERENCES support_case(id) ON DELETE SET NULL,
        ADD COLUMN merged_at timestamptz,
        ADD COLUMN merged_status text`);
    await queryRunner.query(`CREATE INDEX support_case_merged_into_idx ON support_case (merged_into) WHERE merged_into IS NOT NULL`);
    for (const table of MOVABLE) await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN origin_case_id uuid`);
    // The clusters walk the cases from the most recently changed (case-links/cluster.repository.ts).
    await queryRunner.query(`CREATE INDEX support_case_updated_idx ON support_case (updated_at, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX support_case_updated_idx`);
    for (const table of MOVABLE) await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN origin_case_id`);
    await queryRunner.query(`ALTER TABLE support_case DROP COLUMN merged_status, DROP COLUMN merged_at, DROP COLUMN merged_into`);
    await queryRunner.query(`DROP TABLE case_link`);
  }
}
