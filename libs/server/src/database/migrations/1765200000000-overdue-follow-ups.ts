import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Overdue queue counts follow-ups too: a case is overdue when a follow-up has fired and
 * nobody has done it yet. This finds those cases without reading the follow-up rows themselves
 * (scheduled follow-ups past their time are found by follow_up_due_idx).
 */
export class OverdueFollowUps1765200000000 implements MigrationInterface {
  name = 'OverdueFollowUps1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX follow_up_fired_case_idx ON follow_up (case_id) WHERE status = 'fired'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX follow_up_fired_case_idx`);
  }
}
