import type { StaffStatusRow, StaffStatusSource } from '../accounts/staff-user.repository';
import { StaffStatusCache } from './staff-status.cache';

/** A DataSource whose query answers when the test says so, counting the queries. */
function fakeDataSource() {
  const pending: Array<(rows: StaffStatusRow[]) => void> = [];
  const query = jest.fn(() => new Promise<StaffStatusRow[]>((resolve) => pending.push(resolve)));
  const dataSource: StaffStatusSource = { query };
  return { dataSource, pending, queries: () => query.mock.calls.length };
}

describe('StaffStatusCache', () => {
  it('shares one query among concurrent lookups of an account, and keeps the answer (also "no such account")', async () => {
    const fake = fakeDataSource();
    const cache = new StaffStatusCache(fake.dataSource);
    const both = Promise.all([cache.status('a'), cache.status('a')]);
    await Promise.resolve();
    expect(fake.queries()).toBe(1);
    fake.pending[0]?.([{ active: true, role: 'caseworker' }]);
    expect(await both).toEqual([
      { active: true, role: 'caseworker' },
      { active: true, role: 'caseworker' },
    ]);
    expect(await cache.status('a')).toEqual({ active: true, role: 'caseworker' });
    const unknown = cache.status('nobody');
    await Promise.resolve();
    fake.pending[1]?.([]);
    expect(await unknown).toBeNull();
    expect(await cache.status('nobody')).toBeNull();
    expect(fake.queries()).toBe(2);
  });

  it('asks again after forget(), also when forget() comes while a lookup is running', async () => {
    const fake = fakeDataSource();
    const cache = new StaffStatusCache(fake.dataSource);
    const waiting = cache.status('a');
    await Promise.resolve();
    cache.forget('a'); // the account was deactivated while its old status was being read
    await new Promise((resolve) => setImmediate(resolve));
    expect(fake.queries()).toBe(2);
    fake.pending[0]?.([{ active: true, role: 'admin' }]);
    fake.pending[1]?.([{ active: false, role: 'admin' }]);
    expect(await waiting).toEqual({ active: false, role: 'admin' });
    expect(await cache.status('a')).toEqual({ active: false, role: 'admin' });
    expect(fake.queries()).toBe(2);
  });
});
