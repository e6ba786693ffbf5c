import { getDataSourceToken } from '@nestjs/typeorm';
import { Pool, PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { intakeResponseSchema } from '@sg/contracts/schemas';
import { bodyOf, FaultStack, intakeFixture, rowsOf, startFaultStack } from '../testing';
import { present } from '@sg/domain';

async function eventually<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Fault: a PostgreSQL restart ends every connection with 57P01. A pg client checked out of a
 * pool at that moment (held between two statements) emits 'error'; with no listener that is an
 * uncaught exception, which ended the worker (and under `npm start` the API and web with it).
 * This spec runs its own PostgreSQL so that it can restart it, and its own redis-server for the
 * queues (the topology the fault was found on; on the PostgreSQL queue backend BullMQ 6.7.0's
 * own reconnecting is a separate matter).
 */
describe('a PostgreSQL restart (fault test, own throwaway PostgreSQL and redis-server)', () => {
  let stack: FaultStack | undefined;
  afterAll(() => stack?.stop(), 30_000);

  it('neither the worker nor the API crashes on connections held across it, and both work again after', async () => {
    stack ??= await startFaultStack({ ownPostgres: true });
    // Skipped, saying so (and failing in CI, where startFaultStack throws without redis-server).
    if (!stack) return console.warn('PostgreSQL restart fault test skipped: redis-server is not installed');
    const { api, db, postgres: pg, worker } = stack;
    if (!pg || !worker) throw new Error('startFaultStack gave no own PostgreSQL or no worker');

    // Connections held between two statements, as any transaction holds one, in both processes' pools.
    const held: PoolClient[] = [];
    for (const app of [worker, api.app]) {
      const driver = app.get<DataSource>(getDataSourceToken()).driver;
      const pool: unknown = driver instanceof PostgresDriver ? driver.master : undefined;
      if (!(pool instanceof Pool)) throw new Error('The app does not run on node-postgres');
      const client = await pool.connect();
      await client.query('SELECT 1');
      held.push(client);
    }

    await pg.restart();
    // The 57P01 reaches the held connections as the server shuts down; let the events arrive.
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const client of held) client.release(true);

    // Still alive, and serving again on fresh connections.
    const intake = await eventually(async () => {
      const response = await api.request('POST', '/api/intakes', { body: intakeFixture() });
      return response.status === 201 ? response : undefined;
    }, 'an intake to be accepted after the restart');
    const testDb = db;
    const [found] = await eventually(
      () => rowsOf<{ id: string }>(testDb.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [bodyOf(intake, intakeResponseSchema).reference]),
      'the test connection to come back',
    );
    const caseId = present(found, 'the case of the intake').id;
    // The worker still fires follow-ups: one due now, given its job by the sweep.
    await testDb.dataSource.query(
      `INSERT INTO follow_up (case_id, kind, subject_type, subject_id, dedupe_key, audience, due_at)
       VALUES ($1, 'wellbeing_check', 'case', $1, 'after-restart', 'supervisors', now())`,
      [caseId],
    );
    await eventually(
      async () => (await rowsOf<unknown>(testDb.dataSource, `SELECT 1 FROM follow_up WHERE dedupe_key = 'after-restart' AND status = 'fired'`)).length > 0,
      'the worker to fire a follow-up after the restart',
      30_000,
    );
  }, 60_000);

  it('answers 503 with Retry-After while PostgreSQL is down (nothing saved), and 201 again once it is back', async () => {
    // Its own stack when run alone (-t), the first test's otherwise.
    stack ??= await startFaultStack({ ownPostgres: true });
    if (!stack) return console.warn('PostgreSQL outage test skipped: redis-server is not installed');
    const { api, postgres: pg } = stack;
    if (!pg) throw new Error('startFaultStack gave no own PostgreSQL');
    await pg.pause();
    try {
      const refused = await api.request('POST', '/api/intakes', { body: intakeFixture() });
      expect({ status: refused.status, retryAfter: refused.headers.get('retry-after') }).toEqual({ status: 503, retryAfter: '5' });
      expect(JSON.stringify(refused.body)).toContain('Nothing was saved');
    } finally {
      await pg.resume();
    }
    const accepted = await eventually(async () => {
      const response = await api.request('POST', '/api/intakes', { body: intakeFixture() });
      return response.status === 201 ? response : undefined;
    }, 'an intake to be accepted once PostgreSQL is back');
    expect(accepted.status).toBe(201);
  }, 60_000);
});
