import type { Language, Translatable, TranslatableParams } from '@sg/domain';
import { IntlMessageFormat } from 'intl-messageformat';
import { FlatCatalogue } from './catalogue';

/**
 * The locale dates and numbers are written in. The product's English has always been British
 * ("7 December 2026, 17:00", a 24-hour clock), which also reads better worldwide than US order.
 */
export function formattingLocale(language: Language): string {
  return language === 'en' ? 'en-GB' : language;
}

/**
 * Says a key in one language. A key the language lacks falls back to English and then to the
 * key itself, so a gap shows up as odd words rather than a blank or a crash; the catalogue tests
 * keep gaps from shipping. Formatters are compiled once per key and kept.
 */
export class Translator {
  private readonly compiled = new Map<string, IntlMessageFormat>();

  constructor(
    readonly language: Language,
    private readonly catalogue: FlatCatalogue,
    private readonly fallback: FlatCatalogue = catalogue,
    /** The IANA zone dates and times are shown in (the person's own, or the reader's browser's). */
    readonly timeZone?: string,
  ) {}

  has(key: string): boolean {
    return this.catalogue.has(key);
  }

  t(key: string, params?: TranslatableParams): string {
    const formatter = this.formatter(key);
    if (!formatter) return key;
    const formatted = formatter.format(params as Record<string, string | number> | undefined);
    return typeof formatted === 'string' ? formatted : String(formatted);
  }

  text(translatable: Translatable): string {
    return this.t(translatable.key, translatable.params);
  }

  /** A date and time as this language writes it, in the reader's time zone. */
  dateTime(value: Date | string | number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
    return new Intl.DateTimeFormat(formattingLocale(this.language), { timeZone: this.timeZone, ...options }).format(new Date(value));
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return new Intl.NumberFormat(formattingLocale(this.language), options).format(value);
  }

  private formatter(key: string): IntlMessageFormat | undefined {
    const cached = this.compiled.get(key);
    if (cached) return cached;
    const own = this.catalogue.get(key);
    const source = own ?? this.fallback.get(key);
    if (source === undefined) return undefined;
    // Tags are not markup here: a catalogue string is text, and the UI escapes it.
    const formatter = new IntlMessageFormat(source, own === undefined ? 'en' : this.language, undefined, { ignoreTag: true });
    this.compiled.set(key, formatter);
    return formatter;
  }
}
