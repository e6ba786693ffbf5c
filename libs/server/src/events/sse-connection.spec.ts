import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { SseConnection, sseFrame } from './sse-connection';

/** A response that records what is written, and a request with a socket, as Node gives them. */
function fakeExchange() {
  const writes: string[] = [];
  const socket = { setKeepAlive: jest.fn(), setNoDelay: jest.fn(), setTimeout: jest.fn() };
  const request = Object.assign(new EventEmitter(), { socket }) as unknown as Request;
  const response = Object.assign(new EventEmitter(), {
    writableLength: 0,
    headers: {} as Record<string, string>,
    ended: false,
    writeHead(status: number, headers: Record<string, string>) {
      this.headers = { ...headers, status: String(status) };
    },
    flushHeaders: jest.fn(),
    write(chunk: string) {
      writes.push(chunk);
      return true;
    },
    end() {
      this.ended = true;
    },
  });
  return { request, response, writes };
}

describe('SseConnection', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('sends the event-stream headers at once and the frames of a burst in one write', () => {
    const { request, response, writes } = fakeExchange();
    const connection = new SseConnection(request, response as unknown as Response);
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
    const { request, response, writes } = fakeExchange();
    const connection = new SseConnection(request, response as unknown as Response);
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
    const { request, response } = fakeExchange();
    const connection = new SseConnection(request, response as unknown as Response);
    response.writableLength = SseConnection.MAX_BUFFERED_BYTES + 1;
    connection.send(sseFrame('a', 1));
    jest.advanceTimersByTime(SseConnection.FLUSH_DELAY_MS);
    expect(response.ended).toBe(true);
    expect(connection.isClosed).toBe(true);
  });
});
