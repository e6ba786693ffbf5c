import { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff sessions, the append-only audit log, notes, evidence, and the indexes the queues use. */
export class CaseWork1764000000000 implements MigrationInterface {
  name = 'CaseWork1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE staff_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        staff_id uuid NOT NULL REFERENCES staff_user(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX staff_session_staff_idx ON staff_session (staff_id)`);

    await queryRunner.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES staff_user(id),
        action text NOT NULL,
        -- No foreign key: the trail must outlive a case deleted under the retention policy.
        case_id uuid,
        before jsonb,
        after jsonb
      )`);
    await queryRunner.query(`CREATE INDEX audit_log_case_idx ON audit_log (case_id, at)`);
    // Append-only: nobody, not even the application, may change or remove what was recorded.
    await queryRunner.query(`
      CREATE FUNCTION audit_log_is_append_only() RETURNS trigger AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$ LANGUAGE plpgsql`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only()`);

    await queryRunner.query(`
      CREATE TABLE case_note (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES support_case(id) ON DELETE CASCADE,
        author_id uuid NOT NULL REFERENCES staff_user(id),
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX case_note_case_idx ON case_note (case_id, created_at)`);

    await queryRunner.query(`
      CREATE TABLE case_evidence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES support_case(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('offender_account', 'threat_message', 'payment', 'content_location', 'other')),
        platform text,
        offender_handle text,
        profile_url text,
        description text NOT NULL,
        payment_reference text,
        seen_at timestamptz,
        sha256 text CHECK (sha256 ~ '^[a-f0-9]{64}$'),
        file_name text,
        added_by uuid NOT NULL REFERENCES staff_user(id),
        added_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX case_evidence_case_idx ON case_evidence (case_id, added_at)`);
    await queryRunner.query(`CREATE INDEX case_evidence_handle_idx ON case_evidence (lower(offender_handle)) WHERE offender_handle IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX case_evidence_url_idx ON case_evidence (profile_url) WHERE profile_url IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX case_platform_url_idx ON case_platform (profile_url) WHERE profile_url IS NOT NULL`);

    // Queue indexes: each view reads its first page, or a keyset page, straight from one index.
    await queryRunner.query(`DROP INDEX support_case_assignee_idx`);
    await queryRunner.query(`
      CREATE INDEX support_case_mine_idx ON support_case (assignee_id, priority_rank, first_response_due_at, id)
      INCLUDE (status) WHERE assignee_id IS NOT NULL AND status IN ('new', 'in_progress', 'waiting')`);
    await queryRunner.query(`
      CREATE INDEX support_case_waiting_idx ON support_case (priority_rank, first_response_due_at, id) WHERE status = 'waiting'`);
    await queryRunner.query(`
      CREATE INDEX support_case_awaiting_response_idx ON support_case (first_response_due_at, priority_rank, id)
      WHERE first_responded_at IS NULL AND status IN ('new', 'in_progress', 'waiting')`);
    // Search by the beginning of a reference (`SG-7K3M`), as people read it out on the phone.
    await queryRunner.query(`CREATE INDEX support_case_reference_prefix_idx ON support_case (reference text_pattern_ops)`);
    await queryRunner.query(`CREATE INDEX support_case_all_idx ON support_case (priority_rank, first_response_due_at, id)`);
    await queryRunner.query(`
      CREATE INDEX support_case_open_idx ON support_case (priority_rank, first_response_due_at, id)
      WHERE status IN ('new', 'in_progress', 'waiting')`);
    // Queue health: open cases only (a small slice of a large history), with what the grid needs.
    await queryRunner.query(`
      CREATE INDEX support_case_open_health_idx ON support_case (priority_rank, created_at)
      INCLUDE (assignee_id, status) WHERE status IN ('new', 'in_progress', 'waiting')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of [
      'support_case_open_idx',
      'support_case_reference_prefix_idx',
      'support_case_open_health_idx',
      'support_case_all_idx',
      'support_case_awaiting_response_idx',
      'support_case_waiting_idx',
      'support_case_mine_idx',
      'case_platform_url_idx',
    ]) {
      await queryRunner.query(`DROP INDEX ${index}`);
    }
    await queryRunner.query(
      `CREATE INDEX support_case_assignee_idx ON support_case (assignee_id, priority_rank, first_response_due_at, id) WHERE assignee_id IS NOT NULL`,
    );
    for (const table of ['case_evidence', 'case_note', 'audit_log', 'staff_session']) await queryRunner.query(`DROP TABLE ${table}`);
    await queryRunner.query(`DROP FUNCTION audit_log_is_append_only()`);
  }
}
