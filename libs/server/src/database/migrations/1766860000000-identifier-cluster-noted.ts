import { MigrationInterface, QueryRunner } from 'typeorm';
import { BULK_IDENTIFIERS } from './1766840000000-identifier-cluster';
import {
  CASE_IDENTIFIER_CLUSTER_SYNC_V2,
  CASE_PLATFORM_CLUSTER_SYNC_V1,
  IDENTIFIER_CLUSTER_ADD_HOLDERS_V1,
  SUPPORT_CASE_CLUSTER_ACTIVITY_V2,
} from './1766855000000-identifier-cluster-aggregates';

/** The platform trigger as this migration left it (the next one's `down` restores it). */
export const CASE_PLATFORM_CLUSTER_SYNC_V2 = `
      CREATE OR REPLACE FUNCTION case_platform_cluster_sync() RETURNS trigger LANGUAGE plpgsql AS $$
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
        PERFORM identifier_cluster_note(kinds, vals);
        RETURN NULL;
      END $$`;

/**
 * How many noted identifiers one refresh takes: at most BULK_IDENTIFIERS, so a refresh takes the
 * per-identifier locks, never the lock on the whole table.
 */
export const CLUSTER_REFRESH_BATCH = BULK_IDENTIFIERS;

/**
 * The cluster table is refreshed just after a change commits, not inside the changing transaction.
 *
 * Until now every trigger recomputed (or folded into) the cluster rows of the identifiers it saw,
 * inside the writing transaction, under a per-identifier lock held until commit. So every intake
 * naming the same handle waited for the previous one to commit: under a flood of intakes naming
 * one serial offender's handle they ran one at a time, at 250/s against 555/s for the same intakes
 * without it, and the API waited on PostgreSQL with a core idle.
 *
 * Now the triggers only *note* the identifiers a change touched (`identifier_cluster_noted`, an
 * INSERT that waits for nobody) and `identifier_cluster_refresh_noted` recomputes them from the
 * index: the worker runs it every second (case-links/cluster-refresher.ts) and the cluster
 * endpoints run it before they read, so a supervisor sees their own and every committed change.
 * The refresh takes the noted rows (waiting for a refresh that holds them), then recomputes in the
 * next statement, whose snapshot includes every transaction that noted them: a note commits with
 * its change. A bulk change (more than BULK_IDENTIFIERS identifiers: a load, a backfill) is still
 * recomputed in its own transaction under the table lock, as before.
 *
 * The price: between a change's commit and the next refresh (a second at most while the worker
 * runs) the supervisors' list may show a cluster's figures as they were. Nothing else reads the
 * table: "seen in N" and the queue badge count from the identifier index itself.
 */
export class IdentifierClusterNoted1766860000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE identifier_cluster_noted (
        id bigint GENERATED ALWAYS AS IDENTITY CONSTRAINT identifier_cluster_noted_pkey PRIMARY KEY,
        kind text NOT NULL,
        value text NOT NULL
      )`);
    await queryRunner.query(
      `COMMENT ON TABLE identifier_cluster_noted IS 'Identifiers whose cluster row a committed change may have made stale: identifier_cluster_refresh_noted recomputes and removes them'`,
    );

    // A few identifiers are noted for the refresh; a bulk change recomputes now, under the table lock.
    await queryRunner.query(`
      CREATE FUNCTION identifier_cluster_note(kinds text[], vals text[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF kinds IS NULL OR cardinality(kinds) = 0 THEN
          RETURN;
        END IF;
        IF cardinality(kinds) > ${BULK_IDENTIFIERS} THEN
          PERFORM identifier_cluster_refresh(kinds, vals);
          RETURN;
        END IF;
        INSERT INTO identifier_cluster_noted (kind, value) SELECT DISTINCT kind, value FROM unnest(kinds, vals) AS u(kind, value);
      END $$`);

    // Takes up to \`batch\` noted rows, oldest first, and recomputes their identifiers; answers how many it took.
    await queryRunner.query(`
      CREATE FUNCTION identifier_cluster_refresh_noted(batch integer) RETURNS integer LANGUAGE plpgsql AS $$
      DECLARE
        kinds text[];
        vals text[];
        taken integer;
      BEGIN
        WITH taken AS (
          DELETE FROM identifier_cluster_noted
           WHERE id IN (SELECT id FROM identifier_cluster_noted ORDER BY id LIMIT batch FOR UPDATE)
          RETURNING kind, value
        )
        SELECT (SELECT count(*)::int FROM taken), array_agg(d.kind), array_agg(d.value)
          INTO taken, kinds, vals
          FROM (SELECT DISTINCT kind, value FROM taken) d;
        PERFORM identifier_cluster_refresh(kinds, vals);
        RETURN taken;
      END $$`);

    // The triggers now note what they touched; what they compute to decide which identifiers is unchanged.
    await queryRunner.query(`
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
        PERFORM identifier_cluster_note(kinds, vals);
        RETURN NULL;
      END $$`);

    // A holding case's status, priority, country, arrival or activity changed: its identifiers' rows follow.
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION support_case_cluster_activity() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        kinds text[];
        vals text[];
      BEGIN
        SELECT array_agg(kind), array_agg(value) INTO kinds, vals FROM (
          SELECT DISTINCT i.kind, i.value FROM new_cases n JOIN old_cases o ON o.id = n.id JOIN case_identifier i ON i.case_id = n.id
           WHERE (n.status, n.priority, n.country, n.created_at, n.updated_at) IS DISTINCT FROM (o.status, o.priority, o.country, o.created_at, o.updated_at)
        ) t;
        PERFORM identifier_cluster_note(kinds, vals);
        RETURN NULL;
      END $$`);

    // A case's platforms changed: its identifiers' clusters list them.
    await queryRunner.query(CASE_PLATFORM_CLUSTER_SYNC_V2);

    await queryRunner.query(`DROP FUNCTION identifier_cluster_add_holders(text[], text[], uuid[], uuid[], boolean[])`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(IDENTIFIER_CLUSTER_ADD_HOLDERS_V1);
    await queryRunner.query(CASE_PLATFORM_CLUSTER_SYNC_V1);
    await queryRunner.query(SUPPORT_CASE_CLUSTER_ACTIVITY_V2);
    await queryRunner.query(CASE_IDENTIFIER_CLUSTER_SYNC_V2);
    // What was noted and not yet refreshed is refreshed now, before the table that holds it goes.
    await queryRunner.query(
      `SELECT identifier_cluster_refresh(array_agg(kind), array_agg(value)) FROM (SELECT DISTINCT kind, value FROM identifier_cluster_noted) t`,
    );
    await queryRunner.query(`DROP FUNCTION identifier_cluster_refresh_noted(integer)`);
    await queryRunner.query(`DROP FUNCTION identifier_cluster_note(text[], text[])`);
    await queryRunner.query(`DROP TABLE identifier_cluster_noted`);
  }
}
