import { MigrationInterface, QueryRunner } from 'typeorm';
import {
  BULK_IDENTIFIERS,
  CASE_IDENTIFIER_CLUSTER_SYNC_V1,
  HASH_JOIN_IDENTIFIERS,
  IDENTIFIER_CLUSTER_REFRESH_V1,
  SUPPORT_CASE_CLUSTER_ACTIVITY_V1,
} from './1766840000000-identifier-cluster';

/**
 * How many of a cluster's newest cases the cluster table keeps (`recent_cases`): what the list
 * shows with each cluster (CASE_LINK_LIMITS.clusterCasesInList). A larger list limit needs a
 * migration that recomputes the table with a larger slice.
 */
export const CLUSTER_RECENT_CASES = 10;

/** New holders folded into a cluster row, as this migration made it (a later migration's `down` restores it). */
export const IDENTIFIER_CLUSTER_ADD_HOLDERS_V1 = `
      CREATE OR REPLACE FUNCTION identifier_cluster_add_holders(add_kinds text[], add_vals text[], add_cases uuid[], add_ids uuid[], add_sealed boolean[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        fold_kinds text[];
        fold_vals text[];
        new_kinds text[];
        new_vals text[];
      BEGIN
        PERFORM identifier_cluster_lock(add_kinds, add_vals);
        SELECT array_agg(u.kind) FILTER (WHERE k.kind IS NOT NULL), array_agg(u.value) FILTER (WHERE k.kind IS NOT NULL),
               array_agg(u.kind) FILTER (WHERE k.kind IS NULL), array_agg(u.value) FILTER (WHERE k.kind IS NULL)
          INTO fold_kinds, fold_vals, new_kinds, new_vals
          FROM (SELECT DISTINCT kind, value FROM unnest(add_kinds, add_vals) AS t(kind, value)) u
          LEFT JOIN identifier_cluster k ON k.kind = u.kind AND k.value = u.value;
        PERFORM identifier_cluster_refresh(new_kinds, new_vals);
        IF fold_kinds IS NULL THEN
          RETURN;
        END IF;
        WITH added AS (
          SELECT a.kind, a.value, a.case_id, a.id, a.sealed
            FROM unnest(add_kinds, add_vals, add_cases, add_ids, add_sealed) AS a(kind, value, case_id, id, sealed)
            JOIN unnest(fold_kinds, fold_vals) AS f(kind, value) ON f.kind = a.kind AND f.value = a.value
        ), rows_added AS (
          SELECT kind, value, (array_agg(id ORDER BY id))[1] AS min_id, bool_or(sealed) AS sealed FROM added GROUP BY kind, value
        ), holders_added AS (
          -- A case that held the identifier through another row already is not a new holder.
          SELECT DISTINCT a.kind, a.value, a.case_id FROM added a
           WHERE NOT EXISTS (SELECT 1 FROM case_identifier i
                              WHERE i.kind = a.kind AND i.value = a.value AND i.case_id = a.case_id AND i.id <> ALL (add_ids))
        ), folded AS (
          SELECT h.kind, h.value, count(*)::int AS n, min(c.created_at) AS first_seen, max(c.created_at) AS last_seen,
                 (array_agg(c.updated_at ORDER BY c.updated_at DESC, c.id DESC))[1] AS last_activity_at,
                 (array_agg(c.id ORDER BY c.updated_at DESC, c.id DESC))[1] AS last_activity_case,
                 array_agg(c.country) AS countries, array_agg(c.priority) AS priorities, array_agg(c.status) AS outcomes,
                 array_agg(c.id) AS case_ids
            FROM holders_added h JOIN support_case c ON c.id = h.case_id
           GROUP BY h.kind, h.value
        )
        UPDATE identifier_cluster k SET
          key = LEAST(k.key, r.min_id),
          secret = k.secret OR r.sealed,
          case_count = k.case_count + COALESCE(f.n, 0),
          first_seen = LEAST(k.first_seen, f.first_seen),
          last_seen = GREATEST(k.last_seen, f.last_seen),
          last_activity_at = CASE WHEN (f.last_activity_at, f.last_activity_case) > (k.last_activity_at, k.last_activity_case) THEN f.last_activity_at ELSE k.last_activity_at END,
          last_activity_case = CASE WHEN (f.last_activity_at, f.last_activity_case) > (k.last_activity_at, k.last_activity_case) THEN f.last_activity_case ELSE k.last_activity_case END,
          countries = (SELECT array_agg(DISTINCT x ORDER BY x) FROM unnest(k.countries || COALESCE(f.countries, '{}')) AS x),
          priorities = (SELECT array_agg(DISTINCT x ORDER BY x) FROM unnest(k.priorities || COALESCE(f.priorities, '{}')) AS x),
          outcomes = (SELECT array_agg(DISTINCT x ORDER BY x) FROM unnest(k.outcomes || COALESCE(f.outcomes, '{}')) AS x),
          platforms = COALESCE((SELECT array_agg(DISTINCT x ORDER BY x) FROM (
                        SELECT unnest(k.platforms) UNION ALL SELECT p.platform FROM case_platform p WHERE p.case_id = ANY (f.case_ids)) AS t(x)), '{}'),
          recent_cases = CASE WHEN f.case_ids IS NULL THEN k.recent_cases ELSE (
                           SELECT array_agg(n.id ORDER BY n.created_at DESC, n.id) FROM (
                             SELECT c.id, c.created_at FROM support_case c WHERE c.id = ANY (k.recent_cases || f.case_ids)
                              ORDER BY c.created_at DESC, c.id LIMIT ${CLUSTER_RECENT_CASES}) n) END
          FROM rows_added r LEFT JOIN folded f ON f.kind = r.kind AND f.value = r.value
         WHERE k.kind = r.kind AND k.value = r.value;
      END $$`;

