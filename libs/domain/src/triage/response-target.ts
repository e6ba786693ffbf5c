import { addOpeningMinutes, isOpen, nextOpening, OpeningHours, openingMinutesBetween } from '../opening-hours';
import { FIRST_RESPONSE_TARGET_MINUTES, Priority } from './priority';

/**
 * How a first-response target is counted. `emergency` and `urgent` run on the clock, always;
 * `high` and `standard` count the organisation's opening hours once it has set them (as Zammad's
 * SLA calendars do), so a standard case arriving on Friday evening is due on Tuesday, not on
 * Sunday when nobody is there. Until an organisation sets its hours, every target runs on the clock.
 */
export interface ResponseTargetPolicy {
  /** Multiplies every duration (FOLLOW_UP_TIME_SCALE); opening-hours arithmetic itself uses real clock times. */
  timeScale: number;
  /** The organisation's saved hours; null: not set, every target on the clock. */
  openingHours: OpeningHours | null;
  /** `high` and `standard` targets in opening hours (HIGH_/STANDARD_TARGET_OPENING_HOURS, default 8 and 16). */
  openingHoursTargets: { high: number; standard: number };
}

export const CLOCK_ONLY_POLICY: ResponseTargetPolicy = { timeScale: 1, openingHours: null, openingHoursTargets: { high: 8, standard: 16 } };

/** Whether this priority's target counts opening hours under the policy. */
export function countsOpeningHours(priority: Priority, policy: ResponseTargetPolicy): boolean {
  return (priority === 'high' || priority === 'standard') && policy.openingHours !== null;
}

/** When the first response to a case of `priority` that arrived (or was re-triaged) at `from` is due. */
export function firstResponseDue(priority: Priority, from: Date, policy: ResponseTargetPolicy): Date {
  if (countsOpeningHours(priority, policy) && policy.openingHours) {
    const target = priority === 'high' ? policy.openingHoursTargets.high : policy.openingHoursTargets.standard;
    const due = addOpeningMinutes(policy.openingHours, from, target * 60 * policy.timeScale);
    // Never open (no slot in the week): the clock, rather than never.
    if (due) return due;
  }
  return new Date(from.getTime() + FIRST_RESPONSE_TARGET_MINUTES[priority] * 60_000 * policy.timeScale);
}

/** What the person is told about when to expect a reply (the public pages word it in their language and time zone). */
export interface ReplyExpectation {
  /** Whether the organisation is open now (always true while it has not set its hours). */
  openNow: boolean;
  /** When it next opens, while closed; null when open or never open. */
  nextOpeningAt: string | null;
  /** The first-response target while nobody has reached them yet; null after first contact. */
  replyBy: string | null;
}

export function replyExpectation(policy: ResponseTargetPolicy, now: Date, firstResponseDueAt: Date, firstRespondedAt: Date | null): ReplyExpectation {
  const hours = policy.openingHours;
  const openNow = hours === null || isOpen(hours, now);
  const next = !openNow && hours ? nextOpening(hours, now) : null;
  return { openNow, nextOpeningAt: next ? next.toISOString() : null, replyBy: firstRespondedAt ? null : new Date(firstResponseDueAt).toISOString() };
}

/**
 * A target paused while the case waited on the person, moved on when it stops waiting: by the
 * paused time on the clock, or (for a target counted in opening hours) so that the opening time
 * left when it paused is left again from now. A target already past when it paused stays past.
 */
export function resumeTarget(priority: Priority, dueAt: Date, pausedAt: Date, resumedAt: Date, policy: ResponseTargetPolicy): Date {
  if (dueAt <= pausedAt || resumedAt <= pausedAt) return dueAt;
  if (countsOpeningHours(priority, policy) && policy.openingHours) {
    const left = openingMinutesBetween(policy.openingHours, pausedAt, dueAt);
    const resumed = addOpeningMinutes(policy.openingHours, resumedAt, left);
    if (resumed) return resumed;
  }
  return new Date(dueAt.getTime() + (resumedAt.getTime() - pausedAt.getTime()));
}
