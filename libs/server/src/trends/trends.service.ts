import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FirstResponseStats, FirstResponseWeek, PriorityCounts, ReportAgencyStats, TakedownPlatformStats, TrendsResponse } from '@sg/contracts';
import { FIRST_RESPONSE_TARGET_MINUTES, PRIORITIES, Priority, REPORT_AGENCY_KINDS, ReportAgencyKind } from '@sg/domain';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { validationError } from '../http/zod-validation.pipe';

/** Seconds from a to b, for percentile_cont over intervals. */
const seconds = (from: string, to: string) => `extract(epoch FROM ${to} - ${from})`;

/** The first-response figures, over whichever slice of support_case the caller groups. */
const FIRST_RESPONSE_AGGREGATES = `
  count(*)::int AS cases,
  count(first_responded_at)::int AS responded,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY ${seconds('created_at', 'first_responded_at')}) AS median,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY ${seconds('created_at', 'first_responded_at')}) AS p90,
  count(*) FILTER (WHERE first_responded_at <= first_response_due_at)::int AS within,
  count(*) FILTER (WHERE first_responded_at > first_response_due_at OR (first_responded_at IS NULL AND first_response_due_at <= now()))::int AS missed,
  count(*) FILTER (WHERE first_responded_at IS NULL AND first_response_due_at > now())::int AS pending`;

interface Bounds {
  firstDay: string;
  lastDay: string;
  from: Date;
}

interface FirstResponseRow {
  rank: number;
  cases: number;
  responded: number;
  median: number | null;
  p90: number | null;
  within: number;
  missed: number;
  pending: number;
}

interface TakedownRow {
  platform: string | null;
  requests: number;
  removed: number;
  rejected: number;
  open: number;
  median: number | null;
}

/** PostgreSQL's "time zone not recognized" (its zone list and the runtime's can differ slightly). */
const INVALID_PARAMETER_VALUE = '22023';

/**
 * The supervisor's trends over the last N days: a handful of aggregate queries, each reading
 * only the window's rows through an index on its time column (see the trends migration), so
 * the cost follows the window, not the history. The queries run on one connection in one
 * read-only snapshot, so the sections agree with each other.
 */
