import { createTestDatabase, startTestApi, TestApi, TestDatabase, testConfig } from '../testing';

describe('queue monitor (bull-board) for admins', () => {
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

  it('is closed without the admin cookie, and the cookie is only for admins', async () => {
    expect((await fetch(`${api.baseUrl}/api/admin/queues`)).status).toBe(401);
    expect((await api.request('POST', '/api/auth/queue-board', { token: await api.tokenFor('supervisor') })).status).toBe(403);
    // A forged cookie, or an access token in its place, does not open it either.
    const accessToken = await api.tokenFor('admin');
    expect((await fetch(`${api.baseUrl}/api/admin/queues`, { headers: { cookie: `sg_queue_board=${accessToken}` } })).status).toBe(401);
  });

  it('shows every queue (follow-ups, keys, nudges, retention, system) to an admin with the cookie', async () => {
    const response = await api.request('POST', '/api/auth/queue-board', { token: await api.tokenFor('admin') });
    expect(response.status).toBe(204);
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly.*|Path=\/api\/admin\/queues/i);
    const page = await fetch(`${api.baseUrl}/api/admin/queues`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
    const queues = (await (await fetch(`${api.baseUrl}/api/admin/queues/api/queues`, { headers: { cookie } })).json()) as { queues: Array<{ name: string }> };
    expect(queues.queues.map((q) => q.name).sort()).toEqual(['follow-ups', 'keys', 'nudges', 'retention', 'system']);
  });
});
