import type { CaseChangeEvent, NotificationEvent } from '@sg/contracts';
import { CASE_EVENT_TYPES, NOTIFICATION_CREATED_EVENT } from '../data-access/staff-contract';

/** One message of a `text/event-stream`. */
export interface ServerSentEvent {
  /** The `event:` field, or "message" when the server sent none. */
  event: string;
  data: string;
  id: string | null;
}

/**
 * An incremental `text/event-stream` parser (the WHATWG rules that matter here): feed it decoded
 * text in whatever chunks the network delivers and it returns each event a blank line completes.
 * Lines end in LF, CRLF or CR; `:` starts a comment (heartbeats); several `data:` lines join
 * with newlines; an event with no data is not dispatched.
 */
export class SseParser {
  private buffer = '';
  private data: string[] = [];
  private eventName = '';
  private lastEventId: string | null = null;
  /** The previous chunk ended in CR: a LF starting this one is the second half of a CRLF. */
  private pendingCr = false;
  /** The server's `retry:` advice in milliseconds, if it gave one. */
  retryMs: number | null = null;

  push(text: string): ServerSentEvent[] {
    if (this.pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.pendingCr = false;
    this.buffer += text;
    const events: ServerSentEvent[] = [];
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const char = this.buffer[i];
      if (char !== '\n' && char !== '\r') continue;
      const line = this.buffer.slice(start, i);
      if (char === '\r') {
        if (i === this.buffer.length - 1) this.pendingCr = true;
        else if (this.buffer[i + 1] === '\n') i++;
      }
      start = i + 1;
      const event = this.line(line);
      if (event) events.push(event);
    }
    this.buffer = this.buffer.slice(start);
    return events;
  }

  private line(line: string): ServerSentEvent | null {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        this.data.push(value);
        break;
      case 'event':
        this.eventName = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retryMs = Number(value);
        break;
    }
    return null;
  }

  private dispatch(): ServerSentEvent | null {
    const data = this.data;
    const event = this.eventName || 'message';
    this.data = [];
    this.eventName = '';
    if (data.length === 0) return null;
    return { event, data: data.join('\n'), id: this.lastEventId };
  }
}

const EVENT_TYPES: readonly string[] = CASE_EVENT_TYPES;

/** The case change in an event's data, or null for anything else (a heartbeat, a bad line). */
export function toCaseChangeEvent(message: ServerSentEvent): CaseChangeEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(message.data);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const candidate = value as Partial<CaseChangeEvent>;
  const type = EVENT_TYPES.includes(candidate.type ?? '') ? candidate.type : EVENT_TYPES.includes(message.event) ? message.event : null;
  if (!type || typeof candidate.caseId !== 'string') return null;
  return { ...(candidate as CaseChangeEvent), type: type as CaseChangeEvent['type'] };
}

/** A `notification.created` or `notification.changed` message (`{ id, recipientId }`), or null for anything else. */
export function toNotificationCreatedEvent(message: ServerSentEvent): NotificationEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(message.data);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const candidate = value as Partial<NotificationEvent>;
  const type = candidate.type ?? message.event;
  if ((type !== NOTIFICATION_CREATED_EVENT && type !== 'notification.changed') || typeof candidate.id !== 'string' || typeof candidate.recipientId !== 'string') return null;
  return { ...(candidate as NotificationEvent), type };
}
