import * as z from 'zod';
import { text } from '../fields/text';
import { TEXT_LIMITS } from '../limits';
import { RESOURCE_AUDIENCES, RESOURCE_PURPOSES, isCountryCode, recordOf } from '@sg/domain';
import { httpUrlSchema } from '../intake/intake-request';
import {
  RESOURCE_TEXT_LIMITS,
  RESOURCE_TRANSLATION_LANGUAGES,
  ResourceText,
  ResourceTexts,
  ResourceTranslationLanguage,
  ResourceTranslations,
} from './resource-texts';

/** `GET /api/resources?country=US`: public; the entries for that country and worldwide. */
export interface ResourceDirectoryEntry extends ResourceTexts {
  id: string;
  key: string;
  jurisdiction: string;
  name: string;
  contact: string;
  url: string | null;
  purpose: (typeof RESOURCE_PURPOSES)[number];
  audiences: Array<(typeof RESOURCE_AUDIENCES)[number]>;
  sortOrder: number;
  active: boolean;
  /** Languages in which part of the entry still reads in English (see languagesFallingBack). */
  fallsBackToEnglish: ResourceTranslationLanguage[];
}

/** An optional text: trimmed, and blank means "not given" (the form sends empty fields). */
const optionalText = (max: number) =>
  text()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .optional()
    .transform((value) => (value ? value : undefined));

/** An English text: absent leaves it as it is (PATCH), blank or null clears it. */
const englishText = (max: number) =>
  text()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullable()
    .optional()
    .transform((value) => (value === undefined ? undefined : value || null));

const resourceTextSchema = z.strictObject({
  name: optionalText(TEXT_LIMITS.resourceName),
  description: optionalText(RESOURCE_TEXT_LIMITS.description),
  whenToUse: optionalText(RESOURCE_TEXT_LIMITS.whenToUse),
  contact: optionalText(TEXT_LIMITS.resourceContact),
});

/** A language with nothing in it is left out, so "falls back to English" is simply "absent". */
const resourceTranslationsSchema = z
  .strictObject(recordOf(RESOURCE_TRANSLATION_LANGUAGES, () => resourceTextSchema.optional()))
  .transform((translations): ResourceTranslations => {
    const kept: ResourceTranslations = {};
    for (const language of RESOURCE_TRANSLATION_LANGUAGES) {
      const text = Object.fromEntries(Object.entries(translations[language] ?? {}).filter(([, value]) => value !== undefined)) as ResourceText;
      if (Object.keys(text).length) kept[language] = text;
    }
    return kept;
  });

/** The texts as every response that carries an entry's words describes them (OpenAPI). */
export const resourceTextsResponseShape = {
  description: text().nullable(),
  whenToUse: text().nullable(),
  translations: z.partialRecord(
    z.enum(RESOURCE_TRANSLATION_LANGUAGES),
    z.strictObject({ name: text().optional(), description: text().optional(), whenToUse: text().optional(), contact: text().optional() }),
  ),
};

/** Admins create and edit entries (`POST /api/resources`, `PATCH /api/resources/:id`). */
const resourceEntryFields = {
  key: text()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'lower-case letters, digits and dashes, 2-64 characters'),
  jurisdiction: text().refine((value) => value === 'ANY' || isCountryCode(value), 'must be ANY or a two-letter country code'),
  name: text().trim().min(1, 'is required').max(TEXT_LIMITS.resourceName),
  contact: text().trim().min(1, 'is required').max(TEXT_LIMITS.resourceContact),
  // http(s) only: the public pages render it as a link, and javascript: or data: links there
  // would run in a frightened person's browser.
  url: httpUrlSchema.nullable().optional(),
  purpose: z.enum(RESOURCE_PURPOSES),
  audiences: z.array(z.enum(RESOURCE_AUDIENCES)).min(1, 'pick at least one audience'),
  sortOrder: z.number().int().min(0).max(10_000),
  active: z.boolean(),
  // English is the entry's own columns; a blank description or when-to-use is none (null).
  description: englishText(RESOURCE_TEXT_LIMITS.description),
  whenToUse: englishText(RESOURCE_TEXT_LIMITS.whenToUse),
  translations: resourceTranslationsSchema.optional(),
};
export const resourceEntryWriteSchema = z.strictObject({
  ...resourceEntryFields,
  sortOrder: resourceEntryFields.sortOrder.default(100),
  active: resourceEntryFields.active.default(true),
});
/**
 * A change: only the fields sent. No defaults here, or retiring an entry would also reset its
 * sort order, and any edit of a retired entry would bring it back.
 */
export const resourceEntryUpdateSchema = z.strictObject(resourceEntryFields).partial();
export type ResourceEntryWrite = z.input<typeof resourceEntryWriteSchema>;
/** What the API holds after parsing (blank texts gone, English texts null when none). */
export type ParsedResourceEntryWrite = z.output<typeof resourceEntryWriteSchema>;
