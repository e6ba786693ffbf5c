import { Pipe, PipeTransform } from '@angular/core';

export type WhenFormat = 'short' | 'long' | 'seconds' | 'time';

const OPTIONS: Record<WhenFormat, Intl.DateTimeFormatOptions> = {
  short: { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  long: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  seconds: { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
  time: { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
};
const formatters = new Map<WhenFormat, Intl.DateTimeFormat>();

/** "3 Nov, 14:05" in the browser's time zone (Intl, so no locale data ships with the app). */
export function formatWhen(value: string | number | Date | null | undefined, format: WhenFormat = 'short'): string {
  if (value === null || value === undefined || value === '') return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  let formatter = formatters.get(format);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', OPTIONS[format]);
    formatters.set(format, formatter);
  }
  return formatter.format(date);
}

@Pipe({ name: 'when' })
export class WhenPipe implements PipeTransform {
  transform(value: string | number | Date | null | undefined, format: WhenFormat = 'short'): string {
    return formatWhen(value, format);
  }
}
