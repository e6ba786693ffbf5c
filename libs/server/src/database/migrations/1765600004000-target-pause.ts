import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * While a case waits on the person, its first-response target (and the escalations planned from
 * it) pause: when it went waiting is kept, and leaving `waiting` moves the target on by the pause.
 */
export class TargetPause1765600004000 implements MigrationInterface {
  name = 'TargetPause1765600004000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE support_case ADD COLUMN target_paused_at timestamptz`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE support_case DROP COLUMN target_paused_at`);
  }
}
