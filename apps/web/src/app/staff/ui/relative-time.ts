import type { Speaks } from './speaks';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * A duration the way people say it at a glance, in the reader's language: exact minutes while
 * minutes matter, hours once the gap is hours, days after two days ("12 min", "1 h 30 min",
 * "47 h", "3 days"). Rounds down, so a countdown never promises time it lacks. The same steps as
 * the queues' `formatDuration`, which can move onto this once the queues speak Malay.
 */
export function durationIn(say: Speaks, ms: number): string {
  const span = Math.abs(ms);
  if (span < MINUTE) return say.t('staff.time.lessThanAMinute');
  if (span < HOUR) return say.t('staff.time.minutes', { minutes: Math.floor(span / MINUTE) });
  if (span < 2 * HOUR) {
    const minutes = Math.floor((span - HOUR) / MINUTE);
    return minutes ? say.t('staff.time.hoursMinutes', { hours: 1, minutes }) : say.t('staff.time.hours', { hours: 1 });
  }
  if (span < 2 * DAY) return say.t('staff.time.hours', { hours: Math.floor(span / HOUR) });
  return say.t('staff.time.days', { days: Math.floor(span / DAY) });
}

/**
 * A moment relative to now, the way people say it: "in 47 h", "2 h ago", "in 12 min",
 * "in 3 days" ("47 jam lagi", "2 jam lalu"). Rounds down like the queue countdowns; within a
 * minute either way it is "now".
 */
export function relativeTime(say: Speaks, at: string | number | Date | null | undefined, now: number): string {
  if (at === null || at === undefined || at === '') return '';
  const time = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
  if (Number.isNaN(time)) return '';
  const diff = time - now;
  if (Math.abs(diff) < MINUTE) return say.t('staff.time.now');
  const duration = durationIn(say, diff);
  return diff > 0 ? say.t('staff.time.in', { duration }) : say.t('staff.time.ago', { duration });
}
