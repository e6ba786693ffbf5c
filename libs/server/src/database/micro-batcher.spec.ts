import { MicroBatcher } from './micro-batcher';

/** A run that records its batches and answers when the test says so. */
function recordingRun() {
  const batches: string[][] = [];
  const pending: Array<{ requests: readonly string[]; answer: () => void; fail: (error: Error) => void }> = [];
  const run = (requests: readonly string[]) => {
    batches.push([...requests]);
    return new Promise<string[]>((resolve, reject) => {
      pending.push({ requests, answer: () => resolve(requests.map((r) => `done ${r}`)), fail: reject });
    });
  };
  return { batches, pending, run };
}
/** Lets the batcher's queued flush (a setImmediate after promise callbacks) happen. */
const turn = async () => {
  for (let i = 0; i < 3; i += 1) await new Promise((resolve) => setImmediate(resolve));
};

describe('MicroBatcher', () => {
  it('runs a lone request at once, and gathers what comes while the runs are busy into one batch', async () => {
    const { batches, pending, run } = recordingRun();
    const batcher = new MicroBatcher(run, { maxBatch: 10, maxInFlight: 1, keyOf: (r: string) => r });
    const first = batcher.submit('a');
    await turn();
    expect(batches).toEqual([['a']]);
    const later = ['b', 'c', 'd'].map((r) => batcher.submit(r));
    await turn();
    expect(batches).toEqual([['a']]); // the one slot is busy: they wait together
    pending[0]?.answer();
    expect(await first).toBe('done a');
    await turn();
    expect(batches).toEqual([['a'], ['b', 'c', 'd']]);
    pending[1]?.answer();
    expect(await Promise.all(later)).toEqual(['done b', 'done c', 'done d']);
  });

  it('without keyOf, requests alike share a run (the live announcements send the same payload twice in one statement)', async () => {
    const { batches, pending, run } = recordingRun();
    const batcher = new MicroBatcher(run, { maxBatch: 10, maxInFlight: 1 });
    const first = batcher.submit('a');
    await turn();
    const later = ['a', 'a'].map((r) => batcher.submit(r));
    pending[0]?.answer();
    await first;
    await turn();
    expect(batches).toEqual([['a'], ['a', 'a']]);
    pending[1]?.answer();
    expect(await Promise.all(later)).toEqual(['done a', 'done a']);
  });

  it('takes at most maxBatch a run, and never two requests with one key in the same run', async () => {
    const { batches, pending, run } = recordingRun();
    const batcher = new MicroBatcher(run, { maxBatch: 2, maxInFlight: 1, keyOf: (r: string) => r.split(':')[0] ?? r });
    const all = ['x:1', 'x:2', 'y:1', 'z:1'].map((r) => batcher.submit(r));
    await turn();
    expect(batches).toEqual([['x:1', 'y:1']]);
    pending[0]?.answer();
    await turn();
    expect(batches).toEqual([
      ['x:1', 'y:1'],
      ['x:2', 'z:1'],
    ]);
    pending[1]?.answer();
    expect(await Promise.all(all)).toEqual(['done x:1', 'done x:2', 'done y:1', 'done z:1']);
  });

  it('runs up to maxInFlight batches at once', async () => {
    const { batches, pending, run } = recordingRun();
    const batcher = new MicroBatcher(run, { maxBatch: 10, maxInFlight: 2, keyOf: (r: string) => r });
    void batcher.submit('a');
    await turn();
    void batcher.submit('b');
    await turn();
    void batcher.submit('c');
    await turn();
    expect(batches).toEqual([['a'], ['b']]);
    pending[0]?.answer();
    await turn();
    expect(batches).toEqual([['a'], ['b'], ['c']]);
  });

  it('when a batch fails, runs each of its requests on its own, so each gets its own outcome', async () => {
    const runs: string[][] = [];
    const run = (requests: readonly string[]) => {
      runs.push([...requests]);
      if (requests.includes('poison')) return Promise.reject(new Error(`failed: ${requests.join(',')}`));
      return Promise.resolve(requests.map((r) => `done ${r}`));
    };
    const batcher = new MicroBatcher(run, { maxBatch: 10, maxInFlight: 1, keyOf: (r: string) => r });
    const outcomes = await Promise.allSettled(['a', 'poison', 'b'].map((r) => batcher.submit(r)));
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 'done a' },
      { status: 'rejected', reason: new Error('failed: poison') },
      { status: 'fulfilled', value: 'done b' },
    ]);
    expect(runs).toEqual([['a', 'poison', 'b'], ['a'], ['poison'], ['b']]);
  });

  it("fails a lone request with its run's error, once", async () => {
    let calls = 0;
    const batcher = new MicroBatcher(
      () => {
        calls += 1;
        return Promise.reject(new Error('database away'));
      },
      { maxBatch: 10, maxInFlight: 1, keyOf: (r: string) => r },
    );
    await expect(batcher.submit('a')).rejects.toThrow('database away');
    expect(calls).toBe(1);
  });

  it('refuses a run that does not answer one result per request', async () => {
    const batcher = new MicroBatcher(() => Promise.resolve(['only one']), { maxBatch: 10, maxInFlight: 1, keyOf: (r: string) => r });
    const outcomes = await Promise.allSettled([batcher.submit('a'), batcher.submit('b')]);
    // The pair fails as a batch, then each alone gets its one result.
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 'only one' },
      { status: 'fulfilled', value: 'only one' },
    ]);
    await expect(new MicroBatcher(() => Promise.resolve([]), { maxBatch: 10, maxInFlight: 1, keyOf: (r: string) => r }).submit('a')).rejects.toThrow(
      /answered 0 results/,
    );
  });
});
