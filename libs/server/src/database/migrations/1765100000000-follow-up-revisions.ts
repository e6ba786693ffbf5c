import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Follow-ups get a revision, bumped whenever one is (re)scheduled, so each schedule has a job id
 * of its own: BullMQ ignores an add whose id already exists in any state, so a job kept after it
 * completed (a cancelled follow-up revived) or failed for good must never share the id of the
 * job that should fire now. Escalations can tell the caseworker and the supervisors both.
 * Takedown requests can target an account instead of a URL, and a case has one live request per
 * URL or account per platform.
 */
export class FollowUpRevisions1765100000000 implements MigrationInterface {
  name = 'FollowUpRevisions1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE follow_up ADD COLUMN revision integer NOT NULL DEFAULT 1`);
    await queryRunner.query(`ALTER TABLE follow_up DROP CONSTRAINT follow_up_audience_check`);
    await queryRunner.query(
      `ALTER TABLE follow_up ADD CONSTRAINT follow_up_audience_check CHECK (audience IN ('assignee', 'supervisors', 'assignee_and_supervisors'))`,
    );
    // Escalations already planned now reach the caseworker too.
    await queryRunner.query(`UPDATE follow_up SET audience = 'assignee_and_supervisors' WHERE kind = 'takedown_escalation' AND status = 'scheduled'`);

    await queryRunner.query(`ALTER TABLE takedown_request ADD COLUMN account text`);
    await queryRunner.query(`ALTER TABLE takedown_request ALTER COLUMN url DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE takedown_request ADD CONSTRAINT takedown_request_target_check CHECK (url IS NOT NULL OR account IS NOT NULL)`);
    // "One request per URL or account per platform": case, platform and target compared without
    // case or surrounding space. A request marked reappeared is history; its successor takes over.
    // Requests made twice before this rule would make the index fail with a bare "could not create
    // unique index": name them instead, so whoever upgrades knows which to merge.
    const duplicates = await queryRunner.manager.query<Array<{ reference: string; platform: string; target: string; requests: number }>>(`
      SELECT c.reference, min(t.platform) AS platform, min(btrim(coalesce(t.url, t.account))) AS target, count(*)::int AS requests
        FROM takedown_request t JOIN support_case c ON c.id = t.case_id
       WHERE t.status <> 'reappeared'
       GROUP BY c.reference, t.case_id, lower(btrim(t.platform)), lower(btrim(coalesce(t.url, ''))), lower(btrim(coalesce(t.account, '')))
      HAVING count(*) > 1
       ORDER BY c.reference LIMIT 50`);
    if (duplicates.length) {
      const list = duplicates.map((d) => `${d.reference}: ${d.requests} requests to ${d.platform} for ${d.target}`).join('; ');
      throw new Error(
        `Takedown requests must be one per URL or account per platform, and these cases have more: ${list}. Keep one of each (delete the others' rows) and start again.`,
      );
    }
    await queryRunner.query(`
      CREATE UNIQUE INDEX takedown_request_target_key ON takedown_request
        (case_id, lower(btrim(platform)), lower(btrim(coalesce(url, ''))), lower(btrim(coalesce(account, ''))))
        WHERE status <> 'reappeared'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX takedown_request_target_key`);
    await queryRunner.query(`ALTER TABLE takedown_request DROP CONSTRAINT takedown_request_target_check`);
    await queryRunner.query(`DELETE FROM takedown_request WHERE url IS NULL`);
    await queryRunner.query(`ALTER TABLE takedown_request ALTER COLUMN url SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE takedown_request DROP COLUMN account`);
    await queryRunner.query(`UPDATE follow_up SET audience = 'supervisors' WHERE audience = 'assignee_and_supervisors'`);
    await queryRunner.query(`ALTER TABLE follow_up DROP CONSTRAINT follow_up_audience_check`);
    await queryRunner.query(`ALTER TABLE follow_up ADD CONSTRAINT follow_up_audience_check CHECK (audience IN ('assignee', 'supervisors'))`);
    await queryRunner.query(`ALTER TABLE follow_up DROP COLUMN revision`);
  }
}
