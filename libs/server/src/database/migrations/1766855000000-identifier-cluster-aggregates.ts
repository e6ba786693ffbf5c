import { MigrationInterface, QueryRunner } from 'typeorm';
import { HASH_JOIN_IDENTIFIERS, IDENTIFIER_CLUSTER_REFRESH_V1, SUPPORT_CASE_CLUSTER_ACTIVITY_V1 } from './1766840000000-identifier-cluster';

/**
 * How many of a cluster's newest cases the cluster table keeps (`recent_cases`): what the list
 * shows with each cluster (CASE_LINK_LIMITS.clusterCasesInList). A larger list limit needs a
 * migration that recomputes the table with a larger slice.
 */
export const CLUSTER_RECENT_CASES = 10;

/**
 * The cluster table keeps what the supervisors' list shows of each cluster, so a page reads only
 * its own rows and the cases it names: the platforms, countries, priorities and statuses of the
 * holding cases, and the ids of its newest cases. The list used to read every holding case of each
 * cluster on every page (a page of 20 serial offenders is ~700 cases): 1 s p99 at 1 M cases.
 *
 * Those aggregates follow the cases, so the triggers recompute a cluster also when a holding case's
 * status, priority or country changes (the `support_case` trigger) and when its platforms change
 * (a new trigger on `case_platform`). Both recompute every identifier of the changed cases, not
 * only those already in the table, under the same per-identifier locks: an identifier that is just
 * becoming a cluster in another transaction is then recomputed after it commits, with this change.
 */
