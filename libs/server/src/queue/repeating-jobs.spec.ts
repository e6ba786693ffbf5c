import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { settledWithin } from './bounded-wait';
import { RepeatingJob, RepeatingJobs } from './repeating-jobs';

/** A queue that knows only which schedulers exist; enough for the keeper. */
function fakeQueue(existing: string[], answer: () => Promise<void> = () => Promise.resolve()) {
  const schedulers = new Set(existing);
  const upserted: string[] = [];
  const queue = {
    name: 'q',
    getJobScheduler: async (id: string) => {
      await answer();
      return schedulers.has(id) ? { key: id, name: id } : undefined;
    },
    upsertJobScheduler: (id: string) => {
      upserted.push(id);
      schedulers.add(id);
      return Promise.resolve();
    },
  };
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- a fake Queue with the three members the keeper uses (name, getJobScheduler, upsertJobScheduler); a real one needs a backend.
  return { queue: queue as unknown as Queue, upserted, schedulers };
}

class Keeper extends RepeatingJobs {
  protected readonly logger = new Logger('test');
  constructor(private readonly jobs: RepeatingJob[]) {
    super();
    this.logger.warn = () => undefined;
  }
  protected repeatingJobs(): RepeatingJob[] {
    return this.jobs;
  }
}

describe('RepeatingJobs', () => {
  it('adds back only the schedules that are gone', async () => {
    const { queue, upserted } = fakeQueue(['heartbeat']);
    const keeper = new Keeper(['heartbeat', 'sweep'].map((name) => ({ queue, name, every: 1000, data: () => ({}) })));
    expect(await keeper.restoreMissing()).toBe(1);
    expect(upserted).toEqual(['sweep']);
    expect(await keeper.restoreMissing()).toBe(0);
  });

  it('runs one check at a time while the backend does not answer, and never throws', async () => {
    let release: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const { queue } = fakeQueue([], () => slow);
    const keeper = new Keeper([{ queue, name: 'sweep', every: 1000, data: () => ({}) }]);
    const first = keeper.restoreMissing();
    expect(await keeper.restoreMissing()).toBe(0); // skipped: the first is still waiting
    release();
    expect(await first).toBe(1);

    // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- a fake Queue whose backend is down, as above.
    const broken = { name: 'q', getJobScheduler: () => Promise.reject(new Error('down')) } as unknown as Queue;
    await expect(new Keeper([{ queue: broken, name: 'sweep', every: 1000, data: () => ({}) }]).restoreMissing()).resolves.toBe(0);
  });
});

describe('RepeatingJobs at start-up', () => {
  /** Two workers starting together: the other one created this schedule's next run a moment before this one's upsert. */
  function racedQueue(schedulerExistsAfter: boolean) {
    const queue = {
      name: 'q',
      getJobScheduler: (id: string) => Promise.resolve(schedulerExistsAfter ? { key: id, name: id } : undefined),
      upsertJobScheduler: () => Promise.reject(new Error('Cannot create job scheduler iteration - job ID already exists. addJobScheduler')),
    };
    // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- a fake Queue with the three members the keeper uses, as above.
    return queue as unknown as Queue;
  }

  it('starts when another worker scheduled the same job at the same moment', async () => {
    const keeper = new Keeper([{ queue: racedQueue(true), name: 'sweep', every: 1000, data: () => ({}) }]);
    await expect(keeper.onApplicationBootstrap()).resolves.toBeUndefined();
    keeper.onModuleDestroy();
  });

  it('still fails to start when the schedule could not be written and does not exist', async () => {
    const keeper = new Keeper([{ queue: racedQueue(false), name: 'sweep', every: 1000, data: () => ({}) }]);
    await expect(keeper.onApplicationBootstrap()).rejects.toThrow('job ID already exists');
    keeper.onModuleDestroy();
  });
});

describe('settledWithin', () => {
  it('says whether the work settled in time, without waiting for work that does not', async () => {
    expect(await settledWithin(Promise.resolve(), 50)).toBe(true);
    const started = Date.now();
    expect(await settledWithin(new Promise<void>(() => undefined), 50)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
