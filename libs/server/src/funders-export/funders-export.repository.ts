import { PRIORITIES } from '@sg/domain';
import { EntityManager } from 'typeorm';

/** One count: a month (UTC, `YYYY-MM`), what is counted, how it is broken down, and the count. */
export interface FundersCountRow {
  month: string;
  measure: 'cases' | 'takedowns' | 'reports';
  breakdown: string;
  /** The breakdown's value; for takedowns the platform as typed (lower-cased, trimmed), named later. */
  value: string;
  /** A takedown's or report's result; '' for cases. */
  result: string;
  count: number;
}

/** What a purged case no longer holds is counted under this value (only its priority survives). */
export const PURGED_VALUE = 'purged';

const MONTH = `to_char(date_trunc('month', at AT TIME ZONE 'UTC'), 'YYYY-MM')`;

/**
 * The funders' aggregates over [from, until): counts only, grouped in SQL, so no row of a case
 * ever reaches the server's memory. Purged records count through `purged_*` (retention keeps
 * what these figures need), so a month's figures do not fall when its cases are purged.
 */
export const fundersExportRepository = {
  /** Cases by month and by each of priority, country, channel and outcome (open, resolved or closed). */
  cases(manager: EntityManager, from: Date, until: Date): Promise<FundersCountRow[]> {
    return manager.query<FundersCountRow[]>(
      `SELECT ${MONTH} AS month, 'cases' AS measure, d.breakdown, d.value, '' AS result, count(*)::int AS count
         FROM (SELECT created_at AS at, priority, country, channel,
                      CASE WHEN status IN ('resolved', 'closed') THEN status ELSE 'open' END AS outcome
                 FROM support_case WHERE created_at >= $1 AND created_at < $2
               UNION ALL
               SELECT created_at, ($3::text[])[priority_rank + 1], $4, $4, $4
                 FROM purged_case WHERE created_at >= $1 AND created_at < $2) c
        CROSS JOIN LATERAL (VALUES ('priority', c.priority), ('country', c.country), ('channel', c.channel), ('outcome', c.outcome)) AS d(breakdown, value)
        GROUP BY 1, 3, 4`,
      [from, until, [...PRIORITIES], PURGED_VALUE],
    );
  },

  /** Takedown requests by the month they were submitted, platform and result (removed, rejected or open). */
  takedowns(manager: EntityManager, from: Date, until: Date): Promise<FundersCountRow[]> {
    return manager.query<FundersCountRow[]>(
      `SELECT ${MONTH} AS month, 'takedowns' AS measure, 'platform' AS breakdown, lower(btrim(platform)) AS value,
              CASE WHEN removed_at IS NOT NULL THEN 'removed' WHEN rejected_at IS NOT NULL THEN 'rejected' ELSE 'open' END AS result,
              count(*)::int AS count
         FROM (SELECT submitted_at AS at, platform, removed_at, rejected_at FROM takedown_request WHERE submitted_at >= $1 AND submitted_at < $2
               UNION ALL
               SELECT submitted_at, platform, removed_at, rejected_at FROM purged_takedown WHERE submitted_at >= $1 AND submitted_at < $2) t
        GROUP BY 1, 4, 5`,
      [from, until],
    );
  },

  /** Reports by the month they were filed, kind of agency and status. */
  reports(manager: EntityManager, from: Date, until: Date): Promise<FundersCountRow[]> {
    return manager.query<FundersCountRow[]>(
      `SELECT ${MONTH} AS month, 'reports' AS measure, 'agency_kind' AS breakdown, agency_kind AS value, status AS result, count(*)::int AS count
         FROM (SELECT filed_at AS at, agency_kind, status FROM case_report WHERE filed_at >= $1 AND filed_at < $2
               UNION ALL
               SELECT filed_at, agency_kind, status FROM purged_report WHERE filed_at >= $1 AND filed_at < $2) r
        GROUP BY 1, 4, 5`,
      [from, until],
    );
  },
};