@Injectable()
export class TrendsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async trends(days: number, timeZone: string): Promise<TrendsResponse> {
    try {
      return await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
        await manager.query('SET TRANSACTION READ ONLY');
        return this.compute(manager, days, timeZone);
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === INVALID_PARAMETER_VALUE && /time zone/i.test(error.message)) {
        throw validationError([{ path: 'tz', message: 'is not a time zone the database knows' }]);
      }
      throw error;
    }
  }

  private async compute(db: EntityManager, days: number, timeZone: string): Promise<TrendsResponse> {
    // Calendar days in the caller's zone; `from` is the instant its first day began (DST-safe).
    const [bounds]: Bounds[] = await db.query(
      `SELECT to_char(today - ($2::int - 1), 'YYYY-MM-DD') AS "firstDay", to_char(today, 'YYYY-MM-DD') AS "lastDay",
              (today - ($2::int - 1))::timestamp AT TIME ZONE $1 AS "from"
         FROM (SELECT (now() AT TIME ZONE $1)::date AS today) t`,
      [timeZone, days],
    );
    const window = [timeZone, bounds.from, bounds.firstDay, bounds.lastDay];

    const perDay: Array<{ day: string; counts: number[] }> = await db.query(
      `WITH counts AS (
         SELECT (created_at AT TIME ZONE $1)::date AS day,
                array[count(*) FILTER (WHERE priority_rank = 0), count(*) FILTER (WHERE priority_rank = 1),
                      count(*) FILTER (WHERE priority_rank = 2), count(*) FILTER (WHERE priority_rank = 3)]::int[] AS counts
           FROM support_case WHERE created_at >= $2
          GROUP BY 1
       )
       SELECT to_char(d.day, 'YYYY-MM-DD') AS day, coalesce(c.counts, '{0,0,0,0}') AS counts
         FROM generate_series($3::date, $4::date, interval '1 day') AS d(day)
         LEFT JOIN counts c ON c.day = d.day
        ORDER BY d.day`,
      window,
    );

    const byPriority: FirstResponseRow[] = await db.query(
      `SELECT priority_rank AS rank, ${FIRST_RESPONSE_AGGREGATES}
         FROM support_case WHERE created_at >= $1
        GROUP BY priority_rank`,
      [bounds.from],
    );

    // Weeks start on Monday in the caller's zone; every week of the window is listed.
    const weekly: Array<FirstResponseRow & { week: string }> = await db.query(
      `WITH stats AS (
         SELECT date_trunc('week', created_at AT TIME ZONE $1)::date AS week, priority_rank AS rank, ${FIRST_RESPONSE_AGGREGATES}
           FROM support_case WHERE created_at >= $2
          GROUP BY 1, 2
       )
       SELECT to_char(w.week, 'YYYY-MM-DD') AS week, r.rank, coalesce(s.responded, 0) AS responded, s.median, s.p90,
              coalesce(s.within, 0) AS within, coalesce(s.missed, 0) AS missed
         FROM generate_series(date_trunc('week', $3::date), $4::date, interval '7 days') AS w(week)
        CROSS JOIN generate_series(0, 3) AS r(rank)
         LEFT JOIN stats s ON s.week = w.week AND s.rank = r.rank
        ORDER BY w.week, r.rank`,
      window,
    );

    // The Overdue queue as a supervisor sees it (support_case_awaiting_response_idx).
    const waiting: Array<{ rank: number; count: number }> = await db.query(
      `SELECT priority_rank AS rank, count(*)::int AS count FROM support_case
        WHERE first_responded_at IS NULL AND status IN ('new', 'in_progress', 'waiting') AND first_response_due_at < now()
        GROUP BY 1`,
    );

    // Platforms as typed by caseworkers: "Instagram" and "instagram " are one platform, shown
    // the way it is most often written. The empty grouping set is the total row.
    const takedowns: TakedownRow[] = await db.query(
      `SELECT CASE WHEN grouping(lower(btrim(platform))) = 0 THEN mode() WITHIN GROUP (ORDER BY btrim(platform)) END AS platform,
              count(*)::int AS requests,
              count(removed_at)::int AS removed,
              count(*) FILTER (WHERE rejected_at IS NOT NULL AND removed_at IS NULL)::int AS rejected,
              count(*) FILTER (WHERE rejected_at IS NULL AND removed_at IS NULL)::int AS open,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY ${seconds('submitted_at', 'removed_at')}) AS median
         FROM takedown_request WHERE submitted_at >= $1
        GROUP BY GROUPING SETS ((lower(btrim(platform))), ())
        ORDER BY grouping(lower(btrim(platform))), requests DESC, lower(btrim(platform))`,
      [bounds.from],
    );

    const reports: Array<{ kind: ReportAgencyKind; filed: number; acknowledged: number; actioned: number; noAction: number; median: number | null }> = await db.query(
      `SELECT agency_kind AS kind, count(*)::int AS filed,
              count(*) FILTER (WHERE acknowledged_at IS NOT NULL OR closed_at IS NOT NULL)::int AS acknowledged,
              count(*) FILTER (WHERE status = 'actioned')::int AS actioned,
              count(*) FILTER (WHERE status = 'no_action')::int AS "noAction",
              percentile_cont(0.5) WITHIN GROUP (ORDER BY ${seconds('filed_at', 'least(acknowledged_at, closed_at)')}) AS median
         FROM case_report WHERE filed_at >= $1
        GROUP BY agency_kind`,
      [bounds.from],
    );

    const intakeDays = perDay.map((row) => ({ day: row.day, total: sum(row.counts), byPriority: priorityCounts((rank) => row.counts[rank]) }));
    const stats = new Map(byPriority.map((row) => [row.rank, row]));
    const waitingByRank = new Map(waiting.map((row) => [row.rank, row.count]));
    const reportsByKind = new Map(reports.map((row) => [row.kind, row]));
    const totalTakedowns = takedowns.find((row) => row.platform === null);

    return {
      generatedAt: new Date().toISOString(),
      window: { days, timeZone, firstDay: bounds.firstDay, lastDay: bounds.lastDay, from: new Date(bounds.from).toISOString() },
      intakes: {
        total: sum(intakeDays.map((day) => day.total)),
        byPriority: priorityCounts((rank) => sum(perDay.map((row) => row.counts[rank]))),
        perDay: intakeDays,
      },
      firstResponse: {
        byPriority: PRIORITIES.map((priority, rank): FirstResponseStats => {
          const row = stats.get(rank);
          return {
            priority,
            targetSeconds: this.targetSeconds(priority),
            cases: row?.cases ?? 0,
            responded: row?.responded ?? 0,
            medianSeconds: roundSeconds(row?.median),
            p90Seconds: roundSeconds(row?.p90),
            withinTarget: row?.within ?? 0,
            missed: row?.missed ?? 0,
            pending: row?.pending ?? 0,
            attainment: ratio(row?.within ?? 0, (row?.within ?? 0) + (row?.missed ?? 0)),
          };
        }),
        weekly: weekly.map(
          (row): FirstResponseWeek => ({
            weekStart: row.week,
            priority: PRIORITIES[row.rank],
            responded: row.responded,
            medianSeconds: roundSeconds(row.median),
            p90Seconds: roundSeconds(row.p90),
            withinTarget: row.within,
            missed: row.missed,
            attainment: ratio(row.within, row.within + row.missed),
          }),
        ),
        waitingPastTargetNow: priorityCounts((rank) => waitingByRank.get(rank) ?? 0),
      },
      takedowns: {
        byPlatform: takedowns.filter((row) => row.platform !== null).map((row) => ({ platform: row.platform as string, ...takedownStats(row) })),
        total: takedownStats(totalTakedowns ?? { platform: null, requests: 0, removed: 0, rejected: 0, open: 0, median: null }),
      },
      reports: {
        byAgencyKind: REPORT_AGENCY_KINDS.map((agencyKind): ReportAgencyStats => {
          const row = reportsByKind.get(agencyKind);
          return {
            agencyKind,
            filed: row?.filed ?? 0,
            acknowledged: row?.acknowledged ?? 0,
            actioned: row?.actioned ?? 0,
            noAction: row?.noAction ?? 0,
            acknowledgementRate: ratio(row?.acknowledged ?? 0, row?.filed ?? 0),
            medianSecondsToAcknowledgement: roundSeconds(row?.median),
          };
        }),
      },
    };
  }

  /** The target the countdowns use: the triage table scaled like every other duration. */
  private targetSeconds(priority: Priority): number {
    return roundSeconds(FIRST_RESPONSE_TARGET_MINUTES[priority] * 60 * this.config.followUpTimeScale) as number;
  }
}

function takedownStats(row: TakedownRow): Omit<TakedownPlatformStats, 'platform'> {
  return {
    requests: row.requests,
    removed: row.removed,
    rejected: row.rejected,
    open: row.open,
    removalRate: ratio(row.removed, row.requests),
    medianSecondsToRemoval: roundSeconds(row.median),
  };
}

function priorityCounts(countFor: (rank: number) => number): PriorityCounts {
  return Object.fromEntries(PRIORITIES.map((priority, rank) => [priority, countFor(rank)])) as PriorityCounts;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Milliseconds are plenty (time-scaled demos have sub-second targets); pg may return numerics as strings. */
function roundSeconds(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  return Math.round(Number(value) * 1000) / 1000;
}
