import { Pipe, PipeTransform, inject } from '@angular/core';
import type { Translator } from '@sg/i18n';
import { I18n } from '../../system/i18n/i18n';
import { WhenFormat, formatWhen } from '../ui/when';

/** The same fields as ui/when's formats (kept in step by hand: that file does not export them). */
const OPTIONS: Record<WhenFormat, Intl.DateTimeFormatOptions> = {
  short: { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  long: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  seconds: { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
  time: { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' },
};

/**
 * "3 Nov, 14:05" as the reader's language writes it. English stays exactly what ui/when says
 * (browser tests read it); other languages get their own month names and order from Intl.
 */
export function whenIn(translator: Translator, value: string | number | Date | null | undefined, format: WhenFormat = 'short'): string {
  if (translator.language === 'en') return formatWhen(value, format);
  if (value === null || value === undefined || value === '') return '';
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? '' : translator.dateTime(date, OPTIONS[format]);
}

/** `{{ at | when }}` for the case page, in the reader's language (not pure: the language can change). */
@Pipe({ name: 'when', pure: false })
export class WhenSpokenPipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(value: string | number | Date | null | undefined, format: WhenFormat = 'short'): string {
    return whenIn(this.i18n.translator(), value, format);
  }
}
