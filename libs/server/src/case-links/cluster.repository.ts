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
  /** The lowest id among its index rows: opens the cluster without naming its value (a secret's is a keyed hash). */
  key: string;
  kind: IdentifierKind;
  value: string;
  secret: boolean;
  caseCount: number;
  firstSeen: Date;
  lastSeen: Date;
  lastActivityAt: Date;
  /** `lastActivityAt` in microseconds, exact, for the cursor. */
  activityUs: string;
  platforms: string[];
  countries: string[];
  priorities: Priority[];
  outcomes: CaseStatus[];
  cases: ClusterCaseRow[];
}

export interface ClusterPageQuery {
  limit: number;
  casesPerCluster: number;
  /** Resume after this cluster (newest activity first, then key). */
  after?: { activityUs: string; key: string };
  /** One cluster only: the identifier an index row holds (its page). */
  key?: string;
}

/** The clusters' SQL: one statement per page, read from the identifier index. */
export const clusterRepository = {
  /**
   * Identifiers held by two or more cases, newest activity first. Each with its cases' platforms,
   * countries, priorities and statuses, and its newest `casesPerCluster` cases. A merged duplicate
   * holds no identifiers (its records moved), so it never counts twice.
   */
  page(manager: EntityManager, query: ClusterPageQuery): Promise<ClusterRow[]> {
    return manager.query<ClusterRow[]>(
      `WITH wanted AS (
         SELECT kind, value FROM case_identifier WHERE id = $5::uuid
       ), shared AS (
         SELECT i.kind, i.value, min(i.id::text) AS key, bool_or(i.value_sealed IS NOT NULL) AS secret,
                count(DISTINCT i.case_id)::int AS case_count,
                min(c.created_at) AS first_seen, max(c.created_at) AS last_seen, max(c.updated_at) AS last_activity,
                (extract(epoch FROM max(c.updated_at)) * 1000000)::bigint AS activity_us
           FROM case_identifier i JOIN support_case c ON c.id = i.case_id
          WHERE $5::uuid IS NULL OR (i.kind, i.value) IN (SELECT kind, value FROM wanted)
          GROUP BY i.kind, i.value
         HAVING count(DISTINCT i.case_id) >= 2
       ), page AS (
         SELECT * FROM shared s
          WHERE $2::bigint IS NULL OR (s.activity_us, s.key) < ($2::bigint, $3::text)
          ORDER BY s.activity_us DESC, s.key DESC
          LIMIT $1
       )
       SELECT s.key, s.kind, s.value, s.secret, s.case_count AS "caseCount", s.first_seen AS "firstSeen", s.last_seen AS "lastSeen",
              s.last_activity AS "lastActivityAt", s.activity_us::text AS "activityUs",
              agg.platforms, agg.countries, agg.priorities, agg.outcomes, listed.cases
         FROM page s
         CROSS JOIN LATERAL (
           SELECT array_agg(DISTINCT c.country ORDER BY c.country) AS countries,
                  array_agg(DISTINCT c.priority ORDER BY c.priority) AS priorities,
                  array_agg(DISTINCT c.status ORDER BY c.status) AS outcomes,
                  COALESCE((SELECT array_agg(DISTINCT p.platform ORDER BY p.platform) FROM case_platform p
                             WHERE p.case_id IN (SELECT i.case_id FROM case_identifier i WHERE i.kind = s.kind AND i.value = s.value)), '{}') AS platforms
             FROM support_case c WHERE c.id IN (SELECT i.case_id FROM case_identifier i WHERE i.kind = s.kind AND i.value = s.value)
         ) agg
         CROSS JOIN LATERAL (
           SELECT COALESCE(json_agg(json_build_object(
                    'id', c.id, 'reference', c.reference, 'status', c.status, 'priority', c.priority, 'country', c.country,
                    'platforms', COALESCE((SELECT array_agg(DISTINCT p.platform ORDER BY p.platform) FROM case_platform p WHERE p.case_id = c.id), '{}'),
                    'createdAt', c.created_at, 'updatedAt', c.updated_at) ORDER BY c.created_at DESC, c.id), '[]'::json) AS cases
             FROM (SELECT c.* FROM support_case c
                    WHERE c.id IN (SELECT i.case_id FROM case_identifier i WHERE i.kind = s.kind AND i.value = s.value)
                    ORDER BY c.created_at DESC, c.id LIMIT $4) c
         ) listed
        ORDER BY s.activity_us DESC, s.key DESC`,
      [query.limit, query.after?.activityUs ?? null, query.after?.key ?? null, query.casesPerCluster, query.key ?? null],
    );
  },
};
