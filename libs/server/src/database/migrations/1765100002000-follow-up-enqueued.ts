import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Follow-ups record which revision has had its job added, so the sweep adds only the jobs that
 * were never added (the process died, or the backend refused, between commit and enqueue) rather
 * than re-adding every follow-up due in the next two minutes every 15 seconds.
 */
export class FollowUpEnqueued1765100002000 implements MigrationInterface {
  name = 'FollowUpEnqueued1765100002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE follow_up ADD COLUMN enqueued_revision integer`);
    // Jobs of follow-ups already scheduled were added under the old ids: leave them to the sweep once.
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE follow_up DROP COLUMN enqueued_revision`);
  }
}
