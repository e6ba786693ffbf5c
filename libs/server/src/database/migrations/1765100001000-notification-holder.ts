import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications remember whether the person was told as the case's holder, so that when the
 * case is reassigned their open ones go with it to the new holder (a supervisor told because
 * of an escalation keeps theirs).
 */
export class NotificationHolder1765100001000 implements MigrationInterface {
  name = 'NotificationHolder1765100001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE notification ADD COLUMN as_holder boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`UPDATE notification n SET as_holder = true FROM support_case c WHERE c.id = n.case_id AND c.assignee_id = n.recipient_id`);
    // Handing over looks up a case's open holder notifications on every reassignment.
    await queryRunner.query(`CREATE INDEX notification_open_holder_idx ON notification (case_id) WHERE done_at IS NULL AND as_holder`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX notification_open_holder_idx`);
    await queryRunner.query(`ALTER TABLE notification DROP COLUMN as_holder`);
  }
}
