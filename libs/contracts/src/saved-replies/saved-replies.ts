import { recordOf } from '@sg/domain';
import * as z from 'zod';
import { text } from '../fields/text';
import { TEXT_LIMITS } from '../limits';
import { SAVED_REPLY_TRANSLATION_LANGUAGES, SavedReplyText, SavedReplyTranslationLanguage, SavedReplyTranslations } from './saved-reply-texts';

/**
 * Reviewed message templates the team keeps (admins edit them, audited). The case page fills
 * their placeholders (see fillSavedReply in @sg/domain) and the caseworker edits before sending.
 * `GET /api/saved-replies` (staff; `?all=true` for admins, with inactive ones), `POST` and
 * `PATCH /api/saved-replies/:id` (admins).
 *
 * English is the reply's own title and body; the other person languages sit in `translations`
 * (`{ ms: { title, body }, es: {...} }`), a missing field meaning "use the English one".
 */
export interface SavedReply {
  id: string;
  title: string;
  body: string;
  translations: SavedReplyTranslations;
  /** Languages in which the title or message still reads in English (savedReplyLanguagesFallingBack). */
  fallsBackToEnglish: SavedReplyTranslationLanguage[];
  active: boolean;
  updatedAt: string;
}

/** A translated text: trimmed, with the English limit; blank means "not written" (the form sends empty fields). */
const optionalText = (max: number) =>
  text()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .optional()
    .transform((value) => (value ? value : undefined));

const savedReplyTextSchema = z.strictObject({
  title: optionalText(TEXT_LIMITS.savedReplyTitle),
  body: optionalText(TEXT_LIMITS.message),
});

/** A language with nothing in it is left out, so "uses English" is simply "absent". */
const savedReplyTranslationsSchema = z
  .strictObject(recordOf(SAVED_REPLY_TRANSLATION_LANGUAGES, () => savedReplyTextSchema.optional()))
  .transform((translations): SavedReplyTranslations => {
    const kept: SavedReplyTranslations = {};
    for (const language of SAVED_REPLY_TRANSLATION_LANGUAGES) {
      const text = Object.fromEntries(Object.entries(translations[language] ?? {}).filter(([, value]) => value !== undefined)) as SavedReplyText;
      if (Object.keys(text).length) kept[language] = text;
    }
    return kept;
  });

export const savedReplyInputSchema = z.strictObject({
  title: text({ error: () => 'is required' })
    .trim()
    .min(1, 'is required')
    .max(TEXT_LIMITS.savedReplyTitle, `must be at most ${TEXT_LIMITS.savedReplyTitle} characters`),
  body: text({ error: () => 'is required' })
    .trim()
    .min(1, 'is required')
    .max(TEXT_LIMITS.message, `must be at most ${TEXT_LIMITS.message} characters`),
  // Sent whole: what is sent replaces every language's words (the admin page sends all it shows).
  translations: savedReplyTranslationsSchema.default({}),
  active: z.boolean().default(true),
});
export type SavedReplyInput = z.input<typeof savedReplyInputSchema>;

/** A change: only the fields sent (no defaults, or retiring a reply would drop its translations). */
export const savedReplyChangeSchema = z
  .strictObject({ ...savedReplyInputSchema.shape, translations: savedReplyTranslationsSchema.optional(), active: z.boolean().optional() })
  .partial()
  .refine((change) => Object.keys(change).length > 0, { message: 'change at least one field', path: ['title'] });
export type SavedReplyChange = z.input<typeof savedReplyChangeSchema>;

export const savedReplyListQuerySchema = z.strictObject({
  all: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});