export class IdentifierClusterAggregates1766855000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE identifier_cluster
        ADD COLUMN platforms text[] NOT NULL DEFAULT '{}',
        ADD COLUMN countries text[] NOT NULL DEFAULT '{}',
        ADD COLUMN priorities text[] NOT NULL DEFAULT '{}',
        ADD COLUMN outcomes text[] NOT NULL DEFAULT '{}',
        ADD COLUMN recent_cases uuid[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`COMMENT ON COLUMN identifier_cluster.recent_cases IS 'The newest ${CLUSTER_RECENT_CASES} holding cases (created_at DESC, id): what the list shows'`);

    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION identifier_cluster_refresh(kinds text[], vals text[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        nestloop text;
      BEGIN
        IF kinds IS NULL OR cardinality(kinds) = 0 THEN
          RETURN;
        END IF;
        PERFORM identifier_cluster_lock(kinds, vals);
        IF cardinality(kinds) > ${HASH_JOIN_IDENTIFIERS} THEN
          nestloop := current_setting('enable_nestloop');
          PERFORM set_config('enable_nestloop', 'off', true);
        END IF;
        WITH wanted AS (
          SELECT DISTINCT kind, value FROM unnest(kinds, vals) AS u(kind, value)
        ), indexed AS (
          SELECT i.kind, i.value, (array_agg(i.id ORDER BY i.id))[1] AS key, bool_or(i.value_sealed IS NOT NULL) AS secret,
                 array_agg(DISTINCT i.case_id) AS case_ids
            FROM wanted w JOIN case_identifier i ON i.kind = w.kind AND i.value = w.value
           GROUP BY i.kind, i.value
          HAVING count(DISTINCT i.case_id) >= 2
        ), held AS (
          SELECT x.kind, x.value, x.key, x.secret, count(*)::int AS case_count,
                 min(c.created_at) AS first_seen, max(c.created_at) AS last_seen,
                 (array_agg(c.updated_at ORDER BY c.updated_at DESC, c.id DESC))[1] AS last_activity_at,
                 (array_agg(c.id ORDER BY c.updated_at DESC, c.id DESC))[1] AS last_activity_case,
                 array_agg(DISTINCT c.country ORDER BY c.country) AS countries,
                 array_agg(DISTINCT c.priority ORDER BY c.priority) AS priorities,
                 array_agg(DISTINCT c.status ORDER BY c.status) AS outcomes,
                 (array_agg(c.id ORDER BY c.created_at DESC, c.id))[1:${CLUSTER_RECENT_CASES}] AS recent_cases,
                 COALESCE((SELECT array_agg(DISTINCT p.platform ORDER BY p.platform) FROM case_platform p WHERE p.case_id = ANY (x.case_ids)), '{}') AS platforms
            FROM indexed x
            CROSS JOIN LATERAL unnest(x.case_ids) AS h(case_id)
            JOIN support_case c ON c.id = h.case_id
           GROUP BY x.kind, x.value, x.key, x.secret, x.case_ids
        ), gone AS (
          DELETE FROM identifier_cluster k USING wanted w
           WHERE k.kind = w.kind AND k.value = w.value
             AND NOT EXISTS (SELECT 1 FROM held h WHERE h.kind = k.kind AND h.value = k.value)
        )
        INSERT INTO identifier_cluster (kind, value, key, case_count, secret, first_seen, last_seen, last_activity_at, last_activity_case,
                                        platforms, countries, priorities, outcomes, recent_cases)
        SELECT kind, value, key, case_count, secret, first_seen, last_seen, last_activity_at, last_activity_case,
               platforms, countries, priorities, outcomes, recent_cases
          FROM held
        ON CONFLICT (kind, value) DO UPDATE SET
          key = EXCLUDED.key, case_count = EXCLUDED.case_count, secret = EXCLUDED.secret, first_seen = EXCLUDED.first_seen, last_seen = EXCLUDED.last_seen,
          last_activity_at = EXCLUDED.last_activity_at, last_activity_case = EXCLUDED.last_activity_case,
          platforms = EXCLUDED.platforms, countries = EXCLUDED.countries, priorities = EXCLUDED.priorities, outcomes = EXCLUDED.outcomes,
          recent_cases = EXCLUDED.recent_cases;
        IF nestloop IS NOT NULL THEN
          PERFORM set_config('enable_nestloop', nestloop, true);
        END IF;
      END $$`);

    // A holding case changed. Its status, priority, country or arrival time (or activity moving
    // back) recompute its identifiers; activity moving forward stays the conditional update.
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION support_case_cluster_activity() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        kinds text[];
        vals text[];
      BEGIN
        SELECT array_agg(kind), array_agg(value) INTO kinds, vals FROM (
          SELECT DISTINCT i.kind, i.value FROM new_cases n JOIN old_cases o ON o.id = n.id JOIN case_identifier i ON i.case_id = n.id
           WHERE (n.status, n.priority, n.country, n.created_at) IS DISTINCT FROM (o.status, o.priority, o.country, o.created_at)
              OR n.updated_at < o.updated_at
        ) t;
        PERFORM identifier_cluster_refresh(kinds, vals);

        SELECT array_agg(kind), array_agg(value) INTO kinds, vals FROM (
          SELECT DISTINCT i.kind, i.value FROM new_cases n JOIN old_cases o ON o.id = n.id JOIN case_identifier i ON i.case_id = n.id
           WHERE n.updated_at > o.updated_at
        ) t;
        IF kinds IS NULL THEN
          RETURN NULL;
        END IF;
        PERFORM identifier_cluster_lock(kinds, vals);
        UPDATE identifier_cluster k SET last_activity_at = n.updated_at, last_activity_case = n.id
          FROM (SELECT DISTINCT ON (i.kind, i.value) i.kind, i.value, n.id, n.updated_at
                  FROM new_cases n JOIN old_cases o ON o.id = n.id JOIN case_identifier i ON i.case_id = n.id
                 WHERE n.updated_at > o.updated_at
                 ORDER BY i.kind, i.value, n.updated_at DESC, n.id DESC) n
         WHERE k.kind = n.kind AND k.value = n.value AND (n.updated_at, n.id) > (k.last_activity_at, k.last_activity_case);
        RETURN NULL;
      END $$`);

    // A case's platforms changed (facts edited, a merge): its identifiers' clusters list them.
    await queryRunner.query(`
      CREATE FUNCTION case_platform_cluster_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        kinds text[];
        vals text[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          SELECT array_agg(kind), array_agg(value) INTO kinds, vals FROM (
            SELECT DISTINCT i.kind, i.value FROM (SELECT DISTINCT case_id FROM new_rows) t JOIN case_identifier i ON i.case_id = t.case_id) t;
        ELSIF TG_OP = 'DELETE' THEN
          SELECT array_agg(kind), array_agg(value) INTO kinds, vals FROM (
            SELECT DISTINCT i.kind, i.value FROM (SELECT DISTINCT case_id FROM old_rows) t JOIN case_identifier i ON i.case_id = t.case_id) t;
        ELSE
          SELECT array_agg(kind), array_agg(value) INTO kinds, vals FROM (
            SELECT DISTINCT i.kind, i.value FROM (
              SELECT o.case_id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE (o.case_id, o.platform) IS DISTINCT FROM (n.case_id, n.platform)
              UNION
              SELECT n.case_id FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE (o.case_id, o.platform) IS DISTINCT FROM (n.case_id, n.platform)
            ) t JOIN case_identifier i ON i.case_id = t.case_id) t;
        END IF;
        PERFORM identifier_cluster_refresh(kinds, vals);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER case_platform_cluster_insert AFTER INSERT ON case_platform
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_platform_cluster_sync()`);
    await queryRunner.query(`
      CREATE TRIGGER case_platform_cluster_update AFTER UPDATE ON case_platform
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_platform_cluster_sync()`);
    await queryRunner.query(`
      CREATE TRIGGER case_platform_cluster_delete AFTER DELETE ON case_platform
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_platform_cluster_sync()`);

    await queryRunner.query(`SELECT identifier_cluster_refresh(array_agg(kind), array_agg(value)) FROM identifier_cluster`);
    await queryRunner.query(`
      ALTER TABLE identifier_cluster
        ALTER COLUMN platforms DROP DEFAULT, ALTER COLUMN countries DROP DEFAULT, ALTER COLUMN priorities DROP DEFAULT,
        ALTER COLUMN outcomes DROP DEFAULT, ALTER COLUMN recent_cases DROP DEFAULT`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER case_platform_cluster_delete ON case_platform`);
    await queryRunner.query(`DROP TRIGGER case_platform_cluster_update ON case_platform`);
    await queryRunner.query(`DROP TRIGGER case_platform_cluster_insert ON case_platform`);
    await queryRunner.query(`DROP FUNCTION case_platform_cluster_sync()`);
    await queryRunner.query(`ALTER TABLE identifier_cluster DROP COLUMN platforms, DROP COLUMN countries, DROP COLUMN priorities, DROP COLUMN outcomes, DROP COLUMN recent_cases`);
    await queryRunner.query(IDENTIFIER_CLUSTER_REFRESH_V1);
    await queryRunner.query(SUPPORT_CASE_CLUSTER_ACTIVITY_V1);
  }
}
