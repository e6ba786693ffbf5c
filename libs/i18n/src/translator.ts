import type { Language, Translatable, TranslatableParams } from '@sg/domain';
import { FlatCatalogue } from './catalogue';

/**
 * The locale dates and numbers are written in. The product's English has always been British
 * ("7 December 2026, 17:00", a 24-hour clock), which also reads better worldwide than US order.
 */
export function formattingLocale(language: Language): string {
  return language === 'en' ? 'en-GB' : language;
}

export type MessageParams = Record<string, string | number>;

/** A compiled ICU message. */
export interface MessageFormatter {
  format(params?: MessageParams): string;
}

/** Compiles an ICU message (plural, select, …) for a locale: `compileIcu` from `@sg/i18n/icu`. */
export type IcuCompiler = (source: string, locale: string) => MessageFormatter;

export interface TranslatorOptions {
  /** What a key this language lacks is said in (English). Defaults to the catalogue itself. */
  readonly fallback?: FlatCatalogue;
  /** The IANA zone dates and times are shown in (the person's own, or the reader's browser's). */
  readonly timeZone?: string;
  /** Needed only for messages with plurals, selects or quoting; plain messages never use it. */
  readonly icu?: IcuCompiler;
  /** Told when a message needs the ICU runtime and there is none yet (the browser then loads it). */
  readonly onIcuNeeded?: () => void;
}

/**
 * True when a message needs ICU's formatter: an argument with a type (`{n, plural, …}`,
 * `{who, select, …}`, `{n, number}`) or ICU quoting (`'{'`). Everything else is text with
 * `{name}` holes, which this file fills itself, so a public page's first screen does not wait
 * for the ICU runtime (about 12 kB gzipped) to download.
 */
export function needsIcu(source: string): boolean {
  return /\{\s*[\w.]+\s*,/.test(source) || /'[{}#|']/.test(source);
}

const HOLE = /\{\s*([\w.]+)\s*\}/g;

/** `{name}` holes filled from `params` exactly as ICU fills them; a missing one is an error, as in ICU. */
function fillHoles(source: string, params: TranslatableParams | undefined, key: string): string {
  return source.replace(HOLE, (_hole, name: string) => {
    if (!params || !(name in params)) throw new Error(`The message "${key}" needs the value "${name}"`);
    const value: unknown = params[name];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  });
}

/**
 * Says a key in one language. A key the language lacks falls back to English and then to the
 * key itself, so a gap shows up as odd words rather than a blank or a crash; the catalogue tests
 * keep gaps from shipping. ICU formatters are compiled once per key and kept.
 */
export class Translator {
  private readonly compiled = new Map<string, MessageFormatter>();
  private readonly fallback: FlatCatalogue;
  readonly timeZone?: string;

  constructor(
    readonly language: Language,
    private readonly catalogue: FlatCatalogue,
    private readonly options: TranslatorOptions = {},
  ) {
    this.fallback = options.fallback ?? catalogue;
    this.timeZone = options.timeZone;
  }

  has(key: string): boolean {
    return this.catalogue.has(key);
  }

  /** Whether this translator can say every kind of message (the ICU runtime is loaded). */
  get speaksIcu(): boolean {
    return this.options.icu !== undefined;
  }

  t(key: string, params?: TranslatableParams): string {
    const own = this.catalogue.get(key);
    const source = own ?? this.fallback.get(key);
    if (source === undefined) return key;
    if (!needsIcu(source)) return fillHoles(source, params, key);
    const formatter = this.formatter(key, source, own === undefined ? 'en' : this.language);
    if (!formatter) {
      // A page asked before its route loaded the runtime: show the words for a moment (the
      // browser re-renders when the runtime arrives) rather than nothing.
      this.options.onIcuNeeded?.();
      return source;
    }
    return formatter.format(params);
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

  private formatter(key: string, source: string, locale: string): MessageFormatter | undefined {
    const cached = this.compiled.get(key);
    if (cached) return cached;
    if (!this.options.icu) return undefined;
    const formatter = this.options.icu(source, locale);
    this.compiled.set(key, formatter);
    return formatter;
  }
}
