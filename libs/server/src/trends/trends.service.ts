import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FirstResponseStats, FirstResponseWeek, PriorityCounts, ReportAgencyStats, TakedownPlatformStats, TrendsResponse } from '@sg/contracts';
import { FIRST_RESPONSE_TARGET_MINUTES, PRIORITIES, Priority, REPORT_AGENCY_KINDS, ReportAgencyKind } from '@sg/domain';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { validationError } from '../http/zod-validation.pipe';

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

/** How long one window's figures are shared between callers, and how many windows are kept. */
export const TRENDS_SHARE_MS = 30_000;
const MAX_SHARED_WINDOWS = 16;

interface Bounds {
  /** `YYYY-MM-DD` for each day of the window, in the caller's zone. */
  days: string[];
  /** The instant each day began, and one more: the end of today. */
  dayStarts: Date[];
  /** `YYYY-MM-DD` for the Monday of each week the window touches. */
  weeks: string[];
  /** The instant each of those weeks began, and the end of today. */
  weekStarts: Date[];
}

interface FirstResponseRow {
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

interface TakedownRow {
  platform: string | null;
  requests: number;
  removed: number;
  rejected: number;
  open: number;
  median: string | null;
}

/** PostgreSQL's "time zone not recognized" (its zone list and the runtime's can differ slightly). */
const INVALID_PARAMETER_VALUE = '22023';

/**
 * The supervisor's trends over the last N days: a handful of aggregate queries, each reading
 * only the window's rows through an index on its time column that carries what the aggregate
 * needs (see the trends migration), so the cost follows the window, not the history. Rows go
 * to their day and week by comparing instants with the window's day and week starts
 * (width_bucket), computed once in the caller's zone: converting every row's time to a zone
 * would cost more than the scan. The queries share one read-only snapshot, so sections agree.
 *
 * Trends move slowly and a long window is the costliest thing a supervisor can ask for, so one
 * computation per window and zone is shared for TRENDS_SHARE_MS (`generatedAt` says when).
 */
@Injectable()
export class TrendsService {
  private readonly shared = new Map<string, { at: number; result: Promise<TrendsResponse> }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  trends(days: number, timeZone: string): Promise<TrendsResponse> {
    const key = `${days}|${timeZone}`;
    const entry = this.shared.get(key);
    if (entry && Date.now() - entry.at < TRENDS_SHARE_MS) return entry.result;
    const result = this.computeInSnapshot(days, timeZone);
    // Newest last, so the first key is the one to forget when too many windows are held.
    this.shared.delete(key);
    this.shared.set(key, { at: Date.now(), result });
    if (this.shared.size > MAX_SHARED_WINDOWS) this.shared.delete(this.shared.keys().next().value as string);
    result.catch(() => {
      if (this.shared.get(key)?.result === result) this.shared.delete(key);
    });
    return result;
  }

