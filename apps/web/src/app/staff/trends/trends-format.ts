import type { Translator } from '@sg/i18n';

/**
 * How the Trends page writes durations, shares, counts and days, in the reader's language. Pure
 * (the translator is passed in), so the page and its tests agree. English stays exactly as it
 * always read (browser tests assert it); other languages take their words from the catalogue and
 * their numbers and dates from Intl.
 */

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A count: "1234" in English as before; other languages as Intl writes the number. */
export function formatCount(value: number, translator: Translator): string {
  return translator.language === 'en' ? String(value) : translator.number(value);
}

/** 42 s, 12 min, 1 h 25 min, 14 h, 2.5 days: precise where it matters, short where it does not. */
export function formatSeconds(seconds: number | null, translator: Translator): string {
  if (seconds === null || !Number.isFinite(seconds)) return '–';
  const unit = (key: string, params: Record<string, number>) =>
    translator.t(
      `staff.trends.units.${key}`,
      Object.fromEntries(Object.entries(params).map(([name, value]) => [name, translator.number(value, { maximumFractionDigits: 1 })])),
    );
  const s = Math.max(0, seconds);
  if (s < MINUTE) return unit('seconds', { n: s < 10 ? Math.round(s * 10) / 10 : Math.round(s) });
  if (s < HOUR) return unit('minutes', { n: Math.round(s / MINUTE) });
  if (s < 10 * HOUR) {
    const hours = Math.floor(s / HOUR);
    const minutes = Math.round((s - hours * HOUR) / MINUTE);
    if (minutes === 60) return unit('hours', { n: hours + 1 });
    return minutes ? unit('hoursMinutes', { h: hours, m: minutes }) : unit('hours', { n: hours });
  }
  if (s < 2 * DAY) return unit('hours', { n: Math.round(s / HOUR) });
  return unit('days', { n: Math.round((s / DAY) * 10) / 10 });
}

/** 0.873 → "87%"; null (nothing to divide) → "–". Never rounds a shortfall up to 100%. */
export function formatShare(share: number | null, translator: Translator): string {
  if (share === null || !Number.isFinite(share)) return '–';
  const percent = share * 100;
  const whole = percent > 99 && percent < 100 ? 99 : Math.round(percent);
  return translator.number(whole / 100, { style: 'percent', maximumFractionDigits: 0 });
}

export type DayStyle = 'short' | 'long' | 'axis';

const DAY_OPTIONS: Record<DayStyle, Intl.DateTimeFormatOptions> = {
  long: { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' },
  axis: { day: 'numeric', month: 'short' },
  short: { weekday: 'short', day: 'numeric', month: 'short' },
};
const englishDayFormats = new Map<DayStyle, Intl.DateTimeFormat>();

/**
 * A calendar day from the API (`YYYY-MM-DD`, already in the supervisor's zone) as words. Read as
 * UTC midnight and formatted in UTC, so the browser's own offset can never move it a day.
 */
export function formatDay(day: string, translator: Translator, style: DayStyle = 'short'): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (translator.language !== 'en') return translator.dateTime(date, { ...DAY_OPTIONS[style], timeZone: 'UTC' });
  // English keeps the British order it always had ("Sun 29 Mar").
  let format = englishDayFormats.get(style);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { ...DAY_OPTIONS[style], timeZone: 'UTC' });
    englishDayFormats.set(style, format);
  }
  return format.format(date);
}
