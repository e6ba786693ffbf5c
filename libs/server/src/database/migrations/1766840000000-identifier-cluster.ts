import { MigrationInterface, QueryRunner } from 'typeorm';

/** The first key of the per-identifier advisory lock the cluster triggers take ('ic'). */
export const CLUSTER_LOCK_CLASS = 0x6963;

/**
 * Past this many identifiers in one statement (a bulk load, the backfill) the triggers lock the
 * whole cluster table instead of one advisory lock per identifier, which would fill the lock table.
 */
export const BULK_IDENTIFIERS = 500;

/**
 * Past this many, the recompute joins by hashing: the planner takes an unnested array for ten rows
 * and would look each identifier up in turn, which for a load of millions takes minutes, not seconds.
 */
export const HASH_JOIN_IDENTIFIERS = 50_000;

/** Fills the table from the index (the migration runs it; a spec proves it rebuilds the same rows). */
export const IDENTIFIER_CLUSTER_BACKFILL = `
  SELECT identifier_cluster_refresh(array_agg(kind), array_agg(value))
    FROM (SELECT kind, value FROM case_identifier GROUP BY kind, value HAVING count(DISTINCT case_id) >= 2) shared`;

/** The recompute as this migration made it (a later migration's `down` restores it). */
export const IDENTIFIER_CLUSTER_REFRESH_V1 = `
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
        ), held AS (
          SELECT i.kind, i.value, count(DISTINCT i.case_id)::int AS case_count, bool_or(i.value_sealed IS NOT NULL) AS secret,
                 min(c.created_at) AS first_seen, max(c.created_at) AS last_seen,
                 (array_agg(i.id ORDER BY i.id))[1] AS key,
                 (array_agg(c.updated_at ORDER BY c.updated_at DESC, c.id DESC))[1] AS last_activity_at,
                 (array_agg(c.id ORDER BY c.updated_at DESC, c.id DESC))[1] AS last_activity_case
            FROM wanted w
            JOIN case_identifier i ON i.kind = w.kind AND i.value = w.value
            JOIN support_case c ON c.id = i.case_id
           GROUP BY i.kind, i.value
        ), gone AS (
          DELETE FROM identifier_cluster k USING wanted w
           WHERE k.kind = w.kind AND k.value = w.value
             AND NOT EXISTS (SELECT 1 FROM held h WHERE h.kind = k.kind AND h.value = k.value AND h.case_count >= 2)
        )
        INSERT INTO identifier_cluster (kind, value, key, case_count, secret, first_seen, last_seen, last_activity_at, last_activity_case)
        SELECT kind, value, key, case_count, secret, first_seen, last_seen, last_activity_at, last_activity_case FROM held WHERE case_count >= 2
        ON CONFLICT (kind, value) DO UPDATE SET
          key = EXCLUDED.key, case_count = EXCLUDED.case_count, secret = EXCLUDED.secret, first_seen = EXCLUDED.first_seen, last_seen = EXCLUDED.last_seen,
          last_activity_at = EXCLUDED.last_activity_at, last_activity_case = EXCLUDED.last_activity_case;
        IF nestloop IS NOT NULL THEN
          PERFORM set_config('enable_nestloop', nestloop, true);
        END IF;
      END $$`;

/** The activity trigger's function as this migration made it (a later migration's `down` restores it). */
export const SUPPORT_CASE_CLUSTER_ACTIVITY_V1 = `
      CREATE OR REPLACE FUNCTION support_case_cluster_activity() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        kinds text[];
        vals text[];
      BEGIN
        SELECT array_agg(kind), array_agg(value) INTO kinds, vals FROM (
          SELECT DISTINCT i.kind, i.value FROM new_cases n JOIN old_cases o ON o.id = n.id JOIN case_identifier i ON i.case_id = n.id
           WHERE n.updated_at IS DISTINCT FROM o.updated_at OR n.created_at IS DISTINCT FROM o.created_at
        ) t;
        IF kinds IS NULL THEN
          RETURN NULL;
        END IF;
        IF EXISTS (SELECT 1 FROM new_cases n JOIN old_cases o ON o.id = n.id WHERE n.created_at IS DISTINCT FROM o.created_at OR n.updated_at < o.updated_at) THEN
          PERFORM identifier_cluster_refresh(kinds, vals);
          RETURN NULL;
        END IF;
        PERFORM identifier_cluster_lock(kinds, vals);
        UPDATE identifier_cluster k SET last_activity_at = n.updated_at, last_activity_case = n.id
          FROM (SELECT DISTINCT ON (i.kind, i.value) i.kind, i.value, n.id, n.updated_at
                  FROM new_cases n JOIN old_cases o ON o.id = n.id JOIN case_identifier i ON i.case_id = n.id
                 WHERE n.updated_at IS DISTINCT FROM o.updated_at
                 ORDER BY i.kind, i.value, n.updated_at DESC, n.id DESC) n
         WHERE k.kind = n.kind AND k.value = n.value AND (n.updated_at, n.id) > (k.last_activity_at, k.last_activity_case);
        RETURN NULL;
      END $$`;

