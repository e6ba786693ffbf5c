import { DATE_LIMITS } from '../limits';

const EARLIEST = Date.parse(DATE_LIMITS.earliest);
const LATEST = Date.parse(DATE_LIMITS.latest);

/** Whether an instant (milliseconds since the epoch) lies in DATE_LIMITS. */
export function isWithinDateLimits(epochMillis: number): boolean {
  return epochMillis >= EARLIEST && epochMillis < LATEST;
}
