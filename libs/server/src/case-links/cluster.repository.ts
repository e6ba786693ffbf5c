import { CaseStatus, Priority } from '@sg/domain';
import { IdentifierKind } from '@sg/domain/identifiers';
import { EntityManager } from 'typeorm';

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

/**
 * What every cluster row carries, from `page(key, kind, value, case_id, at, case_count, secret, first_seen,
 * last_seen)` (the cluster table's row): its cases' platforms, countries, priorities and statuses, and
 * the newest cases. The holding cases are read once per cluster (`held`: one primary-key and one
 * platform lookup each) and everything else is taken from that.
 */
const CLUSTER_DETAILS = `
  SELECT s.key, s.kind, s.value, s.secret, s.case_count AS "caseCount", s.first_seen AS "firstSeen", s.last_seen AS "lastSeen",
         s.at AS "lastActivityAt", (extract(epoch FROM s.at) * 1000000)::bigint::text AS "cursorAt", s.case_id AS "cursorCase",
         agg.platforms, agg.countries, agg.priorities, agg.outcomes, agg.cases
    FROM page s
    CROSS JOIN LATERAL (
      WITH held AS (
        SELECT c.id, c.reference, c.status, c.priority, c.country, c.created_at, c.updated_at,
               COALESCE((SELECT array_agg(DISTINCT p.platform ORDER BY p.platform) FROM case_platform p WHERE p.case_id = c.id), '{}') AS platforms
          FROM support_case c
         WHERE c.id IN (SELECT i.case_id FROM case_identifier i WHERE i.kind = s.kind AND i.value = s.value)
      )
      SELECT array_agg(DISTINCT h.country ORDER BY h.country) AS countries,
             array_agg(DISTINCT h.priority ORDER BY h.priority) AS priorities,
             array_agg(DISTINCT h.status ORDER BY h.status) AS outcomes,
             COALESCE((SELECT array_agg(DISTINCT pl ORDER BY pl) FROM held, unnest(held.platforms) AS pl), '{}') AS platforms,
             (SELECT COALESCE(json_agg(json_build_object(
                       'id', n.id, 'reference', n.reference, 'status', n.status, 'priority', n.priority, 'country', n.country,
                       'platforms', n.platforms, 'createdAt', n.created_at, 'updatedAt', n.updated_at) ORDER BY n.created_at DESC, n.id), '[]'::json)
                FROM (SELECT * FROM held ORDER BY created_at DESC, id LIMIT $CASES) n) AS cases
        FROM held h
    ) agg`;

/** The cursor's microseconds as a timestamp, exactly (integer microseconds; below 2^53, so the product is exact). */
const AT_CURSOR = `('epoch'::timestamptz + $2::bigint * interval '1 microsecond')`;

/** The clusters' SQL: the list from the cluster table, each cluster's details from the identifier index. A merged duplicate holds no identifiers (its records moved), so it never counts twice. */
export const clusterRepository = {
  /**
   * Identifiers held by two or more cases, newest activity first (a cluster's activity: the latest
   * change to any case holding it). Reads the maintained cluster table (`identifier_cluster`, kept
   * by triggers) backwards along `identifier_cluster_activity_idx` from the cursor, so a page is one
   * index range of `limit` rows whatever the size of the index; only those rows are then detailed.
   */
  page(manager: EntityManager, limit: number, casesPerCluster: number, after?: ClusterCursor): Promise<ClusterRow[]> {
    return manager.query<ClusterRow[]>(
      `WITH page AS (
         SELECT k.key::text AS key, k.kind, k.value, k.last_activity_case AS case_id, k.last_activity_at AS at,
                k.case_count, k.secret, k.first_seen, k.last_seen, k.key AS key_order
           FROM identifier_cluster k
          WHERE $2::bigint IS NULL OR (k.last_activity_at, k.last_activity_case, k.key) < (${AT_CURSOR}, $3::uuid, $4::uuid)
          ORDER BY k.last_activity_at DESC, k.last_activity_case DESC, k.key DESC
          LIMIT $1
       )
       ${CLUSTER_DETAILS.replace('$CASES', '$5')}
       ORDER BY s.at DESC, s.case_id DESC, s.key_order DESC`,
      [limit, after?.at ?? null, after?.caseId ?? null, after?.key ?? null, casesPerCluster],
    );
  },

  /** One cluster, by any of its index rows' ids; nothing when fewer than two cases hold it now. */
  one(manager: EntityManager, key: string, casesPerCluster: number): Promise<ClusterRow[]> {
    return manager.query<ClusterRow[]>(
      `WITH page AS (
         SELECT $1::text AS key, k.kind, k.value, k.last_activity_case AS case_id, k.last_activity_at AS at,
                k.case_count, k.secret, k.first_seen, k.last_seen
           FROM case_identifier w JOIN identifier_cluster k ON k.kind = w.kind AND k.value = w.value
          WHERE w.id = $1::uuid
       )
       ${CLUSTER_DETAILS.replace('$CASES', '$2')}`,
      [key, casesPerCluster],
    );
  },
};
