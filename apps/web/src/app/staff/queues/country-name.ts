import type { Language } from '@sg/domain';

const namers = new Map<Language, Intl.DisplayNames | null>();

/** "MY" → "Malaysia": a country in the reader's language, from the browser; the code when it cannot say. */
export function countryNameIn(language: Language, code: string): string {
  if (!namers.has(language)) {
    try {
      namers.set(language, new Intl.DisplayNames([language], { type: 'region' }));
    } catch {
      namers.set(language, null);
    }
  }
  try {
    return namers.get(language)?.of(code) ?? code;
  } catch {
    return code;
  }
}
