import { Pipe, PipeTransform, inject } from '@angular/core';
import type { Language } from '@sg/domain';
import { I18n } from '../../system/i18n/i18n';

export type WhenFormat = 'short' | 'long' | 'seconds' | 'time';

const OPTIONS: Record<WhenFormat, Intl.DateTimeFormatOptions> = {
  short: { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  long: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  seconds: { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
  time: { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
};

/**
 * The locale each language writes dates in: English the British way ("3 Nov, 14:05", day first,
 * 24-hour clock, as the dashboard always has), Malay the Malaysian way ("3 Ogo, 14:05").
 */
const LOCALES: Readonly<Record<Language, string>> = { en: 'en-GB', ms: 'ms-MY', es: 'es' };
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * "3 Nov, 14:05" in the browser's time zone and the reader's language (Intl, so no locale data
 * ships with the app).
 */
export function formatWhen(value: string | number | Date | null | undefined, format: WhenFormat = 'short', language: Language = 'en'): string {
  if (value === null || value === undefined || value === '') return '';
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const id = `${language}:${format}`;
  let formatter = formatters.get(id);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(LOCALES[language], OPTIONS[format]);
    formatters.set(id, formatter);
  }
  return formatter.format(date);
}

/** The same for code holding the `I18n` service or a `Translator` (anything that knows its language). */
export function whenIn(
  reader: { language: Language | (() => Language) },
  value: string | number | Date | null | undefined,
  format: WhenFormat = 'short',
): string {
  return formatWhen(value, format, typeof reader.language === 'function' ? reader.language() : reader.language);
}

/** `{{ at | when }}`, `{{ at | when: 'long' }}`; not pure: the language can change under the same time. */
@Pipe({ name: 'when', pure: false })
export class WhenPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(value: string | number | Date | null | undefined, format: WhenFormat = 'short'): string {
    return formatWhen(value, format, this.i18n.language());
  }
}
