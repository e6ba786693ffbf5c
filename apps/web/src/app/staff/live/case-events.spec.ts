import { TestBed } from '@angular/core/testing';
import { of } from 'rxjs';
import { AuthSession } from '../auth/auth-session';
import { CaseEvents, STREAM_SILENCE_MS } from './case-events';

/** What the API writes every 20 s (Nest's serialisation of `{ type: 'keepalive', data: '' }`). */
const KEEPALIVE = 'event: keepalive\nid: 1\ndata: \n\n';

/**
 * A stream that answers at once with a keepalive, then one more every `everyMs` (the server's
 * 20 s), or never again when `everyMs` is null: a half-open connection, reading forever.
 */
function openStream(everyMs: number | null): Response {
  const encoder = new TextEncoder();
  let first = true;
  const read = () => {
    if (first) {
      first = false;
      return Promise.resolve({ done: false, value: encoder.encode(KEEPALIVE) });
    }
    if (everyMs === null) return new Promise<never>(() => undefined);
    return new Promise((resolve) => setTimeout(() => resolve({ done: false, value: encoder.encode(KEEPALIVE) }), everyMs));
  };
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- jsdom has no Response to build; the stream reads only status, ok and body.getReader().
  return { status: 200, ok: true, body: { getReader: () => ({ read }) } } as unknown as Response;
}

describe('CaseEvents', () => {
  let fetchMock: jest.Mock<Promise<Response>, [input: RequestInfo | URL, init?: RequestInit]>;
  const realFetch = globalThis.fetch;

  beforeEach(() => {
    jest.useFakeTimers();
    fetchMock = jest.fn<Promise<Response>, [input: RequestInfo | URL, init?: RequestInit]>();
    globalThis.fetch = fetchMock;
    TestBed.configureTestingModule({
      providers: [CaseEvents, { provide: AuthSession, useValue: { accessToken: () => 'token', refresh: () => of(true), expire: jest.fn() } }],
    });
  });

  afterEach(() => {
    globalThis.fetch = realFetch;
    jest.useRealTimers();
  });

  it('stays connected while keepalives arrive', async () => {
    fetchMock.mockImplementation(() => Promise.resolve(openStream(20_000)));
    const events = TestBed.inject(CaseEvents);
    const subscription = events.changes$.subscribe();
    await jest.advanceTimersByTimeAsync(0);
    expect(events.state()).toBe('live');

    await jest.advanceTimersByTimeAsync(5 * 60_000);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(events.state()).toBe('live');
    subscription.unsubscribe();
  });

  it('reconnects when a connection goes silent (half-open) instead of showing Live forever', async () => {
    fetchMock.mockImplementationOnce(() => Promise.resolve(openStream(null))).mockImplementation(() => Promise.resolve(openStream(20_000)));
    const events = TestBed.inject(CaseEvents);
    const subscription = events.changes$.subscribe();
    await jest.advanceTimersByTimeAsync(0);
    expect(events.state()).toBe('live');

    await jest.advanceTimersByTimeAsync(STREAM_SILENCE_MS - 1_000);
    expect(fetchMock).toHaveBeenCalledTimes(1);

    await jest.advanceTimersByTimeAsync(1_000);
    expect(events.state()).toBe('reconnecting');
    // The silent request is given up (aborted), and a new one follows after the usual short pause.
    expect(fetchMock.mock.calls[0]?.[1]?.signal?.aborted).toBe(true);
    await jest.advanceTimersByTimeAsync(1_500);
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(events.state()).toBe('live');
    subscription.unsubscribe();
  });
});
