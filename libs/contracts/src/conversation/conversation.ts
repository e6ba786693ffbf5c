import * as z from 'zod';
import { dateTime } from '../fields/date-time';
import { text } from '../fields/text';
import { TEXT_LIMITS } from '../limits';
import { caseAccessRequestSchema } from '../case-access/case-access';

/**
 * The conversation between the person and the organisation. Plain text only: no attachments of
 * any kind, ever. The person reaches it with a short-lived access session (below), so the access
 * code is sent once, not with every poll or stream; staff through the case page.
 *
 * Person: `POST /api/conversation/session` (reference + code) → ConversationSession;
 * `GET /api/conversation` → PersonConversation (marks staff messages read);
 * `POST /api/conversation/messages` → ConversationMessage; `GET /api/conversation/stream` (SSE);
 * `DELETE /api/conversation/session` (quick exit). Staff: `GET /api/cases/:id/conversation` →
 * StaffConversation (audited; marks read for the caller only); `POST /api/cases/:id/conversation/messages`.
 */
export const conversationSessionRequestSchema = caseAccessRequestSchema;
export type ConversationSessionRequest = z.input<typeof conversationSessionRequestSchema>;

export interface ConversationSession {
  /** Opaque; sent as `Authorization: Bearer …`. Forgotten by quick exit and ended by `DELETE`. */
  sessionToken: string;
  /** When it ends unless used again; every use moves it on (see CONVERSATION_SESSION_IDLE_MINUTES). */
  expiresAt: string;
}

/** A session ends after this long unused, and in any case this long after it began. */
export const CONVERSATION_SESSION_IDLE_MINUTES = 30;
export const CONVERSATION_SESSION_MAX_HOURS = 12;

/** Sending a message. `clientMessageId` makes a resend (a retry after a lost answer) harmless. */
export const sendMessageSchema = z.strictObject({
  clientMessageId: z.uuid({ error: () => 'must be a UUID' }),
  body: text({ error: () => 'is required' })
    .trim()
    .min(1, 'write a message first')
    .max(TEXT_LIMITS.message, `must be at most ${TEXT_LIMITS.message} characters`),
});
export type SendMessageRequest = z.input<typeof sendMessageSchema>;

export const MESSAGE_AUTHORS = ['person', 'staff'] as const;
export type MessageAuthor = (typeof MESSAGE_AUTHORS)[number];

export interface ConversationMessage {
  id: string;
  from: MessageAuthor;
  /** Staff view: the staff member's name. Person view: always null (they write to the team). */
  authorName: string | null;
  body: string;
  sentAt: string;
  /** Staff messages: when the person first read it; null while unread (and for the person's own). */
  readByPersonAt: string | null;
  /**
   * Staff view of staff messages: whether the person was told through their channel (`pending`,
   * `sent`, `undeliverable`: no transport configured or consent withdrawn); null when no nudge
   * was due. Always null in the person's view.
   */
  nudge: 'pending' | 'sent' | 'undeliverable' | null;
}

export interface PersonConversation {
  reference: string;
  messages: ConversationMessage[];
  /** Staff messages the person had not read before this fetch. */
  unread: number;
  /** Whether the team can write back at all: false when the case is closed. */
  open: boolean;
}

export interface StaffConversation {
  caseId: string;
  messages: ConversationMessage[];
  /** The person's messages this staff member had not read before this fetch. */
  unread: number;
  /** When staff first reached the person (a message sent or a recorded contact); null before. */
  firstContactAt: string | null;
  /** A staff intake by phone or chat: the call notes or the chat as recorded with the intake. */
  transcript: { body: string; channel: string; recordedBy: string | null; recordedAt: string } | null;
}

/** `GET /api/cases/:id/conversation/unread`: a count only, no words, so not an audited read. */
export interface UnreadCount {
  unread: number;
}

/**
 * A contact made outside the product (a call, an e-mail, a chat elsewhere): recorded so it counts
 * as first contact. `POST /api/cases/:id/contacts` → StaffConversation's `firstContactAt` moves.
 */
export const RECORDED_CONTACT_CHANNELS = ['phone', 'email', 'sms', 'chat', 'in_person'] as const;
export type RecordedContactChannel = (typeof RECORDED_CONTACT_CHANNELS)[number];

export const recordContactSchema = z.strictObject({
  channel: z.enum(RECORDED_CONTACT_CHANNELS, { error: () => `must be one of ${RECORDED_CONTACT_CHANNELS.join(', ')}` }),
  /** When it happened; now when left out. Not in the future (a minute of clock skew allowed). */
  at: dateTime(() => 'must be a date and time in ISO 8601 form')
    .refine((value) => Date.parse(value) <= Date.now() + 60_000, 'cannot be in the future')
    .optional(),
});
export type RecordContactRequest = z.input<typeof recordContactSchema>;
