import { createParser, type EventSourceParser } from 'eventsource-parser';

/** One message of a `text/event-stream`. */
export interface ServerSentEvent {
  /** The `event:` field, or "message" when the server sent none. */
  event: string;
  data: string;
  id: string | null;
}

/**
 * An incremental `text/event-stream` parser: feed it decoded text in whatever chunks the network
 * delivers and it returns each event a blank line completes. The WHATWG parsing rules (LF, CRLF or
 * CR line ends, also split across chunks; `:` comments such as heartbeats; several `data:` lines
 * joined with newlines; no dispatch without data) are eventsource-parser's. This keeps what the
 * stream's reader relies on that it leaves to its caller: the last event id persists across
 * events, as in the browser's EventSource; the server's `retry:` advice is kept; and an event a
 * CR completes is given at once (see push).
 */
export class SseParser {
  private lastEventId: string | null = null;
  private events: ServerSentEvent[] = [];
  private readonly parser: EventSourceParser = createParser({
    onEvent: (message) => {
      if (message.id !== undefined) this.lastEventId = message.id;
      this.events.push({ event: message.event || 'message', data: message.data, id: this.lastEventId });
    },
    onRetry: (retryMs) => (this.retryMs = retryMs),
  });
  /** The server's `retry:` advice in milliseconds, if it gave one. */
  retryMs: number | null = null;

  /** The previous chunk ended in CR: a LF starting this one is the second half of a CRLF. */
  private pendingCr = false;

  push(text: string): ServerSentEvent[] {
    // Line ends become LF here: eventsource-parser holds back a CR that ends a chunk (waiting to
    // see whether a LF follows), which would delay an event that a CR completed until the next
    // chunk, and on a quiet stream that can be the next heartbeat.
    if (this.pendingCr && text.startsWith('\n')) text = text.slice(1);
    this.pendingCr = text.endsWith('\r');
    this.parser.feed(text.replace(/\r\n?/g, '\n'));
    const events = this.events;
    this.events = [];
    return events;
  }
}
