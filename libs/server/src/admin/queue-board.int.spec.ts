import * as z from 'zod';
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
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly.*|Path=\/api\/admin\/queues/i);
    const page = await fetch(`${api.baseUrl}/api/admin/queues`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
    const queues = z
      .looseObject({ queues: z.array(z.looseObject({ name: z.string() })) })
      .parse(await (await fetch(`${api.baseUrl}/api/admin/queues/api/queues`, { headers: { cookie } })).json());
    expect(queues.queues.map((q) => q.name).sort()).toEqual(['follow-ups', 'keys', 'nudges', 'retention', 'system']);
  });

  it('stops opening when the admin signs out, even for a copy of the cookie kept from before', async () => {
    const token = await api.tokenFor('admin');
    const issued = await api.request('POST', '/api/auth/queue-board', { token });
    const cookie = (issued.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect((await fetch(`${api.baseUrl}/api/admin/queues`, { headers: { cookie } })).status).toBe(200);

    const signedOut = await api.request('POST', '/api/auth/logout', { token });
    expect(signedOut.status).toBe(204);
    expect(signedOut.headers.get('set-cookie')).toMatch(/sg_queue_board=;.*Path=\/api\/admin\/queues/i);
    // Sign-out reaches every process within 5 seconds (the session cache's lifetime).
    let status = 200;
    for (let i = 0; i < 30 && status === 200; i += 1) {
      status = (await fetch(`${api.baseUrl}/api/admin/queues`, { headers: { cookie } })).status;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(401);
  });
});
