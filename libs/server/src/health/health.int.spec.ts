import { getQueueToken } from '@nestjs/bullmq';
import { QUEUES } from '@sg/contracts';
import { healthResponseSchema, intakeResponseSchema } from '@sg/contracts/schemas';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import * as z from 'zod';
import { AppConfig } from '../config/app-config';
import { bodyOf, createTestDatabase, firstRowOf, intakeFixture, startTestApi, startTestWorker, TestApi, TestDatabase, testConfig } from '../testing';

/** The parts of the OpenAPI document this spec reads. */
const openApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({ title: z.string() }),
  paths: z.record(z.string(), z.record(z.string(), z.looseObject({ responses: z.record(z.string(), z.unknown()) }))),
});

// startTestApi composes the API exactly as apps/api does (every feature and its global guards),
// so this also proves health stays reachable without signing in: the status page depends on it.
describe('GET /api/health (real PostgreSQL and queue backend)', () => {
  let db: TestDatabase;
  let api: TestApi;
  let config: AppConfig;

  beforeAll(async () => {
    db = await createTestDatabase();
    config = testConfig(db.url);
    api = await startTestApi(db, config);
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('serves an OpenAPI document that describes the health endpoint', async () => {
    const response = await api.request('GET', '/api/docs-json');
    expect(response.status).toBe(200);
    const document = bodyOf(response, openApiDocumentSchema);

    expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(document.info.title).toBe('Safeguard Triage API');
    expect(Object.keys(document.paths['/api/health']?.['get']?.responses ?? {})).toEqual(expect.arrayContaining(['200', '503']));
  });

  it('answers 200 with database and queue up, without signing in', async () => {
    const response = await api.request('GET', '/api/health');
    expect(response.status).toBe(200);
    const health = bodyOf(response, healthResponseSchema);
    expect(health.status).toBe('ok');
    expect(health.details.database.status).toBe('up');
    expect(health.details.queue).toMatchObject({ status: 'up', backend: 'postgres' });
  });

  it('flags follow-ups stuck past their due time as a warning, still answering 200', async () => {
    const before = bodyOf(await api.request('GET', '/api/health'), healthResponseSchema);
    expect(before.details.followUps).toMatchObject({ status: 'up', attention: false, overdue: 0, failedJobs: 0 });

    // No worker runs here: a follow-up due ten minutes ago has not fired.
    const intake = await api.request('POST', '/api/intakes', { body: intakeFixture() });
    const { reference } = bodyOf(intake, intakeResponseSchema);
    const { id: caseId } = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [reference]);
    await db.dataSource.query(
      `INSERT INTO follow_up (case_id, kind, subject_type, subject_id, dedupe_key, audience, due_at)
       VALUES ($1, 'wellbeing_check', 'case', $1, 'health-stuck', 'assignee', now() - interval '10 minutes')`,
      [caseId],
    );
    const response = await api.request('GET', '/api/health');
    expect(response.status).toBe(200);
    const health = bodyOf(response, healthResponseSchema);
    expect(health.status).toBe('ok');
    expect(health.details.followUps).toMatchObject({ status: 'up', attention: true, overdue: 1, overdueAfterMinutes: 5 });
    expect(new Date(health.details.followUps.oldestOverdueDueAt ?? 0).getTime()).toBeLessThan(Date.now() - 9 * 60_000);
  });

  it('counts follow-up jobs that failed for good', async () => {
    const worker = await startTestWorker(config);
    try {
      const queue = api.app.get<Queue>(getQueueToken(QUEUES.followUps));
      // A job no handler knows fails at once (attempts: 1).
      const job = await queue.add('not-a-follow-up-job', {}, { attempts: 1 });
      for (let i = 0; i < 100 && (await job.getState()) !== 'failed'; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
      const health = bodyOf(await api.request('GET', '/api/health'), healthResponseSchema);
      expect(health.details.followUps).toMatchObject({ attention: true, failedJobs: 1 });
    } finally {
      await worker.close();
    }
    // Starting and stopping a worker beside other suites on two cores can take a while.
  }, 60_000);

  // Last in this file: it takes the app's database connection away for good.
  it('answers 503 naming the database when the database cannot be reached', async () => {
    await api.app.get(DataSource).destroy();

    const response = await api.request('GET', '/api/health');
    expect(response.status).toBe(503);
    const health = bodyOf(response, healthResponseSchema);

    expect(health.status).toBe('error');
    expect(health.error?.['database']?.status).toBe('down');
    // The queue keeps its own connection pool, so it is reported separately and still up.
    expect(health.details.queue.status).toBe('up');
  });
});
