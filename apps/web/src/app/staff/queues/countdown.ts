import { Translatable, translatable } from '@sg/domain';

/** Where a case stands against its first-response target. */
export interface FirstResponseCountdown {
  state: 'due' | 'overdue' | 'responded';
  /** "due in 42 min", "overdue by 3 h", "responded" (English, for screens not yet translated) */
  text: string;
  /** The same in the reader's language: a `staff.queues.countdown.*` key with the duration's parts. */
  says: Translatable;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration the way people say it at a glance: exact minutes while minutes matter, hours once
 * the gap is hours, days after two days. Rounds down, so a countdown never promises time it lacks.
 */
export function formatDuration(ms: number): string {
  const span = Math.abs(ms);
  if (span < MINUTE) return 'less than a minute';
  if (span < HOUR) return `${Math.floor(span / MINUTE)} min`;
  if (span < 2 * HOUR) {
    const minutes = Math.floor((span - HOUR) / MINUTE);
    return minutes ? `1 h ${minutes} min` : '1 h';
  }
  if (span < 2 * DAY) return `${Math.floor(span / HOUR)} h`;
  return `${Math.floor(span / DAY)} days`;
}

/**
 * formatDuration's choice as parameters for the catalogues' duration wording
 * (`{unit, select, ...}` with `n` and, for "1 h 25 min", `m`): the same rounding in every language.
 */
export function durationParams(ms: number): { unit: 'second' | 'minute' | 'hourMinute' | 'hour' | 'day'; n: number; m: number } {
  const span = Math.abs(ms);
  if (span < MINUTE) return { unit: 'second', n: 0, m: 0 };
  if (span < HOUR) return { unit: 'minute', n: Math.floor(span / MINUTE), m: 0 };
  if (span < 2 * HOUR) {
    const minutes = Math.floor((span - HOUR) / MINUTE);
    return minutes ? { unit: 'hourMinute', n: 1, m: minutes } : { unit: 'hour', n: 1, m: 0 };
  }
  if (span < 2 * DAY) return { unit: 'hour', n: Math.floor(span / HOUR), m: 0 };
  return { unit: 'day', n: Math.floor(span / DAY), m: 0 };
}

const COUNTDOWN = 'staff.queues.countdown';

/** The countdown to `firstResponseDueAt`; it stops once someone has responded. */
export function firstResponseCountdown(dueAt: string, respondedAt: string | null, now: number): FirstResponseCountdown {
  if (respondedAt) return { state: 'responded', text: 'responded', says: translatable(`${COUNTDOWN}.responded`) };
  const due = Date.parse(dueAt);
  if (Number.isNaN(due)) return { state: 'due', text: 'no target', says: translatable(`${COUNTDOWN}.no_target`) };
  const left = due - now;
  return left > 0
    ? { state: 'due', text: `due in ${formatDuration(left)}`, says: translatable(`${COUNTDOWN}.due`, durationParams(left)) }
    : { state: 'overdue', text: `overdue by ${formatDuration(left)}`, says: translatable(`${COUNTDOWN}.overdue`, durationParams(left)) };
}

/** Where a case stands against the threatener's deadline. */
export interface DeadlineCountdown {
  /** `near`: within 24 hours, when triage makes the case urgent. */
  state: 'ahead' | 'near' | 'passed';
  /** "deadline in 5 h", "deadline passed" */
  text: string;
  says: Translatable;
}

/**
 * The countdown to the threatener's deadline, or null without one. Once it has passed the row
 * just says so: how long ago matters less than that it happened (the timeline has the time).
 */
export function deadlineCountdown(deadlineAt: string | null, now: number): DeadlineCountdown | null {
  if (!deadlineAt) return null;
  const deadline = Date.parse(deadlineAt);
  if (Number.isNaN(deadline)) return null;
  const left = deadline - now;
  if (left <= 0) return { state: 'passed', text: 'deadline passed', says: translatable(`${COUNTDOWN}.deadline_passed`) };
  return {
    state: left <= DAY ? 'near' : 'ahead',
    text: `deadline in ${formatDuration(left)}`,
    says: translatable(`${COUNTDOWN}.deadline`, durationParams(left)),
  };
}