  private async computeInSnapshot(days: number, timeZone: string): Promise<TrendsResponse> {
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
    // Calendar days and weeks (from Monday) in the caller's zone, as instants: DST-safe.
    const [bounds]: Bounds[] = await db.query(
      `SELECT (SELECT array_agg(to_char(d, 'YYYY-MM-DD') ORDER BY d) FROM generate_series(first, today, interval '1 day') d) AS days,
              (SELECT array_agg(d AT TIME ZONE $1 ORDER BY d) FROM generate_series(first, today + interval '1 day', interval '1 day') d) AS "dayStarts",
              (SELECT array_agg(to_char(w, 'YYYY-MM-DD') ORDER BY w) FROM generate_series(date_trunc('week', first), today, interval '7 days') w) AS weeks,
              (SELECT array_agg(w AT TIME ZONE $1 ORDER BY w) FROM generate_series(date_trunc('week', first), today, interval '7 days') w)
                || ((today + interval '1 day') AT TIME ZONE $1) AS "weekStarts"
         FROM (SELECT today, today - ($2::int - 1) * interval '1 day' AS first
                 FROM (SELECT (now() AT TIME ZONE $1)::date::timestamp AS today) t) t`,
      [timeZone, days],
    );
    const from = bounds.dayStarts[0];
    const until = bounds.dayStarts[bounds.dayStarts.length - 1];

    const perDay: Array<{ day: number; rank: number; count: number }> = await db.query(
      `SELECT width_bucket(created_at, $1::timestamptz[]) AS day, priority_rank AS rank, count(*)::int AS count
         FROM support_case WHERE created_at >= $2 AND created_at < $3
        GROUP BY 1, 2`,
      [bounds.dayStarts, from, until],
    );

    // Per week and priority, and (the grouping set without the week) per priority over the window.
    const firstResponse: FirstResponseRow[] = await db.query(
      `SELECT week, rank, cases, responded, extract(epoch FROM took[1]) AS median, extract(epoch FROM took[2]) AS p90, within, missed, pending
         FROM (SELECT width_bucket(created_at, $1::timestamptz[]) AS week, priority_rank AS rank, ${FIRST_RESPONSE_AGGREGATES}
                 FROM support_case WHERE created_at >= $2 AND created_at < $3
                GROUP BY GROUPING SETS ((1, 2), (2))) s`,
      [bounds.weekStarts, from, until],
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
              extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY removed_at - submitted_at)) AS median
         FROM takedown_request WHERE submitted_at >= $1 AND submitted_at < $2
        GROUP BY GROUPING SETS ((lower(btrim(platform))), ())
        ORDER BY grouping(lower(btrim(platform))), requests DESC, lower(btrim(platform))`,
      [from, until],
    );

    const reports: Array<{ kind: ReportAgencyKind; filed: number; acknowledged: number; actioned: number; noAction: number; median: string | null }> = await db.query(
      `SELECT agency_kind AS kind, count(*)::int AS filed,
              count(*) FILTER (WHERE acknowledged_at IS NOT NULL OR closed_at IS NOT NULL)::int AS acknowledged,
              count(*) FILTER (WHERE status = 'actioned')::int AS actioned,
              count(*) FILTER (WHERE status = 'no_action')::int AS "noAction",
              extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY least(acknowledged_at, closed_at) - filed_at)) AS median
         FROM case_report WHERE filed_at >= $1 AND filed_at < $2
        GROUP BY agency_kind`,
      [from, until],
    );

    const dayCounts = new Map(perDay.map((row) => [`${row.day}|${row.rank}`, row.count]));
    const intakeDays = bounds.days.map((day, index) => {
      const byPriority = priorityCounts((rank) => dayCounts.get(`${index + 1}|${rank}`) ?? 0);
      return { day, total: sum(Object.values(byPriority)), byPriority };
    });
    const responseRows = new Map(firstResponse.map((row) => [`${row.week ?? 'all'}|${row.rank}`, row]));
    const waitingByRank = new Map(waiting.map((row) => [row.rank, row.count]));
    const reportsByKind = new Map(reports.map((row) => [row.kind, row]));
    const totalTakedowns = takedowns.find((row) => row.platform === null);

    return {
      generatedAt: new Date().toISOString(),
      window: { days, timeZone, firstDay: bounds.days[0], lastDay: bounds.days[bounds.days.length - 1], from: new Date(from).toISOString() },
      intakes: {
        total: sum(intakeDays.map((day) => day.total)),
        byPriority: priorityCounts((rank) => sum(intakeDays.map((day) => day.byPriority[PRIORITIES[rank]]))),
        perDay: intakeDays,
      },
      firstResponse: {
        byPriority: PRIORITIES.map((priority, rank): FirstResponseStats => {
          const row = responseRows.get(`all|${rank}`);
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
        weekly: bounds.weeks.flatMap((weekStart, index) =>
          PRIORITIES.map((priority, rank): FirstResponseWeek => {
            const row = responseRows.get(`${index + 1}|${rank}`);
            const within = row?.within ?? 0;
            const missed = row?.missed ?? 0;
            return {
              weekStart,
              priority,
              responded: row?.responded ?? 0,
              medianSeconds: roundSeconds(row?.median),
              p90Seconds: roundSeconds(row?.p90),
              withinTarget: within,
              missed,
              attainment: ratio(within, within + missed),
            };
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
