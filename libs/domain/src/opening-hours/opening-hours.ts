import { addDays, formatPlainDate, isoWeekday, isKnownTimeZone, parsePlainDate, PlainDate, zonedParts, zonedToUtc } from './zoned-time';

/**
 * When the organisation is open: the clock that `high` and `standard` first-response targets run on
 * (as Zammad's SLA calendars do), while `emergency` and `urgent` run on the wall clock.
 *
 * Rules of the arithmetic, for anyone who argues with a due time:
 * - Every time is the organisation's wall-clock time in `timeZone`; every result is an instant.
 * - A slot is `[opens, closes)` on one local day; `closes` may be `24:00` (the next midnight). A
 *   night shift is two slots (`22:00–24:00` and `00:00–06:00` the next day), which join up.
 * - An opening minute is a real minute while open. On the night the clocks go forward, a slot
 *   `00:00–04:00` is open for three hours; on the night they go back, five. A slot time the clocks
 *   skip counts from after the jump; a time they show twice is the first.
 * - A holiday closes the whole local date, whatever the weekly slots say.
 * - Open 24/7 is seven `00:00–24:00` slots (`OPEN_ALL_WEEK`).
 */
export interface OpeningHours {
  /** An IANA zone, e.g. `Europe/London` (also `UTC`). */
  timeZone: string;
  /** Opening slots by ISO weekday; several a day allowed, never overlapping. */
  weekly: OpeningSlot[];
  /** Whole local dates the organisation is closed. */
  holidays: Holiday[];
}

/** ISO weekday: 1 = Monday, 2 = Tuesday … 6 = Saturday, 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const ISO_WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];

export interface OpeningSlot {
  day: IsoWeekday;
  /** `HH:MM`, 00:00–23:59. */
  opens: string;
  /** `HH:MM`, later than `opens`, up to `24:00`. */
  closes: string;
}

export interface Holiday {
  /** `YYYY-MM-DD` in the organisation's zone. */
  date: string;
  name: string;
}

/** What an organisation has until an admin sets its hours: Monday–Friday 09:00–17:00, London time, no holidays. */
export const DEFAULT_OPENING_HOURS: OpeningHours = {
  timeZone: 'Europe/London',
  weekly: ([1, 2, 3, 4, 5] as const).map((day) => ({ day, opens: '09:00', closes: '17:00' })),
  holidays: [],
};

/** Open around the clock, every day (holidays still close it if any are listed). */
export const OPEN_ALL_WEEK: Omit<OpeningHours, 'timeZone'> = {
  weekly: ISO_WEEKDAYS.map((day) => ({ day, opens: '00:00', closes: '24:00' })),
  holidays: [],
};

/** Whether the organisation is open at `at`. */
export function isOpen(hours: OpeningHours, at: Date): boolean {
  const first = openPeriods(hours, at.getTime()).next();
  return !first.done && first.value.start <= at.getTime();
}

/** `at` itself when open then, else when it next opens; null if it never opens (no weekly slots). */
export function nextOpening(hours: OpeningHours, at: Date): Date | null {
  const first = openPeriods(hours, at.getTime()).next();
  return first.done ? null : new Date(Math.max(first.value.start, at.getTime()));
}

/**
 * Open or closed at `at`, and when that changes: what a sentence such as "Now: open (closes 17:00)"
 * or "closed, opens Monday 09:00" needs. `closesAt` is the end of the whole open stretch (slots
 * that touch, also over midnight, count as one); null if it stays open for more than a year
 * (24/7). `opensAt` is null if it never opens.
 */
export type OpeningStatus = { open: true; closesAt: Date | null } | { open: false; opensAt: Date | null };

const STATUS_HORIZON_MS = 366 * 86_400_000;

