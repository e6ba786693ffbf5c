import { FirstResponseStats, FirstResponseWeek, PriorityCounts, ReportAgencyStats, TakedownPlatformStats, TrendsResponse } from '@sg/contracts';
import { FIRST_RESPONSE_TARGET_MINUTES, PRIORITIES, Priority, REPORT_AGENCY_KINDS, itemAt, recordOf } from '@sg/domain';
import { FirstResponseRow, IntakeDayRow, ReportRow, TakedownRow, TrendsBoundsRow, WaitingPastTargetRow } from './trends.repository';

/** What the trends queries answered for one window, all from one snapshot. */
export interface TrendsRows {
  bounds: TrendsBoundsRow;
  /** Only (day, priority) pairs with cases have a row. */
  perDay: IntakeDayRow[];
  /** Per (week, priority), plus one row per priority (week null) over the whole window. */
  firstResponse: FirstResponseRow[];
  waitingPastTarget: WaitingPastTargetRow[];
  /** Per platform, plus the total row (platform null) when any request was submitted. */
  takedowns: TakedownRow[];
  reports: ReportRow[];
}

/** The request the rows answer and what is not in the database. */
export interface TrendsWindow {
  days: number;
  timeZone: string;
  /** FOLLOW_UP_TIME_SCALE: the first-response targets are the triage table scaled by it. */
  followUpTimeScale: number;
  generatedAt: Date;
}

/**
 * Turns the trends queries' rows into the response: every day, week, priority and agency kind is
 * present (zero or null where no row said otherwise), numerics from pg become numbers, and rates
 * are null where nothing could be counted. Pure: no clock, no database.
 */
export function assembleTrends(window: TrendsWindow, rows: TrendsRows): TrendsResponse {
  const { bounds } = rows;
  const dayCounts = new Map(rows.perDay.map((row) => [`${row.day}|${row.rank}`, row.count]));
  const intakeDays = bounds.days.map((day, index) => {
    const byPriority = priorityCounts((rank) => dayCounts.get(`${index + 1}|${rank}`) ?? 0);
    return { day, total: sum(Object.values(byPriority)), byPriority };
  });
  const responseRows = new Map(rows.firstResponse.map((row) => [`${row.week ?? 'all'}|${row.rank}`, row]));
  const waitingByRank = new Map(rows.waitingPastTarget.map((row) => [row.rank, row.count]));
  const reportsByKind = new Map(rows.reports.map((row) => [row.kind, row]));
  const totalTakedowns = rows.takedowns.find((row) => row.platform === null);

  return {
    generatedAt: window.generatedAt.toISOString(),
    window: {
      days: window.days,
      timeZone: window.timeZone,
      firstDay: itemAt(bounds.days, 0, 'the first day of the window'),
      lastDay: itemAt(bounds.days, bounds.days.length - 1, 'the last day of the window'),
      from: new Date(itemAt(bounds.dayStarts, 0, 'the start of the window')).toISOString(),
    },
    intakes: {
      total: sum(intakeDays.map((day) => day.total)),
      byPriority: priorityCounts((_rank, priority) => sum(intakeDays.map((day) => day.byPriority[priority]))),
      perDay: intakeDays,
    },
    firstResponse: {
      byPriority: PRIORITIES.map((priority, rank): FirstResponseStats => {
        const row = responseRows.get(`all|${rank}`);
        return {
          priority,
          targetSeconds: targetSeconds(priority, window.followUpTimeScale),
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
      byPlatform: rows.takedowns.flatMap((row) => (row.platform === null ? [] : [{ platform: row.platform, ...takedownStats(row) }])),
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
function targetSeconds(priority: Priority, followUpTimeScale: number): number {
  return Math.round(FIRST_RESPONSE_TARGET_MINUTES[priority] * 60 * followUpTimeScale * 1000) / 1000;
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

function priorityCounts(countFor: (rank: number, priority: Priority) => number): PriorityCounts {
  return recordOf(PRIORITIES, (priority) => countFor(PRIORITIES.indexOf(priority), priority));
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
