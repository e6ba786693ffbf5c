import { COUNTRY_CODES, isCountryCode } from '@sg/domain';

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

let options: CountryOption[] | null = null;

/** Every country with its English name, sorted by name, for a select. */
export function countryOptions(): CountryOption[] {
  if (!options) {
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });
    options = COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) =>
      a.name.localeCompare(b.name, 'en'),
    );
  }
  return options;
}

export function countryName(code: string): string {
  return countryOptions().find((option) => option.code === code)?.name ?? code;
}