/** The index trigger's function as this migration made it (a later migration's `down` restores it). */
export const CASE_IDENTIFIER_CLUSTER_SYNC_V2 = `
      CREATE OR REPLACE FUNCTION case_identifier_cluster_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        kinds text[];
        vals text[];
        case_ids uuid[];
        row_ids uuid[];
        sealed boolean[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          SELECT array_agg(kind), array_agg(value), array_agg(case_id), array_agg(id), array_agg(value_sealed IS NOT NULL)
            INTO kinds, vals, case_ids, row_ids, sealed FROM new_rows;
          IF cardinality(kinds) <= ${BULK_IDENTIFIERS} THEN
            PERFORM identifier_cluster_add_holders(kinds, vals, case_ids, row_ids, sealed);
            RETURN NULL;
          END IF;
          SELECT array_agg(kind), array_agg(value) INTO kinds, vals FROM (SELECT DISTINCT kind, value FROM new_rows) t;
        ELSIF TG_OP = 'DELETE' THEN
          SELECT array_agg(kind), array_agg(value) INTO kinds, vals FROM (SELECT DISTINCT kind, value FROM old_rows) t;
        ELSE
          -- A re-seal or a moved evidence id changes no cluster; a new case, kind or value does, and so does sealing a value.
          SELECT array_agg(kind), array_agg(value) INTO kinds, vals FROM (
            SELECT o.kind, o.value FROM old_rows o JOIN new_rows n ON n.id = o.id
             WHERE (o.kind, o.value, o.case_id, o.value_sealed IS NULL) IS DISTINCT FROM (n.kind, n.value, n.case_id, n.value_sealed IS NULL)
            UNION
            SELECT n.kind, n.value FROM old_rows o JOIN new_rows n ON n.id = o.id
             WHERE (o.kind, o.value, o.case_id, o.value_sealed IS NULL) IS DISTINCT FROM (n.kind, n.value, n.case_id, n.value_sealed IS NULL)
          ) t;
        END IF;
        PERFORM identifier_cluster_refresh(kinds, vals);
        RETURN NULL;
      END $$`;

/** The activity trigger's function as this migration made it (a later migration's `down` restores it). */
export const SUPPORT_CASE_CLUSTER_ACTIVITY_V2 = `
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
      END $$`;

