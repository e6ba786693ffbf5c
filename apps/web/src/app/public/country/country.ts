import { COUNTRY_CODES, isCountryCode } from '@sg/domain/geo';
import type { Language } from '@sg/domain/language';

export interface CountryOption {
  code: string;
  name: string;
}

/**
 * A best guess at where the visitor is, from the browser's languages: the region of the first
 * one that has a region (`en-GB` → GB), else the likely region of the first language (`ms` → MY).
 * Only a guess: the page always lets them change it.
 */
export function guessCountry(languages: readonly string[]): string | null {
  const locales = languages.flatMap((language) => {
    try {
      return [new Intl.Locale(language)];
    } catch {
      return [];
    }
  });
  for (const locale of locales) {
    if (isCountryCode(locale.region)) return locale.region;
  }
  const likely = locales[0]?.maximize().region;
  return isCountryCode(likely) ? likely : null;
}

const options = new Map<string, CountryOption[]>();

/**
 * Every country with its name in `language` (the browser's own names, `Intl.DisplayNames`, so no
 * catalogue has to list them), sorted the way that language sorts, for a select.
 */
export function countryOptions(language: Language = 'en'): CountryOption[] {
  let list = options.get(language);
  if (!list) {
    const names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    // One collator for the whole sort: `localeCompare(…, language)` builds one per comparison,
    // which cost a slow phone ~70 ms of its first screen.
    const collator = new Intl.Collator(language);
    list = COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => collator.compare(a.name, b.name));
    options.set(language, list);
  }
  return list;
}

/** One country's name in `language`, without building the whole list (see `countryOptions`). */
export function countryName(code: string, language: Language = 'en'): string {
  return (
    options.get(language)?.find((option) => option.code === code)?.name ??
    new Intl.DisplayNames([language], { type: 'region', fallback: 'code' }).of(code) ??
    code
  );
}
