import type { Request, Response } from 'express';

/**
 * One server-sent events response, written to the socket by us rather than through Nest's
 * `@Sse()`. Why: a supervisor's stream hears every case's events, so one busy minute means
 * thousands of events times every open dashboard. Nest serialises each event once per stream
 * and writes each with its own socket write; here a frame is serialised once for every stream
 * (see `sseFrame` and `LiveFrames`), and the frames a stream gathers within a few milliseconds
 * go out as one write.
 */
export class SseConnection {
  /** Frames that arrive within this window go out together: well inside what a person notices. */
  static readonly FLUSH_DELAY_MS = 25;
  /**
   * A client that stops reading would make us buffer for ever: past this much unsent data the
   * stream ends, and the browser's reconnect starts it afresh (re-reading what it shows).
   */
  static readonly MAX_BUFFERED_BYTES = 1024 * 1024;

  private pending: string[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly closeHandlers: Array<() => void> = [];

  constructor(
    request: Request,
    private readonly response: Response,
  ) {
    request.socket.setKeepAlive(true);
    request.socket.setNoDelay(true);
    request.socket.setTimeout(0);
    response.writeHead(200, {
      'Content-Type': 'text/event-stream',
      Connection: 'keep-alive',
      'Cache-Control': 'private, no-cache, no-store, must-revalidate, max-age=0, no-transform',
      Pragma: 'no-cache',
      Expires: '0',
      // Proxies (nginx in docker-compose) must pass each frame on at once.
      'X-Accel-Buffering': 'no',
    });
    response.flushHeaders();
    response.write('\n');
    const close = () => this.close();
    request.on('close', close);
    response.on('close', close);
    response.on('error', close);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  onClose(handler: () => void): void {
    if (this.closed) handler();
    else this.closeHandlers.push(handler);
  }

  send(frame: string): void {
    if (this.closed) return;
    this.pending.push(frame);
    this.flushTimer ??= setTimeout(() => this.flush(), SseConnection.FLUSH_DELAY_MS);
  }

  /** Sends what is pending and ends the response (the client reconnects when it should). */
  end(): void {
    if (this.closed) return;
    this.flush();
    this.response.end();
    this.close();
  }

  private flush(): void {
    this.flushTimer = undefined;
    if (this.closed || this.pending.length === 0) return;
    const chunk = this.pending.length === 1 ? this.pending[0] : this.pending.join('');
    this.pending = [];
    this.response.write(chunk);
    if (this.response.writableLength > SseConnection.MAX_BUFFERED_BYTES) this.end();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.pending = [];
    for (const handler of this.closeHandlers.splice(0)) handler();
  }
}

/** `event: <type>` and `data: <json>` lines (the data is one line: JSON has no raw newlines). */
export function sseFrame(type: string, data: unknown): string {
  return `event: ${type}\ndata: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
}

/** Sent every 20 s so proxies and browsers do not close an idle stream. */
export const KEEPALIVE_FRAME = sseFrame('keepalive', '');
export const KEEPALIVE_MS = 20_000;