/** The platform trigger's function as this migration made it (a later migration's `down` restores it). */
export const CASE_PLATFORM_CLUSTER_SYNC_V1 = `
      CREATE OR REPLACE FUNCTION case_platform_cluster_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        kinds text[];
        vals text[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          -- Platforms added only add to the clusters' sets: lock, then fold them into the rows there are.
          SELECT array_agg(kind), array_agg(value) INTO kinds, vals FROM (
            SELECT DISTINCT i.kind, i.value FROM (SELECT DISTINCT case_id FROM new_rows) t JOIN case_identifier i ON i.case_id = t.case_id) t;
          IF kinds IS NULL THEN
            RETURN NULL;
          END IF;
          PERFORM identifier_cluster_lock(kinds, vals);
          UPDATE identifier_cluster k SET platforms = (SELECT array_agg(DISTINCT x ORDER BY x) FROM unnest(k.platforms || a.platforms) AS x)
            FROM (SELECT i.kind, i.value, array_agg(DISTINCT n.platform) AS platforms
                    FROM new_rows n JOIN case_identifier i ON i.case_id = n.case_id GROUP BY i.kind, i.value) a
           WHERE k.kind = a.kind AND k.value = a.value AND NOT (a.platforms <@ k.platforms);
          RETURN NULL;
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
      END $$`;

/**
 * The cluster table keeps what the supervisors' list shows of each cluster, so a page reads only
 * its own rows and the cases it names: the platforms, countries, priorities and statuses of the
 * holding cases, and the ids of its newest cases. The list used to read every holding case of each
 * cluster on every page (a page of 20 serial offenders is ~700 cases): 1 s p99 at 1 M cases.
 *
 * Those aggregates follow the cases, so the triggers recompute a cluster also when a holding case's
 * status, priority or country changes (the `support_case` trigger) and when its platforms change
 * (a new trigger on `case_platform`). Both take the per-identifier locks of every identifier of the
 * changed cases, not only of those already in the table: an identifier that is just becoming a
 * cluster in another transaction is then read after it commits, with this change in view.
 *
 * New holders are folded in rather than recomputed. A recompute reads every holding case, so with
 * it an intake naming a serial offender's handle cost time in proportion to that offender's cases,
 * under the identifier's lock, which every intake naming it waits for: at 442 cases on one handle
 * intakes ran at 22/s. Adding holders only ever adds to the figures (a count, earlier/later dates,
 * values to sets, newer cases), so an INSERT into the index or of a platform updates the row from
 * the new cases alone; removals and changes, which can take away, still recompute.
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
    await queryRunner.query(
      `COMMENT ON COLUMN identifier_cluster.recent_cases IS 'The newest ${CLUSTER_RECENT_CASES} holding cases (created_at DESC, id): what the list shows'`,
    );

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
          -- Counted again over the cases themselves: within a cascade a deleted case's index rows may still be there.
          HAVING count(*) >= 2
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

    // New index rows: identifiers with a cluster row fold their new holders in; the others (held by
    // at most one case until now) are recomputed, which reads at most the few cases holding them.
    await queryRunner.query(IDENTIFIER_CLUSTER_ADD_HOLDERS_V1);

    // The index changed: an INSERT adds holders (folded in, unless it is a bulk load); anything else recomputes.
    await queryRunner.query(CASE_IDENTIFIER_CLUSTER_SYNC_V2);

    // A holding case changed. Its status, priority, country or arrival time (or activity moving
    // back) recompute its identifiers; activity moving forward stays the conditional update.
    await queryRunner.query(SUPPORT_CASE_CLUSTER_ACTIVITY_V2);

    // A case's platforms changed (facts edited, a merge): its identifiers' clusters list them.
    await queryRunner.query(CASE_PLATFORM_CLUSTER_SYNC_V1);
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
    await queryRunner.query(CASE_IDENTIFIER_CLUSTER_SYNC_V1);
    await queryRunner.query(`DROP FUNCTION identifier_cluster_add_holders(text[], text[], uuid[], uuid[], boolean[])`);
    await queryRunner.query(
      `ALTER TABLE identifier_cluster DROP COLUMN platforms, DROP COLUMN countries, DROP COLUMN priorities, DROP COLUMN outcomes, DROP COLUMN recent_cases`,
    );
    await queryRunner.query(IDENTIFIER_CLUSTER_REFRESH_V1);
    await queryRunner.query(SUPPORT_CASE_CLUSTER_ACTIVITY_V1);
  }
}
