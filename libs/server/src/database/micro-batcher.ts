import { itemAt } from '@sg/domain';

/*
 * Several requests per statement, each answered on its own. Framework-free, so its rules are
 * unit-tested apart from the database (micro-batcher.spec.ts).
 */

export interface MicroBatcherOptions<Request> {
  /** The most requests one run takes. */
  maxBatch: number;
  /** The most runs at once; requests that come meanwhile wait and go together in the next. */
  maxInFlight: number;
  /** Requests with the same key never share a run (the later waits for the next); without it any may. */
  keyOf?: (request: Request) => string;
}

interface Waiting<Request, Result> {
  request: Request;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/**
 * Hands requests to `run` in batches, as a database groups commits: while fewer than
 * `maxInFlight` runs are going, what came in this turn of the event loop runs at once (so a
 * lone request waits for nothing); once they are all busy, requests gather and the next free
 * slot takes up to `maxBatch` of them. So the batches grow with the load and no timer adds
 * latency when it is light.
 *
 * `run` answers one result per request, in order. When it fails for a batch of several, each
 * request is run again on its own, so one request's failure is its own and not its
 * neighbours' (and a request that fails every time cannot hold others back); a lone request's
 * failure is its own already.
 */
export class MicroBatcher<Request, Result> {
  private waiting: Array<Waiting<Request, Result>> = [];
  private inFlight = 0;
  private flushQueued = false;

  constructor(
    private readonly run: (requests: readonly Request[]) => Promise<readonly Result[]>,
    private readonly options: MicroBatcherOptions<Request>,
  ) {
    if (options.maxBatch < 1 || options.maxInFlight < 1) throw new Error('maxBatch and maxInFlight must be at least 1');
  }

  submit(request: Request): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      this.queueFlush();
    });
  }

  private queueFlush(): void {
    if (this.flushQueued || this.inFlight >= this.options.maxInFlight || !this.waiting.length) return;
    this.flushQueued = true;
    // Requests handed over in this same turn of the event loop go together.
    setImmediate(() => {
      this.flushQueued = false;
      this.flush();
    });
  }

  private flush(): void {
    while (this.inFlight < this.options.maxInFlight && this.waiting.length) {
      const batch = this.take();
      this.inFlight += 1;
      void this.runBatch(batch).finally(() => {
        this.inFlight -= 1;
        this.queueFlush();
      });
    }
  }

  /** Up to maxBatch waiting requests, oldest first, no two with one key; the rest keep their places. */
  private take(): Array<Waiting<Request, Result>> {
    const batch: Array<Waiting<Request, Result>> = [];
    const keys = new Set<string>();
    const left: Array<Waiting<Request, Result>> = [];
    for (const entry of this.waiting) {
      const key = this.options.keyOf?.(entry.request);
      if (batch.length < this.options.maxBatch && (key === undefined || !keys.has(key))) {
        if (key !== undefined) keys.add(key);
        batch.push(entry);
      } else {
        left.push(entry);
      }
    }
    this.waiting = left;
    return batch;
  }

  private async runBatch(batch: ReadonlyArray<Waiting<Request, Result>>): Promise<void> {
    try {
      const results = await this.runChecked(batch.map((entry) => entry.request));
      batch.forEach((entry, i) => entry.resolve(itemAt(results, i, 'the batch results')));
    } catch (error) {
      const [only] = batch;
      if (only && batch.length === 1) {
        only.reject(error);
        return;
      }
      await Promise.all(
        batch.map(async (entry) => {
          try {
            entry.resolve(itemAt(await this.runChecked([entry.request]), 0, 'the result of a job run alone'));
          } catch (own) {
            entry.reject(own);
          }
        }),
      );
    }
  }

  private async runChecked(requests: readonly Request[]): Promise<readonly Result[]> {
    const results = await this.run(requests);
    if (results.length !== requests.length) throw new Error(`A batch of ${requests.length} answered ${results.length} results`);
    return results;
  }
}
