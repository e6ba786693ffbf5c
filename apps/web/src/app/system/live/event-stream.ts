import { Observable } from 'rxjs';
import { ServerSentEvent, SseParser } from './sse-parser';

/** The server answered the stream with 401: the token needs a refresh before reconnecting. */
export class StreamUnauthorizedError extends Error {
  constructor() {
    super('The live updates stream refused the access token');
  }
}

export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

export interface EventStreamOptions {
  url: string;
  headers: Record<string, string>;
  fetchFn?: FetchFn;
  /** Called once the server has accepted the stream (to reset reconnect backoff, show "live"). */
  onOpen?: () => void;
}

/**
 * Server-sent events over fetch(): EventSource cannot send an Authorization header. Emits every
 * event; completes when the server ends the stream; errors on a refusal or a broken connection.
 * Unsubscribing aborts the request.
 */
export function eventStream(options: EventStreamOptions): Observable<ServerSentEvent> {
  return new Observable<ServerSentEvent>((subscriber) => {
    const abort = new AbortController();
    const fetchFn = options.fetchFn ?? ((input: string, init: RequestInit) => fetch(input, init));
    (async () => {
      const response = await fetchFn(options.url, {
        headers: { Accept: 'text/event-stream', ...options.headers },
        cache: 'no-store',
        signal: abort.signal,
      });
      if (response.status === 401) throw new StreamUnauthorizedError();
      if (!response.ok || !response.body) throw new Error(`The live updates stream answered ${response.status}`);
      options.onOpen?.();
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      const parser = new SseParser();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        for (const event of parser.push(decoder.decode(value, { stream: true }))) subscriber.next(event);
      }
      for (const event of parser.push(decoder.decode() + '\n\n')) subscriber.next(event);
      subscriber.complete();
    })().catch((error: unknown) => {
      if (!abort.signal.aborted) subscriber.error(error);
    });
    return () => abort.abort();
  });
}

/** 1 s, 2 s, 4 s ... up to 30 s, with jitter so a room of dashboards does not reconnect at once. */
export function reconnectDelayMs(attempt: number, random = Math.random): number {
  const base = Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.8 + random() * 0.4));
}
