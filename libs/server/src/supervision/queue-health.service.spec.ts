import { CaseChangeEvent } from '@sg/contracts';
import { Subject } from 'rxjs';
import { DataSource } from 'typeorm';
import { CaseEventsService } from '../events/case-events.service';
import { unitConfig } from '../testing/unit-config';
import { QueueHealthService } from './queue-health.service';

/** The real service, never connected: it emits nothing. */
const noEvents = new CaseEventsService(unitConfig());

/** A real DataSource, never connected, whose queries answer from `answer`. */
function answering(answer: (sql: string) => Promise<unknown[]>): DataSource {
  const dataSource = new DataSource({ type: 'postgres' });
  jest.spyOn(dataSource, 'query').mockImplementation(answer);
  return dataSource;
}

/** The real service, never connected, emitting `changes` as if they came from PostgreSQL. */
function eventsFrom(changes: Subject<CaseChangeEvent>): CaseEventsService {
  const events = new CaseEventsService(unitConfig());
  jest.spyOn(events, 'changes$', 'get').mockReturnValue(changes);
  return events;
}

/** The sharing rule only; the numbers themselves are checked against PostgreSQL in cases.int.spec. */
describe('QueueHealthService sharing', () => {
  function serviceWith(cacheMs: number) {
    let queries = 0;
    const dataSource = answering(async (sql: string) => {
      queries += 1;
      await new Promise((r) => setTimeout(r, 5));
      return sql.includes('count(*)::int AS count FROM') ? [{ count: 0 }] : [];
    });
    const service = new QueueHealthService(dataSource, unitConfig({ queueHealthCacheMs: cacheMs }), noEvents);
    return { service, queries: () => queries };
  }

  it('runs one computation for many simultaneous callers', async () => {
    const { service, queries } = serviceWith(2000);
    const results = await Promise.all(Array.from({ length: 20 }, () => service.health()));
    expect(queries()).toBe(5);
    expect(new Set(results.map((r) => r.generatedAt)).size).toBe(1);
  });

  it('recomputes every time when sharing is off', async () => {
    const { service, queries } = serviceWith(0);
    await service.health();
    await service.health();
    expect(queries()).toBe(10);
  });
});

describe('QueueHealthService refresh', () => {
  afterEach(() => jest.useRealTimers());

  it('answers from the previous result while a refresh runs, then from the new one', async () => {
    // The clock is moved by hand: a real 15 ms sleep overslept past "recent enough" on a loaded
    // CI machine, and the call then waited for the refresh this test holds (a 30 s timeout).
    jest.useFakeTimers({ doNotFake: ['setTimeout', 'setImmediate', 'nextTick', 'queueMicrotask'] });
    const waiting: Array<() => void> = [];
    const release = () => waiting.splice(0).forEach((resolve) => resolve());
    let slow = false;
    const dataSource = answering(async (sql: string) => {
      if (slow) await new Promise<void>((resolve) => waiting.push(resolve));
      return sql.includes('count(*)::int AS count FROM') ? [{ count: 0 }] : [];
    });
    const service = new QueueHealthService(dataSource, unitConfig({ queueHealthCacheMs: 10 }), noEvents);
    const first = await service.health();
    jest.setSystemTime(Date.now() + 15);
    slow = true;
    const during = await service.health();
    expect(during.generatedAt).toBe(first.generatedAt);
    slow = false;
    release();
    await new Promise((r) => setTimeout(r, 5));
    expect((await service.health()).generatedAt).not.toBe(first.generatedAt);
  });
});

describe('QueueHealthService when a refresh fails', () => {
  afterEach(() => jest.useRealTimers());

  it('keeps answering from the previous result while it is recent enough, then says the database failed', async () => {
    jest.useFakeTimers({ doNotFake: ['setTimeout', 'setImmediate', 'nextTick', 'queueMicrotask'] });
    let down = false;
    const dataSource = answering((sql: string) =>
      down ? Promise.reject(new Error('database down')) : Promise.resolve(sql.includes('count(*)::int AS count FROM') ? [{ count: 0 }] : []),
    );
    const service = new QueueHealthService(dataSource, unitConfig({ queueHealthCacheMs: 1000 }), noEvents);
    const first = await service.health();
    down = true;
    jest.setSystemTime(Date.now() + 1500);
    expect((await service.health()).generatedAt).toBe(first.generatedAt);
    await new Promise((r) => setImmediate(r)); // the refresh behind it has failed
    expect((await service.health()).generatedAt).toBe(first.generatedAt);
    jest.setSystemTime(Date.now() + 4000);
    await expect(service.health()).rejects.toThrow('database down');
  });
});

describe('QueueHealthService after a case change', () => {
  function counting() {
    let computations = 0;
    let unassignedPastTarget = 1;
    const waiting: Array<() => void> = [];
    let slow = false;
    const dataSource = answering(async (sql: string) => {
      if (sql.includes('ORDER BY priority_rank, first_response_due_at LIMIT 50')) {
        computations += 1;
        if (slow) await new Promise<void>((resolve) => waiting.push(resolve));
      }
      if (sql.includes('count(*)::int AS count FROM support_case')) return [{ count: unassignedPastTarget }];
      return sql.includes('count(*)::int AS count FROM') ? [{ count: 0 }] : [];
    });
    const changes = new Subject<CaseChangeEvent>();
    const service = new QueueHealthService(dataSource, unitConfig({ queueHealthCacheMs: 60_000 }), eventsFrom(changes));
    const change = (): void =>
      changes.next({ type: 'case.assigned', caseId: 'c', reference: 'SG-AAAA-BBBB', priority: 'urgent', status: 'in_progress', assigneeId: 's', at: '' });
    return {
      service,
      change,
      computations: () => computations,
      setPastTarget: (n: number) => (unassignedPastTarget = n),
      slow: (on: boolean) => (slow = on),
      release: () => waiting.splice(0).forEach((resolve) => resolve()),
    };
  }

  it('serves a change at once instead of the shared result, however long the cache', async () => {
    const { service, change, computations, setPastTarget } = counting();
    expect((await service.health()).unassignedPastTarget.count).toBe(1);
    expect((await service.health()).unassignedPastTarget.count).toBe(1);
    expect(computations()).toBe(1);
    setPastTarget(0);
    change();
    expect((await service.health()).unassignedPastTarget.count).toBe(0);
    expect(computations()).toBe(2);
  });

  it('does not answer with a computation that started before the change', async () => {
    const { service, change, setPastTarget, slow, release } = counting();
    await service.health();
    change();
    slow(true);
    const during = service.health();
    await new Promise((r) => setTimeout(r, 5));
    // The assignment commits while the recount is running.
    setPastTarget(0);
    change();
    const after = service.health();
    slow(false);
    release();
    expect((await during).unassignedPastTarget.count).toBe(1);
    expect((await after).unassignedPastTarget.count).toBe(0);
  });
});
