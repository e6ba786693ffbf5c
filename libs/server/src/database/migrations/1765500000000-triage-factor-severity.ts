import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A queue row headlines a case's first triage factor. Factors were stored most pressing priority
 * first but, within a priority, in rule order, so a teenager with thoughts of self-harm headlined
 * "Under 18 now". New triage sorts self-harm and danger first (TRIAGE_FACTOR_SEVERITY in the
 * domain lib); this sorts what is stored the same way. The key list is frozen here on purpose:
 * a migration must mean the same thing whenever it runs.
 */
const SEVERITY = [
  'self_harm_plan',
  'immediate_danger',
  'self_harm_thoughts',
  'under_18_now',
  'content_made_under_18',
  'deadline_within_24h',
  'content_posted',
  'still_in_contact',
  'already_paid',
  'deadline_within_72h',
];
const PRIORITIES = ['emergency', 'urgent', 'high', 'standard'];

export class TriageFactorSeverity1765500000000 implements MigrationInterface {
  name = 'TriageFactorSeverity1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE support_case c SET triage_factors = sorted.factors
         FROM (
           SELECT s.id, jsonb_agg(f.value ORDER BY coalesce(array_position($2::text[], f.value ->> 'priority'), 99),
                                                 coalesce(array_position($1::text[], f.value ->> 'key'), 99), f.ordinality) AS factors
             FROM support_case s, jsonb_array_elements(s.triage_factors) WITH ORDINALITY AS f(value, ordinality)
            WHERE jsonb_array_length(s.triage_factors) > 1
            GROUP BY s.id
         ) sorted
        WHERE c.id = sorted.id AND c.triage_factors IS DISTINCT FROM sorted.factors`,
      [SEVERITY, PRIORITIES],
    );
  }

  async down(): Promise<void> {
    // The new order is as true as the old one: nothing to undo.
  }
}
