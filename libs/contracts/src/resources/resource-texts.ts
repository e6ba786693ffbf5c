import type { Language, MatchedResource } from '@sg/domain';

/*
 * A directory entry's words in every person language, without zod: the public pages and the
 * admin page render them from the main `@sg/contracts` entry at no bundle cost.
 */

/** The person languages an entry is translated into; English is the entry's own columns. */
export const RESOURCE_TRANSLATION_LANGUAGES = ['ms', 'es'] as const satisfies readonly Exclude<Language, 'en'>[];
export type ResourceTranslationLanguage = (typeof RESOURCE_TRANSLATION_LANGUAGES)[number];

/** Limits for the texts that are new with translations (name and contact keep TEXT_LIMITS). */
export const RESOURCE_TEXT_LIMITS = { description: 500, whenToUse: 300 } as const;

/** One language's words for an entry; a missing field reads the English one. */
export interface ResourceText {
  name?: string;
  description?: string;
  whenToUse?: string;
  /** Only where the English contact has words in it ("Call 999 if you are in danger now"). */
  contact?: string;
}
export type ResourceTranslations = Partial<Record<ResourceTranslationLanguage, ResourceText>>;

/**
 * What a person reads of an entry beyond its name and contact, in English, with every other
 * language's words beside it: the page renders the tab's language (falling back to English)
 * without asking the server again when the person switches.
 */
export interface ResourceTexts {
  /** What the service is, in plain words. */
  description: string | null;
  /** When to reach for it. */
  whenToUse: string | null;
  translations: ResourceTranslations;
}

/** A matched resource as the person's pages receive it (intake answer, their case). */
export type PersonResource = MatchedResource & ResourceTexts;

/** The English texts a translation is checked against (contact is often only a number). */
const TRANSLATED_FIELDS = ['name', 'description', 'whenToUse'] as const;

/**
 * The languages in which the entry shows some English: a field the English entry has is
 * missing in that language. Admins see these flagged ("Malay: uses English").
 */
export function languagesFallingBack(
  entry: { name: string } & Pick<ResourceTexts, 'description' | 'whenToUse' | 'translations'>,
): ResourceTranslationLanguage[] {
  return RESOURCE_TRANSLATION_LANGUAGES.filter((language) => {
    const text = entry.translations[language] ?? {};
    return TRANSLATED_FIELDS.some((field) => !!entry[field] && !text[field]);
  });
}

/** The words to show in `language`, each field falling back to English on its own. */
export function resourceTextIn(
  entry: Pick<PersonResource, 'name' | 'contact'> & Partial<ResourceTexts>,
  language: Language,
): { name: string; contact: string; description: string | null; whenToUse: string | null } {
  const text: ResourceText = language === 'en' ? {} : (entry.translations?.[language] ?? {});
  return {
    name: text.name || entry.name,
    contact: text.contact || entry.contact,
    description: text.description || entry.description || null,
    whenToUse: text.whenToUse || entry.whenToUse || null,
  };
}
