import * as z from 'zod';
import { TEXT_LIMITS } from '../limits';

/**
 * Reviewed message templates the team keeps (admins edit them, audited). The case page fills
 * their placeholders (see fillSavedReply in @sg/domain) and the caseworker edits before sending.
 * `GET /api/saved-replies` (staff; `?all=true` for admins, with inactive ones), `POST` and
 * `PATCH /api/saved-replies/:id` (admins).
 */
export interface SavedReply {
  id: string;
  title: string;
  body: string;
  active: boolean;
  updatedAt: string;
}

export const savedReplyInputSchema = z.strictObject({
  title: z.string({ error: () => 'is required' }).trim().min(1, 'is required').max(TEXT_LIMITS.savedReplyTitle, `must be at most ${TEXT_LIMITS.savedReplyTitle} characters`),
  body: z.string({ error: () => 'is required' }).trim().min(1, 'is required').max(TEXT_LIMITS.message, `must be at most ${TEXT_LIMITS.message} characters`),
  active: z.boolean().default(true),
});
export type SavedReplyInput = z.input<typeof savedReplyInputSchema>;

export const savedReplyChangeSchema = savedReplyInputSchema.partial().refine((change) => Object.keys(change).length > 0, { message: 'change at least one field', path: ['title'] });
export type SavedReplyChange = z.input<typeof savedReplyChangeSchema>;

export const savedReplyListQuerySchema = z.strictObject({ all: z.enum(['true', 'false']).default('false').transform((value) => value === 'true') });
