import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether the person chose "Do not contact me", as opposed to skipping the question: the person's
 * pages say which. Cases from before cannot tell; they read as "did not say", which is true of both.
 */
export class ContactDeclined1765500001000 implements MigrationInterface {
  name = 'ContactDeclined1765500001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE support_case ADD COLUMN contact_declined boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE support_case DROP COLUMN contact_declined`);
  }
}