/** The index trigger's function as this migration made it (a later migration's `down` restores it). */
export const CASE_IDENTIFIER_CLUSTER_SYNC_V1 = `
      CREATE OR REPLACE FUNCTION case_identifier_cluster_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        kinds text[];
        vals text[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
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

/**
 * `identifier_cluster`: one row per identifier two or more cases hold, with its case count, whether
 * it is a secret (any of its rows sealed, as the index says), first and last arrival, and its newest activity (the latest `updated_at` of a holding case, and that
 * case), indexed so the supervisors' list is one backward index range scan per page.
 *
 * Kept by triggers rather than by each service, because the index changes in more places than a
 * service sees: the intake's one prepared statement, `replaceDerived`, entered evidence, merges
 * (UPDATE of case_id), and cascades (evidence removed, a case purged); and a cluster's activity
 * moves with every write that touches `support_case.updated_at`, which is dozens of statements.
 * Triggers are statement-level with transition tables, so a statement that rewrites a case's
 * identifiers recomputes each touched identifier once, in the same transaction.
 *
 * Concurrency: two transactions adding the same identifier to two different cases would each see
 * only one holder (neither sees the other's uncommitted row) and both decide "no cluster". So every
 * recompute first takes a transaction advisory lock per identifier (in one order, so two statements
 * cannot deadlock on them), and computes in the next statement, whose snapshot then includes what
 * the previous holder of the lock committed. A statement touching more than BULK_IDENTIFIERS
 * identifiers takes an EXCLUSIVE lock on the table instead; every other recompute takes ROW
 * EXCLUSIVE first, so it waits for such a bulk change to commit.
 */
export class IdentifierCluster1766840000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE identifier_cluster (
        kind text NOT NULL,
        value text NOT NULL,
        key uuid NOT NULL,
        case_count integer NOT NULL CONSTRAINT identifier_cluster_case_count_check CHECK (case_count >= 2),
        secret boolean NOT NULL,
        first_seen timestamptz NOT NULL,
        last_seen timestamptz NOT NULL,
        last_activity_at timestamptz NOT NULL,
        last_activity_case uuid NOT NULL,
        CONSTRAINT identifier_cluster_pkey PRIMARY KEY (kind, value)
      )`);
    await queryRunner.query(`COMMENT ON COLUMN identifier_cluster.key IS 'The lowest case_identifier.id of the identifier: what GET /api/clusters/:key opens'`);
    // Newest activity first: the list reads this backwards from its cursor.
    await queryRunner.query(`CREATE INDEX identifier_cluster_activity_idx ON identifier_cluster (last_activity_at, last_activity_case, key)`);

    await queryRunner.query(`
      CREATE FUNCTION identifier_cluster_lock(kinds text[], vals text[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        lock_key integer;
      BEGIN
        IF cardinality(kinds) > ${BULK_IDENTIFIERS} THEN
          LOCK TABLE identifier_cluster IN EXCLUSIVE MODE;
          RETURN;
        END IF;
        LOCK TABLE identifier_cluster IN ROW EXCLUSIVE MODE;
        FOR lock_key IN SELECT DISTINCT hashtext(u.kind || chr(31) || u.value) FROM unnest(kinds, vals) AS u(kind, value) ORDER BY 1 LOOP
          PERFORM pg_advisory_xact_lock(${CLUSTER_LOCK_CLASS}, lock_key);
        END LOOP;
      END $$`);

    // Recomputes these identifiers from the index: a row when two or more cases hold one, none otherwise.
    await queryRunner.query(IDENTIFIER_CLUSTER_REFRESH_V1);

    // The index changed: recompute every identifier a row was added to, taken from, or moved between.
    await queryRunner.query(CASE_IDENTIFIER_CLUSTER_SYNC_V1);
    await queryRunner.query(`
      CREATE TRIGGER case_identifier_cluster_insert AFTER INSERT ON case_identifier
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_identifier_cluster_sync()`);
    await queryRunner.query(`
      CREATE TRIGGER case_identifier_cluster_update AFTER UPDATE ON case_identifier
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_identifier_cluster_sync()`);
    await queryRunner.query(`
      CREATE TRIGGER case_identifier_cluster_delete AFTER DELETE ON case_identifier
        REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_identifier_cluster_sync()`);

    // A holding case changed: its clusters' newest activity follows. The usual change (updated_at
    // moves forward) is a conditional update; an earlier time or a new arrival time recomputes.
    await queryRunner.query(SUPPORT_CASE_CLUSTER_ACTIVITY_V1);
    await queryRunner.query(`
      CREATE TRIGGER support_case_cluster_activity AFTER UPDATE ON support_case
        REFERENCING OLD TABLE AS old_cases NEW TABLE AS new_cases FOR EACH STATEMENT EXECUTE FUNCTION support_case_cluster_activity()`);

    await queryRunner.query(IDENTIFIER_CLUSTER_BACKFILL);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER support_case_cluster_activity ON support_case`);
    await queryRunner.query(`DROP TRIGGER case_identifier_cluster_delete ON case_identifier`);
    await queryRunner.query(`DROP TRIGGER case_identifier_cluster_update ON case_identifier`);
    await queryRunner.query(`DROP TRIGGER case_identifier_cluster_insert ON case_identifier`);
    await queryRunner.query(`DROP FUNCTION support_case_cluster_activity()`);
    await queryRunner.query(`DROP FUNCTION case_identifier_cluster_sync()`);
    await queryRunner.query(`DROP FUNCTION identifier_cluster_refresh(text[], text[])`);
    await queryRunner.query(`DROP FUNCTION identifier_cluster_lock(text[], text[])`);
    await queryRunner.query(`DROP TABLE identifier_cluster`);
  }
}
