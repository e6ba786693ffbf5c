import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Seen in N other cases" for the case page, as a function so its plan is made once per
 * connection rather than on every call (`caseIdentifierRepository.othersHolding` calls it).
 *
 * At 1,000,000 cases the statement's planning cost more than running it (EXPLAIN: planning
 * 0.43 ms, execution 0.55 ms): the supervisor's list of other cases joins `support_case`, whose
 * 14 indexes (6 partial) the planner weighs on every call, and it held 19 relation locks, more
 * than a backend's 16 fast-path slots, so 20 clients queued on the shared lock table. A named
 * prepared statement does not help on its own: with the identifiers' array known, PostgreSQL
 * judges a custom plan cheaper and plans again every time. Here the plan is generic
 * (`plan_cache_mode`), which is safe for this shape: whatever the values, it is one index range
 * per identifier and one primary-key lookup per holding case.
 *
 * Per identifier: one range of case_identifier_match_idx gives both the count and the holders
 * (before, one range for each), the list is built only when a supervisor asks and someone else
 * holds it, newest first (ties by id), up to `max_cases`.
 */
export class CaseIdentifierOthersHolding1766862000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION case_identifier_others_holding(of_case uuid, kinds text[], vals text[], with_cases boolean, max_cases int)
        RETURNS TABLE (kind text, value text, other_cases int, cases json)
        LANGUAGE plpgsql STABLE
        SET plan_cache_mode = force_generic_plan
      AS $$
      #variable_conflict use_column
      BEGIN
        RETURN QUERY
          SELECT q.kind, q.value, h.other_cases,
                 CASE WHEN with_cases AND h.other_cases > 0 THEN (
                   SELECT json_agg(json_build_object('id', c.id, 'reference', c.reference) ORDER BY c.created_at DESC, c.id)
                     FROM (SELECT c.id, c.reference, c.created_at FROM support_case c
                            WHERE c.id = ANY (h.holders) ORDER BY c.created_at DESC, c.id LIMIT max_cases) c
                 ) ELSE '[]'::json END
            FROM unnest(kinds, vals) AS q(kind, value)
            CROSS JOIN LATERAL (
              SELECT count(*)::int AS other_cases, CASE WHEN with_cases THEN array_agg(d.case_id) END AS holders
                FROM (SELECT DISTINCT i.case_id FROM case_identifier i
                       WHERE i.kind = q.kind AND i.value = q.value AND i.case_id <> of_case) d
            ) h;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION case_identifier_others_holding(uuid, text[], text[], boolean, int)`);
  }
}
