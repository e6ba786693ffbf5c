import { RESOURCE_DIRECTORY_SEED } from '@sg/domain';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Cases from intake, their children, idempotency records, and the resource directory (seeded). */
export class IntakeAndCases1763900000000 implements MigrationInterface {
  name = 'IntakeAndCases1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE resource_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL UNIQUE,
        jurisdiction text NOT NULL CHECK (jurisdiction ~ '^([A-Z]{2}|ANY)$'),
        name text NOT NULL,
        contact text NOT NULL,
        url text,
        purpose text NOT NULL CHECK (purpose IN ('crisis', 'reporting', 'takedown', 'support', 'legal')),
        audiences text[] NOT NULL CHECK (cardinality(audiences) > 0),
        sort_order integer NOT NULL DEFAULT 100,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX resource_entry_jurisdiction_idx ON resource_entry (jurisdiction) WHERE active`);
    // The directory as first installed; admins own it from here on.
    for (const entry of RESOURCE_DIRECTORY_SEED) {
      await queryRunner.query(
        `INSERT INTO resource_entry (key, jurisdiction, name, contact, url, purpose, audiences, sort_order)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [entry.key, entry.jurisdiction, entry.name, entry.contact, entry.url ?? null, entry.purpose, entry.audiences, entry.sortOrder],
      );
    }

    await queryRunner.query(`
      CREATE TABLE support_case (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE,
        access_code_hash text NOT NULL,
        status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'waiting', 'resolved', 'closed')),
        priority text NOT NULL CHECK (priority IN ('emergency', 'urgent', 'high', 'standard')),
        priority_rank smallint NOT NULL CHECK (priority_rank BETWEEN 0 AND 3),
        triage_priority text NOT NULL CHECK (triage_priority IN ('emergency', 'urgent', 'high', 'standard')),
        triage_factors jsonb NOT NULL,
        triaged_at timestamptz NOT NULL,
        priority_override text CHECK (priority_override IN ('emergency', 'urgent', 'high', 'standard')),
        priority_override_reason text,
        priority_override_by uuid REFERENCES staff_user(id),
        priority_override_at timestamptz,
        first_response_due_at timestamptz NOT NULL,
        first_responded_at timestamptz,
        submitted_by text NOT NULL CHECK (submitted_by IN ('victim', 'parent_or_guardian', 'trusted_adult', 'staff')),
        channel text NOT NULL CHECK (channel IN ('web', 'phone', 'chat', 'email')),
        alias text,
        age_band text NOT NULL CHECK (age_band IN ('under_13', '13_17', '18_plus', 'unknown')),
        content_made_under_18 boolean,
        country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
        self_harm text NOT NULL CHECK (self_harm IN ('none', 'thoughts', 'plan_or_intent', 'prefer_not_to_say')),
        immediate_danger boolean NOT NULL,
        deadline_at timestamptz,
        demands text[] NOT NULL,
        content_posted text NOT NULL CHECK (content_posted IN ('yes', 'no', 'unknown')),
        still_in_contact boolean,
        paid boolean,
        narrative text,
        contact_channel text NOT NULL CHECK (contact_channel IN ('email', 'phone', 'sms', 'none')),
        contact_sealed bytea,
        consent_contact boolean NOT NULL,
        assignee_id uuid REFERENCES staff_user(id),
        created_by uuid REFERENCES staff_user(id),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The triage queue: open, unassigned cases by priority then due time (keyset-paginated).
    await queryRunner.query(`
      CREATE INDEX support_case_unassigned_idx ON support_case (priority_rank, first_response_due_at, id)
      WHERE assignee_id IS NULL AND status IN ('new', 'in_progress', 'waiting')`);
    await queryRunner.query(
      `CREATE INDEX support_case_assignee_idx ON support_case (assignee_id, priority_rank, first_response_due_at, id) WHERE assignee_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX support_case_created_at_idx ON support_case (created_at)`);

    await queryRunner.query(`
      CREATE TABLE case_platform (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES support_case(id) ON DELETE CASCADE,
        platform text NOT NULL,
        offender_handle text,
        profile_url text,
        added_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX case_platform_case_idx ON case_platform (case_id)`);
    await queryRunner.query(`CREATE INDEX case_platform_handle_idx ON case_platform (lower(offender_handle)) WHERE offender_handle IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE case_content_url (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES support_case(id) ON DELETE CASCADE,
        url text NOT NULL,
        added_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX case_content_url_case_idx ON case_content_url (case_id)`);
    await queryRunner.query(`CREATE INDEX case_content_url_url_idx ON case_content_url (url)`);
    await queryRunner.query(`
      CREATE TABLE case_plan_step (
        case_id uuid NOT NULL REFERENCES support_case(id) ON DELETE CASCADE,
        key text NOT NULL,
        position smallint NOT NULL,
        title text NOT NULL,
        detail text NOT NULL,
        done boolean NOT NULL DEFAULT false,
        done_at timestamptz,
        PRIMARY KEY (case_id, key)
      )`);
    await queryRunner.query(`
      CREATE TABLE case_event (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES support_case(id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        actor_kind text NOT NULL CHECK (actor_kind IN ('person', 'staff', 'system')),
        actor_id uuid,
        kind text NOT NULL,
        data jsonb NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query(`CREATE INDEX case_event_case_idx ON case_event (case_id, at)`);
    await queryRunner.query(`
      CREATE TABLE idempotency_record (
        scope text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        response_sealed bytea,
        case_id uuid REFERENCES support_case(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);
    await queryRunner.query(`CREATE INDEX idempotency_record_created_idx ON idempotency_record (created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['idempotency_record', 'case_event', 'case_plan_step', 'case_content_url', 'case_platform', 'support_case', 'resource_entry']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
