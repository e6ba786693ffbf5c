import { formatDuration } from '../queues/countdown';

/**
 * A moment relative to now, the way people say it: "in 47 h", "2 h ago", "in 12 min",
 * "in 3 days". Rounds down like the queue countdowns; within a minute either way it is "now".
 */
export function relativeTime(at: string | number | Date | null | undefined, now: number): string {
  if (at === null || at === undefined || at === '') return '';
  const time = at instanceof Date ? at.getTime() : typeof at === 'number' ? at : Date.parse(at);
  if (Number.isNaN(time)) return '';
  const diff = time - now;
  if (Math.abs(diff) < 60_000) return 'now';
  return diff > 0 ? `in ${formatDuration(diff)}` : `${formatDuration(diff)} ago`;
}
