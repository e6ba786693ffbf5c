import { SavedReply } from '@sg/contracts';
import { createTestDatabase, startTestApi, TestApi, TestDatabase, testConfig } from '../testing';

/** Saved replies: caseworkers pick from the active ones; admins write them, and every change is audited. */
describe('saved replies', () => {
  let db: TestDatabase;
  let api: TestApi;
  let caseworker: string;
  let admin: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url));
    caseworker = await api.tokenFor('caseworker');
    admin = await api.tokenFor('admin');
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('starts with the seeded replies, which use the plan placeholder', async () => {
    const list = (await api.request('GET', '/api/saved-replies', { token: caseworker })).body as SavedReply[];
    expect(list.map((reply) => reply.title)).toEqual(['How to use Take It Down', "Please don't pay", 'We have your report']);
    expect(list.find((reply) => reply.title === 'We have your report')?.body).toContain('{{next_step}}');
  });

  it('lets only admins write, names the field it refuses, and audits each change', async () => {
    expect((await api.request('POST', '/api/saved-replies', { token: caseworker, body: { title: 'x', body: 'y' } })).status).toBe(403);
    expect((await api.request('GET', '/api/saved-replies?all=true', { token: caseworker })).status).toBe(403);
    const invalid = await api.request('POST', '/api/saved-replies', { token: admin, body: { title: '  ', body: 'y' } });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.body)).toContain('title');

    const created = await api.request('POST', '/api/saved-replies', { token: admin, body: { title: 'Checking in', body: 'How are you today?' } });
    expect(created.status).toBe(201);
    const reply = created.body as SavedReply;
    expect(reply).toMatchObject({ title: 'Checking in', active: true });
    const retired = await api.request('PATCH', `/api/saved-replies/${reply.id}`, { token: admin, body: { active: false } });
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ title: 'Checking in', body: 'How are you today?', active: false });

    const active = (await api.request('GET', '/api/saved-replies', { token: caseworker })).body as SavedReply[];
    expect(active.map((r) => r.id)).not.toContain(reply.id);
    const all = (await api.request('GET', '/api/saved-replies?all=true', { token: admin })).body as SavedReply[];
    expect(all.at(-1)).toMatchObject({ id: reply.id, active: false });

    const audit = await db.dataSource.query(`SELECT action, before->>'active' AS before, after->>'active' AS after FROM audit_log WHERE target_kind = 'saved_reply' AND target_id = $1 ORDER BY at, id`, [reply.id]);
    expect(audit).toEqual([
      { action: 'saved_reply.created', before: null, after: 'true' },
      { action: 'saved_reply.updated', before: 'true', after: 'false' },
    ]);
    expect((await api.request('PATCH', '/api/saved-replies/00000000-0000-4000-8000-000000000000', { token: admin, body: { active: true } })).status).toBe(404);
  });
});
