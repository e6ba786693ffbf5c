import {
  RESOURCE_TRANSLATION_LANGUAGES,
  type ResourceDirectoryEntry,
  type ResourceEntryWrite,
  type ResourceText,
  type ResourceTranslationLanguage,
  type ResourceTranslations,
} from '@sg/contracts';
import { ANY_JURISDICTION, ResourceAudience, ResourcePurpose, recordOf, keysOf } from '@sg/domain';

export { ANY_JURISDICTION };

/** What the add/edit form holds (audiences as one checkbox each). */
export interface ResourceFormValue {
  key: string;
  jurisdiction: string;
  name: string;
  contact: string;
  url: string;
  purpose: ResourcePurpose;
  audiences: Partial<Record<ResourceAudience, boolean>>;
  sortOrder: number | null;
  active: boolean;
  description: string;
  whenToUse: string;
  /** Every translated language's fields, empty where it falls back to English. */
  translations: Record<ResourceTranslationLanguage, Required<ResourceText>>;
}

const emptyTranslation = (): Required<ResourceText> => ({ name: '', description: '', whenToUse: '', contact: '' });

function translationsForm(translations: ResourceTranslations = {}): ResourceFormValue['translations'] {
  return recordOf(RESOURCE_TRANSLATION_LANGUAGES, (language) => ({ ...emptyTranslation(), ...translations[language] }));
}

/** Trimmed, blank fields and empty languages left out: absent means "shows in English". */
function toTranslations(value: ResourceFormValue['translations']): ResourceTranslations {
  const result: ResourceTranslations = {};
  for (const language of RESOURCE_TRANSLATION_LANGUAGES) {
    const text: ResourceText = {};
    for (const field of keysOf(value[language])) {
      const words = value[language][field].trim();
      if (words !== '') text[field] = words;
    }
    if (Object.keys(text).length) result[language] = text;
  }
  return result;
}

/** Same words, whatever order the fields came in. */
function sameTranslations(a: ResourceTranslations, b: ResourceTranslations): boolean {
  const canonical = (translations: ResourceTranslations) =>
    JSON.stringify(
      RESOURCE_TRANSLATION_LANGUAGES.map((language) =>
        Object.entries(translations[language] ?? {})
          .filter(([, words]) => !!words)
          .sort(),
      ),
    );
  return canonical(a) === canonical(b);
}

export function emptyResourceForm(jurisdiction = ''): ResourceFormValue {
  return {
    key: '',
    jurisdiction,
    name: '',
    contact: '',
    url: '',
    purpose: 'support',
    audiences: { everyone: true },
    sortOrder: 100,
    active: true,
    description: '',
    whenToUse: '',
    translations: translationsForm(),
  };
}

export function resourceFormValue(entry: ResourceDirectoryEntry): ResourceFormValue {
  return {
    key: entry.key,
    jurisdiction: entry.jurisdiction,
    name: entry.name,
    contact: entry.contact,
    url: entry.url ?? '',
    purpose: entry.purpose,
    audiences: Object.fromEntries(entry.audiences.map((audience) => [audience, true])),
    sortOrder: entry.sortOrder,
    active: entry.active,
    description: entry.description ?? '',
    whenToUse: entry.whenToUse ?? '',
    translations: translationsForm(entry.translations),
  };
}

/**
 * The form as the API wants it: trimmed, an empty web address as null, the ticked audiences in
 * the order they are listed, the country code in upper case.
 */
export function toResourceWrite(value: ResourceFormValue, audienceOrder: readonly ResourceAudience[]): ResourceEntryWrite {
  const url = value.url.trim();
  const jurisdiction = value.jurisdiction.trim().toUpperCase();
  return {
    key: value.key.trim().toLowerCase(),
    jurisdiction: jurisdiction === ANY_JURISDICTION ? ANY_JURISDICTION : jurisdiction,
    name: value.name.trim(),
    contact: value.contact.trim(),
    url: url === '' ? null : url,
    purpose: value.purpose,
    audiences: audienceOrder.filter((audience) => value.audiences[audience]),
    sortOrder: value.sortOrder ?? 100,
    active: value.active,
    description: value.description.trim() || null,
    whenToUse: value.whenToUse.trim() || null,
    translations: toTranslations(value.translations),
  };
}

/** For `PATCH /api/resources/:id`: only the fields that differ from the entry, or null. */
export function resourceChanges(entry: ResourceDirectoryEntry, write: ResourceEntryWrite): Partial<ResourceEntryWrite> | null {
  const changes: Partial<ResourceEntryWrite> = {};
  const keys = ['key', 'jurisdiction', 'name', 'contact', 'url', 'purpose', 'sortOrder', 'active', 'description', 'whenToUse'] as const;
  for (const key of keys) {
    const next = write[key] ?? (key === 'url' || key === 'description' || key === 'whenToUse' ? null : undefined);
    if (next !== undefined && next !== entry[key]) (changes as Record<string, unknown>)[key] = next;
  }
  const audiences = write.audiences;
  if (audiences.length !== entry.audiences.length || audiences.some((audience) => !entry.audiences.includes(audience))) changes.audiences = audiences;
  // Sent whole: the API replaces an entry's translations with what the dialog shows.
  const translations = write.translations ?? {};
  if (!sameTranslations(translations, entry.translations ?? {})) changes.translations = translations;
  return Object.keys(changes).length ? changes : null;
}

/**
 * Worldwide first, then countries by name; inside each, by sort order then name. `worldwide` is
 * the word for ANY in the reader's language (countries are sorted by their name in it too).
 */
export function groupByJurisdiction(
  entries: readonly ResourceDirectoryEntry[],
  nameOf: (code: string) => string,
  worldwide: string,
): Array<{ jurisdiction: string; label: string; entries: ResourceDirectoryEntry[] }> {
  const groups = new Map<string, ResourceDirectoryEntry[]>();
  for (const entry of entries) groups.set(entry.jurisdiction, [...(groups.get(entry.jurisdiction) ?? []), entry]);
  const label = (code: string) => (code === ANY_JURISDICTION ? worldwide : nameOf(code));
  return [...groups.entries()]
    .map(([jurisdiction, list]) => ({
      jurisdiction,
      label: label(jurisdiction),
      entries: list.sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name)),
    }))
    .sort((a, b) => Number(b.jurisdiction === ANY_JURISDICTION) - Number(a.jurisdiction === ANY_JURISDICTION) || a.label.localeCompare(b.label));
}

/**
 * Country names in the dashboard's language ("SG" → "Singapore", in Malay "Singapura"), or the
 * code when the browser cannot say.
 */
export function countryNamer(language: string): (code: string) => string {
  let names: Intl.DisplayNames | null;
  try {
    names = new Intl.DisplayNames([language], { type: 'region' });
  } catch {
    names = null;
  }
  return (code) => {
    try {
      return names?.of(code) ?? code;
    } catch {
      return code;
    }
  };
}
