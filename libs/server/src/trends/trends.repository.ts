import { ReportAgencyKind, present } from '@sg/domain';
import { EntityManager } from 'typeorm';

/**
 * The first-response figures over whichever slice of support_case the caller groups. Both
 * percentiles come from one sort, over intervals (cheaper than sorting extracted numerics).
 */
const FIRST_RESPONSE_AGGREGATES = `
  count(*)::int AS cases,
  count(first_responded_at)::int AS responded,
  percentile_cont(array[0.5, 0.9]) WITHIN GROUP (ORDER BY first_responded_at - created_at) AS took,
  count(*) FILTER (WHERE first_responded_at <= first_response_due_at)::int AS within,
  count(*) FILTER (WHERE first_responded_at > first_response_due_at OR (first_responded_at IS NULL AND first_response_due_at <= now()))::int AS missed,
  count(*) FILTER (WHERE first_responded_at IS NULL AND first_response_due_at > now())::int AS pending`;

/**
 * The cases created in [$2, $3): those still held and those purged by retention or at the
 * person's request (purged_case keeps only what these figures need), so trends do not change
 * when a case is purged.
 */
const CASES_IN_WINDOW = `(SELECT created_at, priority_rank, first_response_due_at, first_responded_at FROM support_case WHERE created_at >= $2 AND created_at < $3
         UNION ALL
         SELECT created_at, priority_rank, first_response_due_at, first_responded_at FROM purged_case WHERE created_at >= $2 AND created_at < $3) c`;

/** The window's calendar days and weeks (from Monday) in the caller's zone, as labels and instants. */
export interface TrendsBoundsRow {
  /** `YYYY-MM-DD` for each day of the window, in the caller's zone. */
  days: string[];
  /** The instant each day began, and one more: the end of today. */
  dayStarts: Date[];
  /** `YYYY-MM-DD` for the Monday of each week the window touches. */
  weeks: string[];
  /** The instant each of those weeks began, and the end of today. */
  weekStarts: Date[];
}

/** Cases created on one day of the window at one priority. */
export interface IntakeDayRow {
  /** 1-based index into the window's days. */
  day: number;
  /** Index into PRIORITIES. */
  rank: number;
  count: number;
}

/** First-response figures for one priority, in one week or (week null) over the whole window. */
export interface FirstResponseRow {
  /** 1-based index into the weeks; null on the row for the whole window. */
  week: number | null;
  rank: number;
  cases: number;
  responded: number;
  /** extract(epoch ...) is numeric, which pg hands over as a string. */
  median: string | null;
  p90: string | null;
  within: number;
  missed: number;
  pending: number;
}

/** Open cases past their first-response target right now, at one priority. */
export interface WaitingPastTargetRow {
  rank: number;
  count: number;
}

/** Takedown requests submitted in the window on one platform, or (platform null) on all of them. */
export interface TakedownRow {
  platform: string | null;
  requests: number;
  removed: number;
  rejected: number;
  open: number;
  /** Seconds from submission to removal; numeric, so a string from pg. */
  median: string | null;
}

/** Reports filed in the window with one kind of agency. */
export interface ReportRow {
  kind: ReportAgencyKind;
  filed: number;
  acknowledged: number;
  actioned: number;
  noAction: number;
  /** Seconds from filing to the first answer; numeric, so a string from pg. */
  median: string | null;
}

/**
 * The trends queries. Each reads only the window's rows through an index on its time column that
 * carries what the aggregate needs (see the trends migration), so the cost follows the window, not
 * the history. Rows go to their day and week by comparing instants with the window's day and week
 * starts (width_bucket), computed once in the caller's zone: converting every row's time to a zone
 * would cost more than the scan. Callers run them in one read-only snapshot so sections agree.
 */
