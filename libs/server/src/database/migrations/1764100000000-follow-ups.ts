import { MigrationInterface, QueryRunner } from 'typeorm';

/** Takedown requests, reports to agencies, scheduled follow-ups and the notifications they raise. */
export class FollowUps1764100000000 implements MigrationInterface {
  name = 'FollowUps1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE takedown_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES support_case(id) ON DELETE CASCADE,
        platform text NOT NULL,
        url text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('platform_form', 'take_it_down', 'stopncii', 'search_delisting', 'hosting_provider', 'law_enforcement')),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'acknowledged', 'removed', 'rejected', 'escalated', 'reappeared')),
        ticket_number text,
        submitted_at timestamptz,
        acknowledged_at timestamptz,
        removed_at timestamptz,
        rejected_at timestamptz,
        escalated_at timestamptz,
        reappeared_at timestamptz,
        previous_request_id uuid REFERENCES takedown_request(id),
        created_by uuid REFERENCES staff_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX takedown_request_case_idx ON takedown_request (case_id, created_at)`);

    await queryRunner.query(`
      CREATE TABLE case_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES support_case(id) ON DELETE CASCADE,
        agency_kind text NOT NULL CHECK (agency_kind IN ('police', 'cybercrime_unit', 'cybertipline', 'platform')),
        agency_name text NOT NULL,
        reference_number text,
        status text NOT NULL DEFAULT 'drafted' CHECK (status IN ('drafted', 'filed', 'acknowledged', 'actioned', 'no_action')),
        filed_at timestamptz,
        acknowledged_at timestamptz,
        closed_at timestamptz,
        created_by uuid REFERENCES staff_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX case_report_case_idx ON case_report (case_id, created_at)`);

    await queryRunner.query(`
      CREATE TABLE follow_up (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES support_case(id) ON DELETE CASCADE,
        kind text NOT NULL,
        subject_type text NOT NULL CHECK (subject_type IN ('case', 'takedown', 'report')),
        subject_id uuid NOT NULL,
        -- One row per planned follow-up, ever: planning again can only move or revive it.
        dedupe_key text NOT NULL UNIQUE,
        audience text NOT NULL CHECK (audience IN ('assignee', 'supervisors')),
        due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'fired', 'done', 'cancelled')),
        fired_at timestamptz,
        done_at timestamptz,
        done_by uuid REFERENCES staff_user(id),
        cancelled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX follow_up_case_idx ON follow_up (case_id, due_at)`);
    // The sweeper's and the bench's question: what is scheduled and due soon?
    await queryRunner.query(`CREATE INDEX follow_up_due_idx ON follow_up (due_at) WHERE status = 'scheduled'`);
    await queryRunner.query(`CREATE INDEX follow_up_fired_idx ON follow_up (fired_at) WHERE status = 'fired'`);

    await queryRunner.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_id uuid NOT NULL REFERENCES staff_user(id),
        follow_up_id uuid NOT NULL REFERENCES follow_up(id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES support_case(id) ON DELETE CASCADE,
        kind text NOT NULL,
        title text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        done_at timestamptz,
        -- Exactly once: however often a follow-up's job runs, each person is told once.
        UNIQUE (follow_up_id, recipient_id)
      )`);
    await queryRunner.query(`CREATE INDEX notification_open_idx ON notification (recipient_id, created_at) WHERE done_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['notification', 'follow_up', 'case_report', 'takedown_request']) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
