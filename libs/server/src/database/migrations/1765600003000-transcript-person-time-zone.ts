import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff intakes by phone or chat keep their call notes or chat as a sealed transcript (shown in the
 * Conversation tab); every case keeps the person's time zone, so a promised reply time is in theirs.
 */
export class TranscriptPersonTimeZone1765600003000 implements MigrationInterface {
  name = 'TranscriptPersonTimeZone1765600003000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE support_case ADD COLUMN person_time_zone text`);
    await queryRunner.query(`
      CREATE TABLE case_transcript (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL CONSTRAINT case_transcript_case_id_fkey REFERENCES support_case(id) ON DELETE CASCADE,
        body_sealed bytea NOT NULL,
        recorded_by uuid NOT NULL CONSTRAINT case_transcript_recorded_by_fkey REFERENCES staff_user(id) ON DELETE RESTRICT,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX case_transcript_case_idx ON case_transcript (case_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE case_transcript`);
    await queryRunner.query(`ALTER TABLE support_case DROP COLUMN person_time_zone`);
  }
}
