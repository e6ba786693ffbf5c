import { intakeResponseSchema } from '@sg/contracts/schemas';
import { itemAt } from '@sg/domain';
import { bodyOf, FaultStack, firstRowOf, intakeFixture, rowsOf, startFaultStack } from '../testing';

async function eventually<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Rejects if `work` has not settled within `ms`. */
function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} got no answer within ${ms} ms`)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Fault: with Redis down, a claim got no answer for 40 s although it was saved at once: the
 * request waited for its follow-up jobs to be queued. Runs its own redis-server, so that it can
 * stop it.
 */
describe('Redis down during staff work (fault test, own throwaway redis-server)', () => {
  let stack: FaultStack | undefined;
  afterAll(() => stack?.stop(), 30_000);

  it('a claim answers promptly, and its follow-ups are queued once Redis is back', async () => {
    stack = await startFaultStack({ startWorker: false });
    // Skipped, saying so (and failing in CI, where startFaultStack throws without redis-server).
    if (!stack) return console.warn('Redis outage fault test skipped: redis-server is not installed');
    const { redis: server, db: testDb, api: started } = stack;
    const token = await started.tokenFor('caseworker');
    const intake = await started.request('POST', '/api/intakes', { body: intakeFixture() });
    expect(intake.status).toBe(201);
    const { id: caseId } = await firstRowOf<{ id: string }>(testDb.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [
      bodyOf(intake, intakeResponseSchema).reference,
    ]);

    await server.stop();
    const claim = await within(5_000, 'the claim', started.request('POST', `/api/cases/${caseId}/claim`, { token }));
    expect(claim.status).toBe(200);
    const [stored] = await rowsOf<{ status: string }>(testDb.dataSource, `SELECT status FROM support_case WHERE id = $1`, [caseId]);
    expect(stored?.status).toBe('in_progress');
    // Planned with the claim, in its transaction; their jobs could not be queued.
    const planned = await rowsOf<{ id: string }>(
      testDb.dataSource,
      `SELECT id FROM follow_up WHERE case_id = $1 AND status = 'scheduled' AND enqueued_revision IS DISTINCT FROM revision`,
      [caseId],
    );
    expect(planned.length).toBeGreaterThan(0);

    // Redis comes back, empty. One of those follow-ups falls due: the worker's sweep queues it and it fires.
    await server.start();
    await stack.startWorker();
    // Brought forward as a replan would: a new revision, so the job the API may have queued for the
    // old due time (its pending add completes once Redis answers) is superseded and the sweep queues
    // this one. Changing due_at alone raced that add, and the follow-up then waited for its old time.
    await testDb.dataSource.query(`UPDATE follow_up SET due_at = now(), revision = revision + 1 WHERE id = $1`, [itemAt(planned, 0, 'planned follow-up').id]);
    await eventually(
      async () =>
        (await rowsOf<unknown>(testDb.dataSource, `SELECT 1 FROM follow_up WHERE id = $1 AND status = 'fired'`, [itemAt(planned, 0, 'planned follow-up').id]))
          .length > 0,
      'the follow-up planned during the outage to fire',
      // A liveness bound, not a speed target: a new worker's first sweep runs within its 15 s
      // interval, and on a loaded 2-core machine starting that worker takes a while too.
      60_000,
    );
  }, 120_000);
});
