import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The supervisor's trends read every case, takedown request and report of a recent window. Each
 * index below is keyed on the window's time column and carries the columns the aggregates read,
 * so a 90-day window over years of history is an index-only range scan instead of a heap read
 * per row (rows are updated as cases are worked, so a window's rows do not stay together).
 */
export class TrendsIndexes1765400000000 implements MigrationInterface {
  name = 'TrendsIndexes1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Replaces support_case_created_at_idx: same key, so it serves every query that one did.
    await queryRunner.query(`
      CREATE INDEX support_case_created_trends_idx ON support_case (created_at)
      INCLUDE (priority_rank, first_responded_at, first_response_due_at)`);
    await queryRunner.query(`DROP INDEX support_case_created_at_idx`);
    await queryRunner.query(`
      CREATE INDEX takedown_request_submitted_idx ON takedown_request (submitted_at)
      INCLUDE (platform, removed_at, rejected_at) WHERE submitted_at IS NOT NULL`);
    await queryRunner.query(`
      CREATE INDEX case_report_filed_idx ON case_report (filed_at)
      INCLUDE (agency_kind, status, acknowledged_at, closed_at) WHERE filed_at IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX case_report_filed_idx`);
    await queryRunner.query(`DROP INDEX takedown_request_submitted_idx`);
    await queryRunner.query(`CREATE INDEX support_case_created_at_idx ON support_case (created_at)`);
    await queryRunner.query(`DROP INDEX support_case_created_trends_idx`);
  }
}
