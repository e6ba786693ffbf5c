import { Pipe, PipeTransform, inject } from '@angular/core';
import { I18n } from './i18n';

/** A date and time as the reader's language writes it, in the browser's time zone. */
@Pipe({ name: 'dateTime', pure: false })
export class DateTimePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(value: string | number | Date | null | undefined, style: 'dateTime' | 'date' | 'time' = 'dateTime'): string {
    if (value === null || value === undefined) return '';
    const options: Intl.DateTimeFormatOptions =
      style === 'date' ? { dateStyle: 'medium' } : style === 'time' ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' };
    return this.i18n.translator().dateTime(value, options);
  }
}
