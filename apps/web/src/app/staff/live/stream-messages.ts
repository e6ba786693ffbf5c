/* What the staff stream's messages mean: case changes, notifications and conversation signals (the parsing is system/live/sse-parser.ts). */
import type { CaseChangeEvent, CaseChangeSignal, ConversationMessageEvent, NotificationEvent } from '@sg/contracts';
import type { ServerSentEvent } from '../../system/live/sse-parser';
import { CASE_EVENT_TYPES, NOTIFICATION_CREATED_EVENT } from '../data-access/staff-contract';

const EVENT_TYPES: readonly string[] = CASE_EVENT_TYPES;

/** The event's data as an object, or null for a heartbeat, a bad line or anything not an object. */
function dataObject(message: ServerSentEvent): object | null {
  try {
    const value: unknown = JSON.parse(message.data);
    return value && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}

/**
 * The case change in an event's data, or null for anything else (a heartbeat, a bad line). A
 * caseworker hears of a case they may not open only as a signal (type, case, time: no reference,
 * priority, status or holder), and it stays one here, so nothing reads a priority that isn't there.
 */
export function toCaseChangeEvent(message: ServerSentEvent): CaseChangeEvent | CaseChangeSignal | null {
  const value = dataObject(message);
  if (!value) return null;
  const candidate = value as Partial<CaseChangeEvent>;
  const type = EVENT_TYPES.includes(candidate.type ?? '') ? candidate.type : EVENT_TYPES.includes(message.event) ? message.event : null;
  if (!type || typeof candidate.caseId !== 'string') return null;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- one of CASE_EVENT_TYPES, checked above.
  const eventType = type as CaseChangeEvent['type'];
  const at = typeof candidate.at === 'string' ? candidate.at : '';
  const full =
    typeof candidate.reference === 'string' &&
    typeof candidate.priority === 'string' &&
    typeof candidate.status === 'string' &&
    (typeof candidate.assigneeId === 'string' || candidate.assigneeId === null);
  if (!full) return { type: eventType, caseId: candidate.caseId, at };
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- the API's live messages (LiveMessage); every field the page reads is checked above.
  return { ...(candidate as CaseChangeEvent), type: eventType };
}

/** A `notification.created` or `notification.changed` message (`{ id, recipientId }`), or null for anything else. */
export function toNotificationCreatedEvent(message: ServerSentEvent): NotificationEvent | null {
  const value = dataObject(message);
  if (!value) return null;
  const candidate = value as Partial<NotificationEvent>;
  const type = candidate.type ?? message.event;
  if ((type !== NOTIFICATION_CREATED_EVENT && type !== 'notification.changed') || typeof candidate.id !== 'string' || typeof candidate.recipientId !== 'string')
    return null;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- the API's live messages (LiveMessage); the type, id and recipient the bell acts on are checked above.
  return { ...(candidate as NotificationEvent), type };
}

/** What the stream says of a conversation message: the case, and (when the caller may open it) who wrote. */
export type ConversationSignal = Pick<ConversationMessageEvent, 'type' | 'caseId' | 'at'> & Partial<Pick<ConversationMessageEvent, 'from'>>;

/** A `conversation.message` event (no words, only which case), or null for anything else. */
export function toConversationSignal(message: ServerSentEvent): ConversationSignal | null {
  const value = dataObject(message);
  if (!value) return null;
  const candidate = value as Partial<ConversationMessageEvent>;
  if ((candidate.type ?? message.event) !== 'conversation.message' || typeof candidate.caseId !== 'string') return null;
  return { type: 'conversation.message', caseId: candidate.caseId, at: candidate.at ?? new Date().toISOString(), from: candidate.from };
}