export function openingStatus(hours: OpeningHours, at: Date): OpeningStatus {
  const now = at.getTime();
  const periods = openPeriods(hours, now);
  const first = periods.next();
  if (first.done) return { open: false, opensAt: null };
  if (first.value.start > now) return { open: false, opensAt: new Date(first.value.start) };
  let end = first.value.end;
  for (const period of periods) {
    if (period.start > end) break;
    end = Math.max(end, period.end);
    if (end - now > STATUS_HORIZON_MS) return { open: true, closesAt: null };
  }
  return { open: true, closesAt: new Date(end) };
}

/**
 * When a target of `minutes` opening minutes, started at `from`, falls due: the earliest instant by
 * which that much opening time has passed since `from`. Started while closed, the count begins at
 * the next opening; a target that ends exactly at closing time is due at closing time, not at the
 * next opening. `minutes` of 0 is due at `from`. Null if the organisation never opens (no weekly
 * slots): the caller should fall back to the wall clock.
 *
 * Example: Monday–Friday 09:00–17:00; a `standard` case (16 opening hours) arriving Friday 17:30
 * is due Tuesday 17:00 (Monday's 8 hours, then Tuesday's 8); one arriving Wednesday 10:00 is due
 * Friday 10:00.
 */
export function addOpeningMinutes(hours: OpeningHours, from: Date, minutes: number): Date | null {
  if (!(minutes >= 0) || !Number.isFinite(minutes)) throw new RangeError(`minutes must be a finite number ≥ 0, not ${minutes}`);
  let remaining = minutes * 60_000;
  if (remaining === 0) return new Date(from.getTime());
  for (const period of openPeriods(hours, from.getTime())) {
    const start = Math.max(period.start, from.getTime());
    if (period.end - start >= remaining) return new Date(start + remaining);
    remaining -= period.end - start;
  }
  return null;
}

/**
 * Opening minutes between two instants (fractional, to the millisecond): how much of a target has
 * been used, or how long a pause (a case `waiting` on the person) lasted in opening time. 0 when
 * `to` is not after `from`.
 */
export function openingMinutesBetween(hours: OpeningHours, from: Date, to: Date): number {
  const end = to.getTime();
  let total = 0;
  for (const period of openPeriods(hours, from.getTime())) {
    if (period.start >= end) break;
    total += Math.min(period.end, end) - Math.max(period.start, from.getTime());
  }
  return total / 60_000;
}

interface Period {
  start: number;
  end: number;
}

