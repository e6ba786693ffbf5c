import { healthResponseSchema, intakeResponseSchema } from '@sg/contracts/schemas';
import { bodyOf, FaultStack, intakeFixture, rowsOf, startFaultStack } from '../testing';
import { present } from '@sg/domain';

async function eventually<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Fault: Redis loses its data (a restart without persistence, a flush, a failover to an empty
 * replica). The sweep and the heartbeat are repeating jobs; they went with the data and came
 * back only when a worker restarted, so no follow-up fired in the meantime, and health said ok.
 * Runs its own redis-server, so that it can flush it.
 */
describe('Redis loses its data (fault test, own throwaway redis-server)', () => {
  let stack: FaultStack | undefined;
  afterAll(() => stack?.stop(), 30_000);

  it('health says so at once, the schedules come back by themselves, and follow-ups fire again', async () => {
    stack = await startFaultStack();
    // Skipped, saying so (and failing in CI, where startFaultStack throws without redis-server).
    if (!stack) return console.warn('Redis data-loss fault test skipped: redis-server is not installed');
    const { redis, db, api: started } = stack;
    const health = async () => bodyOf(await started.request('GET', '/api/health'), healthResponseSchema);
    await eventually(async () => (await health()).details.workers.attention === false, 'health to see the worker beat and sweep', 20_000);
    // A case, planned by the worker before the loss (so no later plan of it touches the row below).
    const intake = await started.request('POST', '/api/intakes', { body: intakeFixture() });
    const testDb = db;
    const [found] = await rowsOf<{ id: string }>(testDb.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [
      bodyOf(intake, intakeResponseSchema).reference,
    ]);
    const caseId = present(found, 'the case of the intake').id;
    await eventually(
      async () => (await rowsOf<unknown>(testDb.dataSource, `SELECT 1 FROM follow_up WHERE case_id = $1`, [caseId])).length > 0,
      'the case to be planned',
      20_000,
    );

    await redis.flush();
    // Nothing the worker does on a schedule will happen now: health must not say all is well.
    const afterLoss = await health();
    expect(afterLoss.status).toBe('ok'); // a warning, not a 503: the API serves
    expect(afterLoss.details.workers).toMatchObject({ attention: true, sweep: { scheduled: false } });

    // A follow-up due now whose job was never added: only the sweep can give it one.
    await testDb.dataSource.query(
      `INSERT INTO follow_up (case_id, kind, subject_type, subject_id, dedupe_key, audience, due_at)
       VALUES ($1, 'wellbeing_check', 'case', $1, 'after-flush', 'supervisors', now())`,
      [caseId],
    );
    await eventually(
      async () => (await rowsOf<unknown>(testDb.dataSource, `SELECT 1 FROM follow_up WHERE dedupe_key = 'after-flush' AND status = 'fired'`)).length > 0,
      'the follow-up to fire without restarting the worker',
      40_000,
    );
    await eventually(async () => (await health()).details.workers.attention === false, 'health to see the schedules back', 10_000);
  }, 90_000);
});
