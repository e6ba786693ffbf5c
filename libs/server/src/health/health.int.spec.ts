import { HealthResponse } from '@sg/contracts';
import { DataSource } from 'typeorm';
import { createTestDatabase, startTestApi, TestApi, TestDatabase, testConfig } from '../testing';

interface OpenApiDocument {
  openapi: string;
  info: { title: string };
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
}

// startTestApi composes the API exactly as apps/api does (every feature and its global guards),
// so this also proves health stays reachable without signing in: the status page depends on it.
describe('GET /api/health (real PostgreSQL and queue backend)', () => {
  let db: TestDatabase;
  let api: TestApi;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url));
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('serves an OpenAPI document that describes the health endpoint', async () => {
    const { status, body } = await api.request('GET', '/api/docs-json');
    const document = body as OpenApiDocument;

    expect(status).toBe(200);
    expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(document.info.title).toBe('Safeguard Triage API');
    expect(Object.keys(document.paths['/api/health']?.['get']?.responses ?? {})).toEqual(expect.arrayContaining(['200', '503']));
  });

  it('answers 200 with database and queue up, without signing in', async () => {
    const { status, body } = await api.request('GET', '/api/health');
    const health = body as HealthResponse;

    expect(status).toBe(200);
    expect(health.status).toBe('ok');
    expect(health.details.database.status).toBe('up');
    expect(health.details.queue).toMatchObject({ status: 'up', backend: 'postgres' });
  });

  // Last in this file: it takes the app's database connection away for good.
  it('answers 503 naming the database when the database cannot be reached', async () => {
    await api.app.get(DataSource).destroy();

    const { status, body } = await api.request('GET', '/api/health');
    const health = body as HealthResponse;

    expect(status).toBe(503);
    expect(health.status).toBe('error');
    expect(health.error?.['database']?.status).toBe('down');
    // The queue keeps its own connection pool, so it is reported separately and still up.
    expect(health.details.queue.status).toBe('up');
  });
});
