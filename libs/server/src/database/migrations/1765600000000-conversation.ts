import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The conversation with the person (issue 10): sealed messages, each staff member's read position,
 * and the person's short-lived access sessions. Entities: conversation/conversation.entities.ts.
 */
export class Conversation1765600000000 implements MigrationInterface {
  name = 'Conversation1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL CONSTRAINT case_message_case_id_fkey REFERENCES support_case(id) ON DELETE CASCADE,
        author_kind text NOT NULL,
        author_id uuid CONSTRAINT case_message_author_id_fkey REFERENCES staff_user(id) ON DELETE RESTRICT,
        client_message_id uuid NOT NULL,
        body_sealed bytea NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        read_by_person_at timestamptz,
        CONSTRAINT case_message_client_message_key UNIQUE (case_id, client_message_id),
        CONSTRAINT case_message_author_check CHECK (("author_kind" = 'person' AND "author_id" IS NULL) OR ("author_kind" = 'staff' AND "author_id" IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX case_message_case_sent_idx ON case_message (case_id, sent_at)`);
    await queryRunner.query(`
      CREATE TABLE case_message_read (
        case_id uuid NOT NULL CONSTRAINT case_message_read_case_id_fkey REFERENCES support_case(id) ON DELETE CASCADE,
        staff_id uuid NOT NULL CONSTRAINT case_message_read_staff_id_fkey REFERENCES staff_user(id) ON DELETE CASCADE,
        read_at timestamptz NOT NULL,
        PRIMARY KEY (case_id, staff_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE case_access_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL CONSTRAINT case_access_session_case_id_fkey REFERENCES support_case(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        ended_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX case_access_session_case_idx ON case_access_session (case_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE case_access_session`);
    await queryRunner.query(`DROP TABLE case_message_read`);
    await queryRunner.query(`DROP TABLE case_message`);
  }
}
