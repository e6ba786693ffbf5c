/**
 * @jest-environment node
 */
import { firstValueFrom, toArray } from 'rxjs';
import { StreamUnauthorizedError, eventStream, reconnectDelayMs } from './event-stream';

/** A real fetch Response whose body arrives in exactly these chunks, one per read. */
function streamingResponse(chunks: string[], status = 200): Response {
  const encoder = new TextEncoder();
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[index++];
      if (chunk === undefined) controller.close();
      else controller.enqueue(encoder.encode(chunk));
    },
  });
  return new Response(body, { status });
}

describe('eventStream', () => {
  it('sends the token and emits each event as it arrives', async () => {
    const calls: Array<{ url: string; init: RequestInit }> = [];
    const fetchFn = (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return Promise.resolve(streamingResponse(['event: case.created\nda', 'ta: {"n":1}\n\n', ': ping\n\ndata: {"n":2}\n\n']));
    };
    let opened = 0;
    const events = await firstValueFrom(
      eventStream({ url: '/api/events', headers: { Authorization: 'Bearer t' }, fetchFn, onOpen: () => opened++ }).pipe(toArray()),
    );
    expect(events.map((event) => event.data)).toEqual(['{"n":1}', '{"n":2}']);
    expect(opened).toBe(1);
    expect(calls[0]?.url).toBe('/api/events');
    expect(calls[0]?.init.headers).toMatchObject({ Authorization: 'Bearer t', Accept: 'text/event-stream' });
  });

  it('fails with StreamUnauthorizedError on 401 so the caller can refresh the token', async () => {
    const fetchFn = () => Promise.resolve(streamingResponse([], 401));
    await expect(firstValueFrom(eventStream({ url: '/api/events', headers: {}, fetchFn }))).rejects.toBeInstanceOf(StreamUnauthorizedError);
  });

  it('aborts the request when nobody listens any more', () => {
    let signal: AbortSignal | undefined;
    const fetchFn = (_url: string, init: RequestInit) => {
      signal = init.signal ?? undefined;
      return new Promise<Response>(() => undefined);
    };
    eventStream({ url: '/api/events', headers: {}, fetchFn }).subscribe().unsubscribe();
    expect(signal?.aborted).toBe(true);
  });
});

describe('reconnectDelayMs', () => {
  it('backs off exponentially up to 30 seconds', () => {
    const middle = () => 0.5;
    expect([0, 1, 2, 3, 10].map((attempt) => reconnectDelayMs(attempt, middle))).toEqual([1000, 2000, 4000, 8000, 30000]);
  });

  it('spreads reconnects by up to 20% either way', () => {
    expect(reconnectDelayMs(0, () => 0)).toBe(800);
    expect(reconnectDelayMs(0, () => 1)).toBe(1200);
  });
});
