/** How the Trends page writes durations, shares and days. Pure, so the page and its tests agree. */

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** 42 s, 12 min, 1 h 25 min, 14 h, 2.5 days: precise where it matters, short where it does not. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '–';
  const s = Math.max(0, seconds);
  if (s < MINUTE) return `${s < 10 ? Math.round(s * 10) / 10 : Math.round(s)} s`;
  if (s < HOUR) return `${Math.round(s / MINUTE)} min`;
  if (s < 10 * HOUR) {
    const hours = Math.floor(s / HOUR);
    const minutes = Math.round((s - hours * HOUR) / MINUTE);
    if (minutes === 60) return `${hours + 1} h`;
    return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
  }
  if (s < 2 * DAY) return `${Math.round(s / HOUR)} h`;
  const days = Math.round((s / DAY) * 10) / 10;
  return `${days} days`;
}

/** 0.873 → "87%"; null (nothing to divide) → "–". Never rounds a shortfall up to 100%. */
export function formatShare(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return '–';
  const percent = share * 100;
  return `${percent > 99 && percent < 100 ? 99 : Math.round(percent)}%`;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar day from the API (`YYYY-MM-DD`, already in the supervisor's zone) as words. Read as
 * UTC midnight and formatted in UTC, so the browser's own offset can never move it a day.
 */
export function formatDay(day: string, style: 'short' | 'long' | 'axis' = 'short'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'long' ? { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' } : style === 'axis' ? { day: 'numeric', month: 'short' } : { weekday: 'short', day: 'numeric', month: 'short' };
  let format = dayFormats.get(style);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' });
    dayFormats.set(style, format);
  }
  return format.format(new Date(`${day}T00:00:00Z`));
}

/** "12 cases", "1 case". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
