import type { FieldError } from '@sg/contracts';
import { OpeningHours, openingStatus, zonedParts, itemAt, ISO_WEEKDAYS } from '@sg/domain';
import type { Translator } from '@sg/i18n';

/**
 * The opening-hours page's form, as plain values: one entry per weekday (Monday first) holding
 * that day's slots, so the page can show a row per day. The API takes a flat list of slots; these
 * functions turn one into the other and put the API's problems (`weekly[3].closes`) back on the
 * field they name.
 */
export interface OpeningHoursFormValue {
  timeZone: string;
  /** Index 0 = Monday … 6 = Sunday; no slots = closed all day. */
  days: Array<{ slots: Array<{ opens: string; closes: string }> }>;
  holidays: Array<{ date: string; name: string }>;
}

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
/** The same days as catalogue keys, for what the page shows. */
export const WEEKDAY_KEYS = WEEKDAY_NAMES.map((name) => `staff.admin.hours.days.${name.toLowerCase()}`);

/**
 * A time input cannot show 24:00, so closing at "00:00" means midnight at the end of the day (the
 * only reading that makes sense for a closing time).
 */
const MIDNIGHT_INPUT = '00:00';
const MIDNIGHT_API = '24:00';

export function toFormValue(hours: OpeningHours): OpeningHoursFormValue {
  return {
    timeZone: hours.timeZone,
    days: WEEKDAY_NAMES.map((_, index) => ({
      slots: hours.weekly
        .filter((slot) => slot.day === index + 1)
        .sort((a, b) => a.opens.localeCompare(b.opens))
        .map((slot) => ({ opens: slot.opens, closes: slot.closes === MIDNIGHT_API ? MIDNIGHT_INPUT : slot.closes })),
    })),
    holidays: [...hours.holidays].sort((a, b) => a.date.localeCompare(b.date)).map((holiday) => ({ date: holiday.date, name: holiday.name })),
  };
}

/** What to send, and for each slot sent (`weekly[i]`) the day and slot of the form it came from. */
export function toOpeningHours(value: OpeningHoursFormValue): { hours: OpeningHours; slotOrigins: Array<{ day: number; slot: number }> } {
  const slotOrigins: Array<{ day: number; slot: number }> = [];
  const weekly = value.days.flatMap((day, dayIndex) =>
    day.slots.map((slot, slotIndex) => {
      slotOrigins.push({ day: dayIndex, slot: slotIndex });
      return { day: itemAt(ISO_WEEKDAYS, dayIndex, 'weekday'), opens: slot.opens, closes: slot.closes === MIDNIGHT_INPUT ? MIDNIGHT_API : slot.closes };
    }),
  );
  return {
    hours: { timeZone: value.timeZone, weekly, holidays: value.holidays.map((holiday) => ({ date: holiday.date, name: holiday.name.trim() })) },
    slotOrigins,
  };
}

/** `weekly[3].closes` → `days[1].slots[0].closes`; every other path as it is. */
export function toFormPath(path: string, slotOrigins: ReadonlyArray<{ day: number; slot: number }>): string {
  const match = /^weekly\[(\d+)\]\.(opens|closes)$/.exec(path);
  const origin = match ? slotOrigins[Number(match[1])] : undefined;
  return match && origin ? `days[${origin.day}].slots[${origin.slot}].${match[2]}` : path;
}

export function toFormErrors(errors: readonly FieldError[], slotOrigins: ReadonlyArray<{ day: number; slot: number }>): FieldError[] {
  return errors.map((error) => ({ path: toFormPath(error.path, slotOrigins), message: error.message }));
}

/**
 * The page's plain sentence about now, in the organisation's own time: "Now: open (closes 17:00)",
 * "Now: closed, opens Monday 09:00" (or "today"/"tomorrow"), in the translator's language.
 */
export function describeNow(hours: OpeningHours, now: Date, translator: Translator): string {
  const status = openingStatus(hours, now);
  const say = (key: string, at?: Date) => translator.t(`staff.admin.hours.${key}`, at ? { time: when(translator, hours.timeZone, at, now) } : undefined);
  if (status.open) return status.closesAt ? say('nowOpenCloses', status.closesAt) : say('nowOpenAlways');
  return status.opensAt ? say('nowClosedOpens', status.opensAt) : say('nowClosedNever');
}

function when(translator: Translator, timeZone: string, at: Date, now: Date): string {
  // English keeps its British day and month order; other languages write dates their own way.
  const locale = translator.language === 'en' ? 'en-GB' : translator.language;
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  const days = dayNumber(zonedParts(at, timeZone)) - dayNumber(zonedParts(now, timeZone));
  if (days === 0) return time;
  if (days === 1) return translator.t('staff.admin.hours.tomorrow', { time });
  const weekday = new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long' }).format(at);
  if (days < 7) return `${weekday} ${time}`;
  const date = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long' }).format(at);
  return `${weekday} ${date}, ${time}`;
}

const dayNumber = (date: { year: number; month: number; day: number }) => Date.UTC(date.year, date.month - 1, date.day) / 86_400_000;

/** Every zone the browser knows, UTC first, plus the current one if the list lacks it (an old alias). */
export function timeZoneOptions(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const zones = ['UTC', ...known.filter((zone) => zone !== 'UTC')];
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}