function minutesOf(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/**
 * Every open slot that ends after `fromMs`, in order, as UTC instants, one local day at a time from
 * the local date of `fromMs`. Endless while the week has a slot: callers stop when they have what
 * they need. Holidays are finite, so a stretch of 7 × (holidays + 1) days always holds an open
 * slot; if one does not, the week has none and the walk ends.
 */
function* openPeriods(hours: OpeningHours, fromMs: number): Generator<Period> {
  const slotsByDay = new Map<number, Array<{ opens: number; closes: number }>>();
  for (const slot of hours.weekly) {
    const list = slotsByDay.get(slot.day) ?? [];
    list.push({ opens: minutesOf(slot.opens), closes: minutesOf(slot.closes) });
    slotsByDay.set(slot.day, list);
  }
  for (const list of slotsByDay.values()) list.sort((a, b) => a.opens - b.opens);
  const holidays = new Set(hours.holidays.map((holiday) => holiday.date));
  const patience = 7 * (holidays.size + 1) + 1;

  let date: PlainDate = zonedParts(fromMs, hours.timeZone);
  let daysWithoutSlot = 0;
  while (daysWithoutSlot <= patience) {
    const slots = holidays.has(formatPlainDate(date)) ? undefined : slotsByDay.get(isoWeekday(date));
    if (slots?.length) {
      daysWithoutSlot = 0;
      for (const slot of slots) {
        const start = zonedToUtc(date, slot.opens, hours.timeZone);
        const end = zonedToUtc(date, slot.closes, hours.timeZone);
        // A slot inside the skipped hour (01:00–01:30 on the night the clocks go forward) is empty.
        if (end > start && end > fromMs) yield { start, end };
      }
    } else {
      daysWithoutSlot += 1;
    }
    date = addDays(date, 1);
  }
}

/** One thing wrong with opening hours, named by its field, e.g. `weekly[2].closes`. */
export interface OpeningHoursProblem {
  /** The path in an `OpeningHours` object, e.g. `['weekly', 2, 'closes']`. */
  path: Array<string | number>;
  /** The same path written out: `weekly[2].closes`. */
  field: string;
  message: string;
}

export const OPENING_HOURS_LIMITS = { slots: 70, holidays: 400, holidayName: 100 } as const;

const OPENS = /^([01]\d|2[0-3]):[0-5]\d$/;
const CLOSES = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

/**
 * Every problem with `hours`, each naming its field; empty when they can be saved. Checks: a zone
 * `Intl` knows; weekdays 1–7; `HH:MM` times with `closes` after `opens`; no two slots of a day
 * overlapping (touching is fine); at least one slot a week; holidays on real, distinct dates with a
 * name. Structure (arrays, strings) is the caller's schema's job; this reads what is there.
 */
export function validateOpeningHours(hours: OpeningHours): OpeningHoursProblem[] {
  const problems: OpeningHoursProblem[] = [];
  const problem = (path: Array<string | number>, message: string) =>
    problems.push({
      path,
      field: path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part), ''),
      message,
    });

  if (!isKnownTimeZone(hours.timeZone)) problem(['timeZone'], 'must be a time zone such as Europe/London');

  if (hours.weekly.length === 0) problem(['weekly'], 'must have at least one opening slot a week');
  if (hours.weekly.length > OPENING_HOURS_LIMITS.slots) problem(['weekly'], `must have at most ${OPENING_HOURS_LIMITS.slots} slots`);
  const usable: Array<{ index: number; day: number; opens: number; closes: number }> = [];
  hours.weekly.forEach((slot, index) => {
    let ok = true;
    if (!Number.isInteger(slot.day) || slot.day < 1 || slot.day > 7) {
      problem(['weekly', index, 'day'], 'must be a weekday from 1 (Monday) to 7 (Sunday)');
      ok = false;
    }
    if (!OPENS.test(slot.opens)) {
      problem(['weekly', index, 'opens'], 'must be a time from 00:00 to 23:59');
      ok = false;
    }
    if (!CLOSES.test(slot.closes)) {
      problem(['weekly', index, 'closes'], 'must be a time from 00:01 to 24:00');
      ok = false;
    } else if (ok && minutesOf(slot.closes) <= minutesOf(slot.opens)) {
      problem(['weekly', index, 'closes'], 'must be later than the opening time (for a night shift, close at 24:00 and open again at 00:00)');
      ok = false;
    }
    if (ok) usable.push({ index, day: slot.day, opens: minutesOf(slot.opens), closes: minutesOf(slot.closes) });
  });
  for (const day of ISO_WEEKDAYS) {
    const slots = usable.filter((slot) => slot.day === day).sort((a, b) => a.opens - b.opens || a.index - b.index);
    for (let i = 1; i < slots.length; i += 1) {
      const earlier = slots[i - 1];
      const later = slots[i];
      if (earlier && later && later.opens < earlier.closes) problem(['weekly', later.index, 'opens'], 'overlaps another slot on the same day');
    }
  }

  if (hours.holidays.length > OPENING_HOURS_LIMITS.holidays) problem(['holidays'], `must have at most ${OPENING_HOURS_LIMITS.holidays} holidays`);
  const seen = new Set<string>();
  hours.holidays.forEach((holiday, index) => {
    if (!parsePlainDate(holiday.date)) problem(['holidays', index, 'date'], 'must be a real date written YYYY-MM-DD');
    else if (seen.has(holiday.date)) problem(['holidays', index, 'date'], 'is listed twice');
    seen.add(holiday.date);
    const name = holiday.name.trim();
    if (!name) problem(['holidays', index, 'name'], 'is required');
    else if (name.length > OPENING_HOURS_LIMITS.holidayName)
      problem(['holidays', index, 'name'], `must be at most ${OPENING_HOURS_LIMITS.holidayName} characters`);
  });
  return problems;
}
