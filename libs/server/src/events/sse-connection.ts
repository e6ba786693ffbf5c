import { performance } from 'node:perf_hooks';

/** What a stream listens to on its request and response: either one closing ends the stream. */
interface Closing {
  on(event: 'close' | 'error', listener: () => void): unknown;
}

/** What a stream needs of its request (an express Request or Node's IncomingMessage has it): the socket's settings. */
export interface SseRequest extends Closing {
  readonly socket: { setKeepAlive(enable: boolean): unknown; setNoDelay(noDelay: boolean): unknown; setTimeout(ms: number): unknown };
}

/** What a stream writes with (an express Response or Node's ServerResponse has it). */
export interface SseResponse extends Closing {
  readonly writableLength: number;
  writeHead(status: number, headers: Record<string, string>): unknown;
  flushHeaders(): void;
  write(chunk: string | Buffer): boolean;
  cork(): void;
  uncork(): void;
  end(): unknown;
}

/**
 * One server-sent events response, written to the socket by us rather than through Nest's
 * `@Sse()`. Why: a supervisor's stream hears every case's events, so one busy minute means
 * thousands of events times every open dashboard. Nest serialises each event once per stream
 * and writes each with its own socket write; here a frame is serialised once for every stream
 * (see `sseFrame` and `liveFrameFor`), the frames a stream gathers between two flushes go out
 * as one write, and streams that gathered the same frames write the same bytes (see `SseFlusher`).
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
  private closed = false;
  private readonly closeHandlers: Array<() => void> = [];

  constructor(
    request: SseRequest,
    private readonly response: SseResponse,
    private readonly flusher: SseFlusher = SseFlusher.shared,
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
    if (this.pending.length === 1) this.flusher.schedule(this);
  }

  /** Sends what is pending and ends the response (the client reconnects when it should). */
  end(): void {
    if (this.closed) return;
    this.flusher.cancel(this);
    this.flush(new SharedChunks());
    this.response.end();
    this.close();
  }

  /** Writes what is pending as one chunk; `chunks` hands the same bytes to streams with the same frames. */
  flush(chunks: SharedChunks): void {
    if (this.closed || this.pending.length === 0) return;
    const chunk = chunks.for(this.pending);
    this.pending = [];
    // Corked around the write, the socket write happens here rather than on the next tick (as Node
    // does for a lone write): the flush pass then measures what its writes really cost.
    this.response.cork();
    this.response.write(chunk);
    this.response.uncork();
    if (this.response.writableLength > SseConnection.MAX_BUFFERED_BYTES) this.end();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.flusher.cancel(this);
    this.pending = [];
    for (const handler of this.closeHandlers.splice(0)) handler();
  }
}

/**
 * The bytes of one flush, by the frames they hold: a supervisor's dashboards (and everyone who may
 * open the same cases) gathered the same frame strings in the same order, so their chunk is joined
 * and encoded once and the same Buffer is written to each socket. Lists are compared frame by frame
 * (the frames of one change are one string, `liveFrameFor`): two streams share bytes only when every
 * frame of theirs is the same, so no stream is sent a frame it did not gather itself.
 */
export class SharedChunks {
  private readonly byFirstFrame = new Map<string, Array<{ frames: readonly string[]; bytes: Buffer }>>();

  for(frames: readonly string[]): Buffer {
    const first = frames[0] ?? '';
    let candidates = this.byFirstFrame.get(first);
    if (!candidates) this.byFirstFrame.set(first, (candidates = []));
    const same = candidates.find((candidate) => sameFrames(candidate.frames, frames));
    if (same) return same.bytes;
    const bytes = Buffer.from(frames.length === 1 ? first : frames.join(''), 'utf8');
    candidates.push({ frames, bytes });
    return bytes;
  }
}

function sameFrames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * One flush for all of this process's streams, on one timer: every stream with something pending
 * writes it in the same pass. Under load the writes themselves are the cost (200 dashboards are 200
 * socket writes per pass), so the pass keeps them to about a tenth of the process's time: after a
 * pass that took `d` ms the next comes no sooner than 9·d ms, never sooner than FLUSH_DELAY_MS and
 * never later than MAX_FLUSH_DELAY_MS (quiet: 25 ms, as before; 200 streams under an intake burst:
 * fewer, larger writes, each frame still out within a quarter of a second).
 */
export class SseFlusher {
  static readonly shared = new SseFlusher();
  /** The longest a gathered frame waits for its write, however busy the process is. */
  static readonly MAX_FLUSH_DELAY_MS = 250;
  /** Writing may take this share of the time between two passes at most: 1 / (1 + 9). */
  private static readonly QUIET_FACTOR = 9;

  private readonly waiting = new Set<SseConnection>();
  private timer: NodeJS.Timeout | undefined;
  private delayMs: number = SseConnection.FLUSH_DELAY_MS;

  /** `now`: a millisecond clock (replaceable in tests). */
  constructor(private readonly now: () => number = () => performance.now()) {}

  /** How long the next pass waits after the first frame is gathered. */
  get nextDelayMs(): number {
    return this.delayMs;
  }

  schedule(connection: SseConnection): void {
    this.waiting.add(connection);
    this.timer ??= setTimeout(() => this.flushAll(), this.delayMs);
  }

  cancel(connection: SseConnection): void {
    this.waiting.delete(connection);
  }

  flushAll(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const started = this.now();
    const connections = [...this.waiting];
    this.waiting.clear();
    const chunks = new SharedChunks();
    for (const connection of connections) connection.flush(chunks);
    const took = this.now() - started;
    this.delayMs = Math.min(SseFlusher.MAX_FLUSH_DELAY_MS, Math.max(SseConnection.FLUSH_DELAY_MS, took * SseFlusher.QUIET_FACTOR));
  }
}

/** `event: <type>` and `data: <json>` lines (the data is one line: JSON has no raw newlines). */
export function sseFrame(type: string, data: unknown): string {
  return `event: ${type}\ndata: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
}

/** Sent every 20 s so proxies and browsers do not close an idle stream. */
export const KEEPALIVE_FRAME = sseFrame('keepalive', '');
export const KEEPALIVE_MS = 20_000;
