import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A nudge per staff message that needs one (conversation/nudge.processor.ts): `pending` until the
 * worker has told the person, then `sent`, or `undeliverable` (no transport configured, or the
 * contact detail refused). NULL: no nudge (no consent, a phone or no channel, or one already waits unread).
 */
export class MessageNudges1765600002000 implements MigrationInterface {
  name = 'MessageNudges1765600002000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE case_message
        ADD COLUMN nudge_status text CONSTRAINT case_message_nudge_status_check CHECK ("nudge_status" IN ('pending', 'sent', 'undeliverable')),
        ADD COLUMN nudged_at timestamptz`);
    // The sweep looks only at pending ones: a small partial index.
    await queryRunner.query(`CREATE INDEX case_message_nudge_pending_idx ON case_message (sent_at) WHERE nudge_status = 'pending'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX case_message_nudge_pending_idx`);
    await queryRunner.query(`ALTER TABLE case_message DROP COLUMN nudge_status, DROP COLUMN nudged_at`);
  }
}
