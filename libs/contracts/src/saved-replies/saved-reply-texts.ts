import type { Language } from '@sg/domain';

/*
 * A saved reply's words in every person language, without zod: the admin page and the case page
 * pick a language's text from the main `@sg/contracts` entry at no bundle cost.
 */

/** The person languages a saved reply is translated into; English is the reply's own columns. */
export const SAVED_REPLY_TRANSLATION_LANGUAGES = ['ms', 'es'] as const satisfies readonly Exclude<Language, 'en'>[];
export type SavedReplyTranslationLanguage = (typeof SAVED_REPLY_TRANSLATION_LANGUAGES)[number];

/** One language's words for a reply; a missing field reads the English one. */
export interface SavedReplyText {
  title?: string;
  body?: string;
}
export type SavedReplyTranslations = Partial<Record<SavedReplyTranslationLanguage, SavedReplyText>>;

/**
 * The languages in which the reply still has English in it (its title or its message is not
 * written in that language). Admins see these flagged ("Malay: uses English").
 */
export function savedReplyLanguagesFallingBack(reply: { translations: SavedReplyTranslations }): SavedReplyTranslationLanguage[] {
  return SAVED_REPLY_TRANSLATION_LANGUAGES.filter((language) => {
    const text = reply.translations[language] ?? {};
    return !text.title || !text.body;
  });
}

/**
 * The reply as said in `language`: the message in that language when it has one, else the
 * English message (and `language` then says 'en', so the caseworker is told what they inserted).
 * The title falls back on its own; it is only what staff pick the reply by.
 */
export function savedReplyIn(
  reply: { title: string; body: string; translations?: SavedReplyTranslations },
  language: Language,
): { title: string; body: string; language: Language } {
  const text: SavedReplyText = language === 'en' ? {} : (reply.translations?.[language] ?? {});
  return { title: text.title || reply.title, body: text.body || reply.body, language: text.body ? language : 'en' };
}
