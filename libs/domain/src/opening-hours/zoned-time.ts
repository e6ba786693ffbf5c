/**
 * Wall-clock time in an IANA time zone, with nothing but `Intl` (Node and every current browser
 * carry the tz database through ICU). A library was not needed for the two conversions below, and
 * the domain lib stays dependency-free.
 */

/** A calendar date, no time zone: what a holiday or a local day is. */
export interface PlainDate {
  year: number;
  month: number;
  day: number;
}

export interface ZonedParts extends PlainDate {
  /** Minutes since local midnight, 0–1439. */
  minuteOfDay: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether `timeZone` is a zone name `Intl` knows (e.g. `Europe/London`, `UTC`); offsets such as `+01:00` are refused. */
export function isKnownTimeZone(timeZone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(timeZone)) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local date and time of the whole second at or before `utcMs`, and that instant's UTC offset. */
function localAt(utcMs: number, timeZone: string): { parts: ZonedParts; offsetMs: number } {
  const second = Math.floor(utcMs / 1000) * 1000;
  const values: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(second)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second: sec = 0 } = values;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, sec);
  return { parts: { year, month, day, minuteOfDay: hour * 60 + minute }, offsetMs: asUtc - second };
}

/** The date and minute of the day the clocks in `timeZone` show at `at`. */
export function zonedParts(at: Date | number, timeZone: string): ZonedParts {
  return localAt(typeof at === 'number' ? at : at.getTime(), timeZone).parts;
}

/**
 * The instant the clocks in `timeZone` show `minuteOfDay` (0–1440; 1440 is the next midnight) on
 * `date`. Like Temporal's `compatible` disambiguation: a time the clocks skip (01:30 on the night
 * they go forward) is read as that many minutes after the jump (02:30 new time); a time they show
 * twice (01:30 on the night they go back) is the first of the two.
 */
export function zonedToUtc(date: PlainDate, minuteOfDay: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  // Real zones change offset at most once within a day either side of a wall time.
  const before = localAt(wall - DAY_MS, timeZone).offsetMs;
  const after = localAt(wall + DAY_MS, timeZone).offsetMs;
  if (before === after) return wall - before;
  const shows = (utc: number) => utc + localAt(utc, timeZone).offsetMs === wall;
  const early = wall - Math.max(before, after);
  const late = wall - Math.min(before, after);
  const candidates = [early, late].filter(shows);
  if (candidates.length) return Math.min(...candidates);
  return wall - before;
}

/** The calendar date `days` after `date`. */
export function addDays(date: PlainDate, days: number): PlainDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: PlainDate): number {
  const day = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** `YYYY-MM-DD`. */
export function formatPlainDate(date: PlainDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** A `YYYY-MM-DD` that names a real calendar date, or null. */
export function parsePlainDate(text: string): PlainDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return formatPlainDate(addDays(date, 0)) === text ? date : null;
}
