import { Priority, ReportAgencyKind } from '@sg/domain';
import * as z from 'zod';
import { text } from '../fields/text';

import { TREND_MAX_DAYS, isTimeZone } from './trend-limits';

/**
 * `GET /api/trends?days=30&tz=Europe/London`: the last `days` calendar days in `tz` (today
 * included, so `days=1` is today so far). Days and weeks start at midnight in that zone, so a
 * supervisor in Kuala Lumpur sees their own "today".
 */
export const trendsQuerySchema = z.strictObject({
  days: z.coerce.number().int('must be a whole number of days').min(1).max(TREND_MAX_DAYS).default(30),
  tz: text().refine(isTimeZone, 'must be a time zone name such as Europe/London').default('UTC'),
});
export type TrendsQuery = z.input<typeof trendsQuerySchema>;

export type PriorityCounts = Record<Priority, number>;

export interface IntakeDay {
  /** Calendar day in the window's zone, `YYYY-MM-DD`. Every day of the window is present, zero or not. */
  day: string;
  total: number;
  byPriority: PriorityCounts;
}

/**
 * First response for the cases that arrived in the window, by the priority in force now.
 * Times run from arrival to the first response. "Within target" compares the response with
 * the due time the case carried (what its countdown showed and what escalation used; it only
 * ever moves sooner, when a priority rises), so it matches the Overdue queue.
 */
export interface FirstResponseStats {
  priority: Priority;
  /** The priority's first-response target in force (the triage table × FOLLOW_UP_TIME_SCALE). */
  targetSeconds: number;
  /** Cases that arrived in the window. */
  cases: number;
  responded: number;
  /** Interpolated median and 90th percentile of arrival → first response; null with no responses. */
  medianSeconds: number | null;
  p90Seconds: number | null;
  withinTarget: number;
  /** Responded late, or not yet responded and past the due time. */
  missed: number;
  /** Not yet responded and not yet due: neither met nor missed. */
  pending: number;
  /** withinTarget / (withinTarget + missed); null when nothing is decided yet. */
  attainment: number | null;
}

export interface FirstResponseWeek {
  /** Monday of the week in the window's zone, `YYYY-MM-DD` (the first week may start before the window). */
  weekStart: string;
  priority: Priority;
  responded: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
  withinTarget: number;
  missed: number;
  attainment: number | null;
}

/** Takedown requests submitted in the window, grouped by platform as typed (case and spaces ignored). */
export interface TakedownPlatformStats {
  platform: string;
  requests: number;
  removed: number;
  /** Rejected and not removed since (an appeal that succeeded counts as removed). */
  rejected: number;
  /** Neither removed nor rejected yet. */
  open: number;
  /** removed / requests; null with no requests. */
  removalRate: number | null;
  /** Median submitted → removed over the removed requests; null when none was removed. */
  medianSecondsToRemoval: number | null;
}

/** Reports filed with agencies in the window. */
export interface ReportAgencyStats {
  agencyKind: ReportAgencyKind;
  filed: number;
  /** The agency acknowledged it or answered (actioned, no action). */
  acknowledged: number;
  actioned: number;
  noAction: number;
  /** acknowledged / filed; null with nothing filed. */
  acknowledgementRate: number | null;
  /** Median filed → first acknowledgement or answer. */
  medianSecondsToAcknowledgement: number | null;
}

export interface TrendsResponse {
  generatedAt: string;
  window: {
    days: number;
    timeZone: string;
    /** First and last calendar day, `YYYY-MM-DD` (the last is today). */
    firstDay: string;
    lastDay: string;
    /** The instant the first day began, ISO 8601. */
    from: string;
  };
  intakes: { total: number; byPriority: PriorityCounts; perDay: IntakeDay[] };
  firstResponse: {
    byPriority: FirstResponseStats[];
    weekly: FirstResponseWeek[];
    /** Open cases (any age) not yet responded to and past their due time: the Overdue queue, per priority. */
    waitingPastTargetNow: PriorityCounts;
  };
  takedowns: { byPlatform: TakedownPlatformStats[]; total: Omit<TakedownPlatformStats, 'platform'> };
  reports: { byAgencyKind: ReportAgencyStats[] };
}
