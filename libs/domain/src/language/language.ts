/**
 * The languages the product speaks. A person can use every one of them; the dashboard is in a
 * subset (each staff member picks theirs). Codes are BCP 47 primary subtags, which is also what
 * goes in `<html lang>` and the URL prefix (`/ms/help`; English has none).
 */
export const LANGUAGES = ['en', 'ms', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export const PERSON_LANGUAGES: readonly Language[] = LANGUAGES;
export const STAFF_LANGUAGES = ['en', 'ms'] as const satisfies readonly Language[];
export type StaffLanguage = (typeof STAFF_LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

/** Each language named in itself: a person who cannot read English must still find their own. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', ms: 'Bahasa Melayu', es: 'Español' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The first of the browser's preferred languages (`navigator.languages`, or an Accept-Language
 * list in order) that we offer, matched on the primary subtag (`ms-MY` is `ms`, `es-419` is `es`);
 * English when none match.
 */
export function preferredLanguage(accepted: readonly string[], offered: readonly Language[] = LANGUAGES): Language {
  for (const tag of accepted) {
    const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
    // Indonesian is close enough to Malay to read, and nobody reading it is better served by English.
    const candidate = primary === 'id' ? 'ms' : primary;
    const match = offered.find((language) => language === candidate);
    if (match) return match;
  }
  return DEFAULT_LANGUAGE;
}
