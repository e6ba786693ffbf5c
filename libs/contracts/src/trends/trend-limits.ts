/** The windows the Trends page offers; the API takes any whole number of days up to a year. */
export const TREND_WINDOW_DAYS = [7, 30, 90] as const;
export const TREND_MAX_DAYS = 366;

/** True for an IANA zone name this JavaScript runtime knows (`Europe/London`, `Asia/Kuala_Lumpur`, `UTC`). */
export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
