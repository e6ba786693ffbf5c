import { EventEmitter } from 'node:events';
import { SseConnection, SseFlusher, sseFrame } from './sse-connection';

/** A response that records what is written (and the very chunk objects), and a request with a socket, as Node gives them. */
function fakeExchange(onWrite: () => void = () => undefined) {
  const writes: string[] = [];
  const chunks: Array<string | Buffer> = [];
  const socket = { setKeepAlive: jest.fn(), setNoDelay: jest.fn(), setTimeout: jest.fn() };
  const request = Object.assign(new EventEmitter(), { socket });
  const headers: Record<string, string> = {};
  const response = Object.assign(new EventEmitter(), {
    writableLength: 0,
    headers,
    ended: false,
    writeHead(status: number, headers: Record<string, string>) {
      this.headers = { ...headers, status: String(status) };
    },
    flushHeaders: jest.fn(),
    cork: jest.fn(),
    uncork: jest.fn(),
    write(chunk: string | Buffer) {
      onWrite();
      chunks.push(chunk);
      writes.push(typeof chunk === 'string' ? chunk : chunk.toString('utf8'));
      return true;
    },
    end() {
      this.ended = true;
    },
  });
  return { request, response, writes, chunks };
}

describe('SseConnection', () => {
  let flusher: SseFlusher;
  const connect = (exchange: ReturnType<typeof fakeExchange>) => new SseConnection(exchange.request, exchange.response, flusher);

  beforeEach(() => {
    jest.useFakeTimers();
    flusher = new SseFlusher(() => 0);
  });
  afterEach(() => jest.useRealTimers());

  it('sends the event-stream headers at once and the frames of a burst in one write', () => {
    const exchange = fakeExchange();
    const { response, writes } = exchange;
    const connection = connect(exchange);
    expect(response.headers['Content-Type']).toBe('text/event-stream');
    expect(response.headers['X-Accel-Buffering']).toBe('no');
    expect(writes).toEqual(['\n']);
    connection.send(sseFrame('a', { n: 1 }));
    connection.send(sseFrame('b', { n: 2 }));
    expect(writes).toHaveLength(1);
    jest.advanceTimersByTime(SseConnection.FLUSH_DELAY_MS);
    expect(writes.slice(1)).toEqual(['event: a\ndata: {"n":1}\n\nevent: b\ndata: {"n":2}\n\n']);
  });

  it('stops writing and tells its owner when the client goes away', () => {
    const exchange = fakeExchange();
    const { request, writes } = exchange;
    const connection = connect(exchange);
    const closed = jest.fn();
    connection.onClose(closed);
    connection.send(sseFrame('a', 1));
    request.emit('close');
    jest.advanceTimersByTime(100);
    expect(closed).toHaveBeenCalledTimes(1);
    expect(connection.isClosed).toBe(true);
    expect(writes).toEqual(['\n']);
  });

  it('ends a stream whose client stopped reading, rather than buffering for ever', () => {
    const exchange = fakeExchange();
    const connection = connect(exchange);
    exchange.response.writableLength = SseConnection.MAX_BUFFERED_BYTES + 1;
    connection.send(sseFrame('a', 1));
    jest.advanceTimersByTime(SseConnection.FLUSH_DELAY_MS);
    expect(exchange.response.ended).toBe(true);
    expect(connection.isClosed).toBe(true);
  });

  it('writes a frame gathered by many streams once as bytes, the same bytes to each, and to no stream that did not gather it', () => {
    const everything = [fakeExchange(), fakeExchange(), fakeExchange()];
    const signalOnly = fakeExchange();
    const [whole, signal, notification] = [
      sseFrame('case.claimed', { caseId: 'c1', reference: 'R-1' }),
      sseFrame('case.claimed', { caseId: 'c1' }),
      sseFrame('notification.created', { id: 'n1' }),
    ];
    const supervisors = everything.map(connect);
    const caseworker = connect(signalOnly);
    for (const stream of supervisors) stream.send(whole);
    caseworker.send(signal);
    // One supervisor also has a notification of their own: their bytes differ from the others'.
    supervisors.at(-1)?.send(notification);
    jest.advanceTimersByTime(SseConnection.FLUSH_DELAY_MS);

    const [one, two, three] = everything.map((exchange) => exchange.chunks.at(-1));
    expect(one).toBeInstanceOf(Buffer);
    expect(two).toBe(one);
    expect(everything.map((exchange) => exchange.writes.slice(1))).toEqual([[whole], [whole], [whole + notification]]);
    expect(three).not.toBe(one);
    expect(signalOnly.writes.slice(1)).toEqual([signal]);
  });

  it('waits longer between passes while writing is expensive, never past the cap, and 25 ms again once it is cheap', () => {
    let clock = 0;
    let writeCostMs = 0;
    flusher = new SseFlusher(() => clock);
    const exchange = fakeExchange(() => (clock += writeCostMs));
    const connection = connect(exchange);
    const pass = () => {
      const before = exchange.writes.length;
      connection.send(sseFrame('a', 1));
      jest.advanceTimersByTime(flusher.nextDelayMs - 1);
      const early = exchange.writes.length - before;
      jest.advanceTimersByTime(1);
      return { early, written: exchange.writes.length - before };
    };

    expect(pass()).toEqual({ early: 0, written: 1 });
    expect(flusher.nextDelayMs).toBe(SseConnection.FLUSH_DELAY_MS);
    writeCostMs = 10;
    expect(pass()).toEqual({ early: 0, written: 1 });
    expect(flusher.nextDelayMs).toBe(90);
    writeCostMs = 1000;
    pass();
    expect(flusher.nextDelayMs).toBe(SseFlusher.MAX_FLUSH_DELAY_MS);
    writeCostMs = 0;
    expect(pass()).toEqual({ early: 0, written: 1 });
    expect(flusher.nextDelayMs).toBe(SseConnection.FLUSH_DELAY_MS);
  });

  it('ends with what it had gathered written, and a later pass writes nothing more to it', () => {
    const exchange = fakeExchange();
    const connection = connect(exchange);
    connection.send(sseFrame('a', 1));
    connection.end();
    expect(exchange.writes.slice(1)).toEqual([sseFrame('a', 1)]);
    expect(exchange.response.ended).toBe(true);
    connection.send(sseFrame('b', 2));
    jest.advanceTimersByTime(SseFlusher.MAX_FLUSH_DELAY_MS);
    expect(exchange.writes.slice(1)).toEqual([sseFrame('a', 1)]);
  });
});
