import { CaseStatus, Priority } from '@sg/domain';
import { IdentifierKind } from '@sg/domain/identifiers';
import { DataSource, EntityManager } from 'typeorm';
import { CLUSTER_REFRESH_BATCH } from '../database/migrations/1766860000000-identifier-cluster-noted';
import { preparedRowLimit, runPreparedText } from '../database/prepared-statement';

/** A case as a cluster lists it: dates as the JSON aggregate writes them. */
export interface ClusterCaseRow {
  id: string;
  reference: string;
  status: CaseStatus;
  priority: Priority;
  country: string;
  platforms: string[];
  createdAt: string;
  updatedAt: string;
}

/** One identifier held by two or more cases, with what its cases have in common. */
export interface ClusterRow {
  /** An id among its index rows: opens the cluster without naming its value (a secret's is a keyed hash). */
  key: string;
  kind: IdentifierKind;
  value: string;
  secret: boolean;
  caseCount: number;
  firstSeen: Date;
  lastSeen: Date;
  lastActivityAt: Date;
  platforms: string[];
  countries: string[];
  priorities: Priority[];
  outcomes: CaseStatus[];
  cases: ClusterCaseRow[];
  /** Where the walk stood (the newest holding case, exactly), for the cursor. */
  cursorAt: string;
  cursorCase: string;
}

/** Resume after this cluster: its newest case's `updated_at` (exact, in microseconds since 1970), that case, and the key. */
export interface ClusterCursor {
  at: string;
  caseId: string;
  key: string;
}

/** A case as the cluster JSON lists it (`c`: its support_case row), platforms from its own index. */
const CLUSTER_CASE_JSON = `json_build_object(
  'id', c.id, 'reference', c.reference, 'status', c.status, 'priority', c.priority, 'country', c.country,
  'platforms', COALESCE((SELECT array_agg(DISTINCT p.platform ORDER BY p.platform) FROM case_platform p WHERE p.case_id = c.id), '{}'),
  'createdAt', c.created_at, 'updatedAt', c.updated_at)`;

/**
 * What every cluster row carries, from `page` (the cluster table's rows, `cases` chosen by the
 * caller as `(id, n)` in display order): the aggregates the triggers keep in the table, and the cases.
 */
const CLUSTER_DETAILS = (cases: string) => `
  SELECT s.key, s.kind, s.value, s.secret, s.case_count AS "caseCount", s.first_seen AS "firstSeen", s.last_seen AS "lastSeen",
         s.at AS "lastActivityAt", (extract(epoch FROM s.at) * 1000000)::bigint::text AS "cursorAt", s.case_id AS "cursorCase",
         s.platforms, s.countries, s.priorities, s.outcomes,
         (SELECT COALESCE(json_agg(${CLUSTER_CASE_JSON} ORDER BY r.n), '[]'::json)
            FROM (${cases}) r JOIN support_case c ON c.id = r.id) AS cases
    FROM page s`;

/** The columns `page` takes from the cluster table `k`. */
const PAGE_COLUMNS = `k.kind, k.value, k.last_activity_case AS case_id, k.last_activity_at AS at, k.case_count, k.secret, k.first_seen, k.last_seen,
                k.platforms, k.countries, k.priorities, k.outcomes, k.recent_cases`;

/** After the cursor (`$2` its microseconds, exactly: integer microseconds below 2^53, so the product is exact; `$3` its case, `$4` its key). */
const AFTER_CURSOR = `(k.last_activity_at, k.last_activity_case, k.key) < (('epoch'::timestamptz + $2::bigint * interval '1 microsecond'), $3::uuid, $4::uuid)`;

/**
 * A page of the cluster list (`rows` rows, `$1` cases each) whose clusters meet `where`: the cluster
 * table read backwards along `identifier_cluster_activity_idx`, so a page is one index range.
 * The row count is in the text, not a parameter, so the statement gets its generic plan
 * (preparedRowLimit); `rows` is a validated page size plus one.
 */
const CLUSTER_PAGE = (where: string, rows: number) =>
  `WITH page AS (
         SELECT k.key::text AS key, ${PAGE_COLUMNS}, k.key AS key_order
           FROM identifier_cluster k
          WHERE ${where}
          ORDER BY k.last_activity_at DESC, k.last_activity_case DESC, k.key DESC
          LIMIT ${preparedRowLimit(rows)}
       )
       ${CLUSTER_DETAILS(`SELECT * FROM unnest(s.recent_cases[1:$1]) WITH ORDINALITY AS u(id, n)`)}
       ORDER BY s.at DESC, s.case_id DESC, s.key_order DESC`;

/** The clusters' SQL: the list from the cluster table alone, one cluster's cases from the identifier index. A merged duplicate holds no identifiers (its records moved), so it never counts twice. */
export const clusterRepository = {
  /**
   * Identifiers held by two or more cases, newest activity first (a cluster's activity: the latest
   * change to any case holding it). Reads the maintained cluster table (`identifier_cluster`, kept
   * by triggers) backwards along `identifier_cluster_activity_idx` from the cursor, so a page is one
   * index range of `limit` rows whatever the size of the index; each row's aggregates and newest
   * cases (`recent_cases`) are kept in it, so only the cases it shows are read.
   */
  async page(dataSource: DataSource, limit: number, casesPerCluster: number, after?: ClusterCursor): Promise<ClusterRow[]> {
    // Two shapes, each prepared once per connection and page size (planning this statement cost a
    // third of running it); the first page has no cursor condition at all, so neither plan has to
    // serve both shapes.
    return after
      ? runPreparedText<ClusterRow>(dataSource, CLUSTER_PAGE(AFTER_CURSOR, limit), [casesPerCluster, after.at, after.caseId, after.key])
      : runPreparedText<ClusterRow>(dataSource, CLUSTER_PAGE('true', limit), [casesPerCluster]);
  },

  /**
   * Recomputes the cluster rows of identifiers changes have noted (`identifier_cluster_noted`), in
   * batches of CLUSTER_REFRESH_BATCH until none is left or `maxBatches` ran; answers how many notes
   * it took. Each batch is its own transaction: run it on the DataSource's manager, outside any.
   */
  async refreshNoted(manager: EntityManager, maxBatches = Number.POSITIVE_INFINITY): Promise<number> {
    let total = 0;
    for (let batch = 0; batch < maxBatches; batch++) {
      const [row] = await manager.query<Array<{ taken: number }>>(`SELECT identifier_cluster_refresh_noted($1) AS taken`, [CLUSTER_REFRESH_BATCH]);
      const taken = row?.taken ?? 0;
      total += taken;
      if (taken < CLUSTER_REFRESH_BATCH) break;
    }
    return total;
  },

  /** One cluster, by any of its index rows' ids; nothing when fewer than two cases hold it now. */
  one(manager: EntityManager, key: string, casesPerCluster: number): Promise<ClusterRow[]> {
    return manager.query<ClusterRow[]>(
      `WITH page AS (
         SELECT $1::text AS key, ${PAGE_COLUMNS}
           FROM case_identifier w JOIN identifier_cluster k ON k.kind = w.kind AND k.value = w.value
          WHERE w.id = $1::uuid
       )
       ${CLUSTER_DETAILS(`
         SELECT c.id, row_number() OVER (ORDER BY c.created_at DESC, c.id) AS n
           FROM support_case c
          WHERE c.id IN (SELECT i.case_id FROM case_identifier i WHERE i.kind = s.kind AND i.value = s.value)
          ORDER BY c.created_at DESC, c.id LIMIT $2`)}`,
      [key, casesPerCluster],
    );
  },
};
