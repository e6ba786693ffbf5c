import * as z from 'zod';
import { responseSchemaOf } from '../fields/response-schema';
import { ConversationMessage, ConversationSession, MESSAGE_AUTHORS, PersonConversation, StaffConversation, UnreadCount } from './conversation';

export const conversationSessionSchema = responseSchemaOf<ConversationSession>()(
  z.strictObject({
    sessionToken: z.string().meta({ description: 'Opaque; send as X-Case-Session' }),
    expiresAt: z.string(),
  }),
);

export const conversationMessageSchema = responseSchemaOf<ConversationMessage>()(
  z.strictObject({
    id: z.string(),
    from: z.enum(MESSAGE_AUTHORS),
    authorName: z.string().nullable(),
    body: z.string(),
    sentAt: z.string(),
    readByPersonAt: z.string().nullable(),
    nudge: z.enum(['pending', 'sent', 'undeliverable']).nullable(),
  }),
);

export const personConversationSchema = responseSchemaOf<PersonConversation>()(
  z.strictObject({ reference: z.string(), messages: z.array(conversationMessageSchema), unread: z.number().int(), open: z.boolean() }),
);

export const staffConversationSchema = responseSchemaOf<StaffConversation>()(
  z.strictObject({
    caseId: z.string(),
    messages: z.array(conversationMessageSchema),
    unread: z.number().int(),
    firstContactAt: z.string().nullable(),
    transcript: z.strictObject({ body: z.string(), channel: z.string(), recordedBy: z.string().nullable(), recordedAt: z.string() }).nullable(),
  }),
);

export const unreadCountSchema = responseSchemaOf<UnreadCount>()(z.strictObject({ unread: z.number().int() }));
