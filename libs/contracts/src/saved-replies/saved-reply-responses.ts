import * as z from 'zod';
import { responseSchemaOf } from '../fields/response-schema';
import { SavedReply } from './saved-replies';
import { SAVED_REPLY_TRANSLATION_LANGUAGES } from './saved-reply-texts';

export const savedReplySchema = responseSchemaOf<SavedReply>()(
  z.strictObject({
    id: z.string(),
    title: z.string(),
    body: z.string(),
    translations: z.partialRecord(z.enum(SAVED_REPLY_TRANSLATION_LANGUAGES), z.strictObject({ title: z.string().optional(), body: z.string().optional() })),
    fallsBackToEnglish: z.array(z.enum(SAVED_REPLY_TRANSLATION_LANGUAGES)),
    active: z.boolean(),
    updatedAt: z.string(),
  }),
);
export const savedReplyListSchema = z.array(savedReplySchema);