export const trendsRepository = {
  /** Makes the caller's (just opened) transaction read-only: trends never write. */
  async readOnly(manager: EntityManager): Promise<void> {
    await manager.query('SET TRANSACTION READ ONLY');
  },

  /**
   * Calendar days and weeks (from Monday) of the last `days` days in `timeZone`, as instants:
   * DST-safe. Fails with 22023 when PostgreSQL does not know the zone.
   */
  async bounds(manager: EntityManager, timeZone: string, days: number): Promise<TrendsBoundsRow> {
    const [bounds] = await manager.query<TrendsBoundsRow[]>(
      `SELECT (SELECT array_agg(to_char(d, 'YYYY-MM-DD') ORDER BY d) FROM generate_series(first, today, interval '1 day') d) AS days,
              (SELECT array_agg(d AT TIME ZONE $1 ORDER BY d) FROM generate_series(first, today + interval '1 day', interval '1 day') d) AS "dayStarts",
              (SELECT array_agg(to_char(w, 'YYYY-MM-DD') ORDER BY w) FROM generate_series(date_trunc('week', first), today, interval '7 days') w) AS weeks,
              (SELECT array_agg(w AT TIME ZONE $1 ORDER BY w) FROM generate_series(date_trunc('week', first), today, interval '7 days') w)
                || ((today + interval '1 day') AT TIME ZONE $1) AS "weekStarts"
         FROM (SELECT today, today - ($2::int - 1) * interval '1 day' AS first
                 FROM (SELECT (now() AT TIME ZONE $1)::date::timestamp AS today) t) t`,
      [timeZone, days],
    );
    return present(bounds, 'the trends window');
  },

  /** Cases created in [from, until) per day (by `dayStarts`) and priority; empty days have no row. */
  intakesPerDay(manager: EntityManager, dayStarts: Date[], from: Date, until: Date): Promise<IntakeDayRow[]> {
    return manager.query<IntakeDayRow[]>(
      `SELECT width_bucket(created_at, $1::timestamptz[]) AS day, priority_rank AS rank, count(*)::int AS count
         FROM ${CASES_IN_WINDOW}
        GROUP BY 1, 2`,
      [dayStarts, from, until],
    );
  },

  /**
   * First-response figures of cases created in [from, until) per week (by `weekStarts`) and
   * priority, and (the grouping set without the week) per priority over the window.
   */
  firstResponse(manager: EntityManager, weekStarts: Date[], from: Date, until: Date): Promise<FirstResponseRow[]> {
    return manager.query<FirstResponseRow[]>(
      `SELECT week, rank, cases, responded, extract(epoch FROM took[1]) AS median, extract(epoch FROM took[2]) AS p90, within, missed, pending
         FROM (SELECT width_bucket(created_at, $1::timestamptz[]) AS week, priority_rank AS rank, ${FIRST_RESPONSE_AGGREGATES}
                 FROM ${CASES_IN_WINDOW}
                GROUP BY GROUPING SETS ((1, 2), (2))) s`,
      [weekStarts, from, until],
    );
  },

  /** The Overdue queue as a supervisor sees it now, per priority (support_case_awaiting_response_idx). */
  waitingPastTarget(manager: EntityManager): Promise<WaitingPastTargetRow[]> {
    return manager.query<WaitingPastTargetRow[]>(
      `SELECT priority_rank AS rank, count(*)::int AS count FROM support_case
        WHERE first_responded_at IS NULL AND status IN ('new', 'in_progress', 'waiting') AND first_response_due_at < now()
        GROUP BY 1`,
    );
  },

  /**
   * Takedowns submitted in [from, until) per platform as typed by caseworkers: "Instagram" and
   * "instagram " are one platform, shown the way it is most often written. Platforms come by
   * requests, most first; the empty grouping set is the total row (platform null), last.
   */
  takedowns(manager: EntityManager, from: Date, until: Date): Promise<TakedownRow[]> {
    return manager.query<TakedownRow[]>(
      `SELECT CASE WHEN grouping(lower(btrim(platform))) = 0 THEN mode() WITHIN GROUP (ORDER BY btrim(platform)) END AS platform,
              count(*)::int AS requests,
              count(removed_at)::int AS removed,
              count(*) FILTER (WHERE rejected_at IS NOT NULL AND removed_at IS NULL)::int AS rejected,
              count(*) FILTER (WHERE rejected_at IS NULL AND removed_at IS NULL)::int AS open,
              extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY removed_at - submitted_at)) AS median
         FROM (SELECT platform, submitted_at, removed_at, rejected_at FROM takedown_request WHERE submitted_at >= $1 AND submitted_at < $2
               UNION ALL
               SELECT platform, submitted_at, removed_at, rejected_at FROM purged_takedown WHERE submitted_at >= $1 AND submitted_at < $2) t
        GROUP BY GROUPING SETS ((lower(btrim(platform))), ())
        ORDER BY grouping(lower(btrim(platform))), requests DESC, lower(btrim(platform))`,
      [from, until],
    );
  },

  /** Reports filed in [from, until) per kind of agency; kinds with none have no row. */
  reports(manager: EntityManager, from: Date, until: Date): Promise<ReportRow[]> {
    return manager.query<ReportRow[]>(
      `SELECT agency_kind AS kind, count(*)::int AS filed,
              count(*) FILTER (WHERE acknowledged_at IS NOT NULL OR closed_at IS NOT NULL)::int AS acknowledged,
              count(*) FILTER (WHERE status = 'actioned')::int AS actioned,
              count(*) FILTER (WHERE status = 'no_action')::int AS "noAction",
              extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY least(acknowledged_at, closed_at) - filed_at)) AS median
         FROM (SELECT agency_kind, status, filed_at, acknowledged_at, closed_at FROM case_report WHERE filed_at >= $1 AND filed_at < $2
               UNION ALL
               SELECT agency_kind, status, filed_at, acknowledged_at, closed_at FROM purged_report WHERE filed_at >= $1 AND filed_at < $2) r
        GROUP BY agency_kind`,
      [from, until],
    );
  },
};
