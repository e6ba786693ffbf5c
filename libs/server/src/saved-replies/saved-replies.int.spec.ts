import { savedReplyListSchema, savedReplySchema } from '@sg/contracts/schemas';
import { bodyOf, createTestDatabase, rowsOf, startTestApi, TestApi, TestDatabase, testConfig } from '../testing';

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
    const list = bodyOf(await api.request('GET', '/api/saved-replies', { token: caseworker }), savedReplyListSchema);
    expect(list.map((reply) => reply.title)).toEqual(['How to use Take It Down', "Please don't pay", 'We have your report']);
    expect(list.find((reply) => reply.title === 'We have your report')?.body).toContain('{{next_step}}');
  });

  it('gives the seeded replies Malay and Spanish words, placeholders kept, so none falls back to English', async () => {
    const list = bodyOf(await api.request('GET', '/api/saved-replies', { token: caseworker }), savedReplyListSchema);
    for (const reply of list) {
      expect(reply.fallsBackToEnglish).toEqual([]);
      expect(reply.translations.ms?.title).toBeTruthy();
      expect(reply.translations.es?.body).toBeTruthy();
    }
    const report = list.find((reply) => reply.title === 'We have your report');
    expect(report?.translations.ms).toMatchObject({ title: 'Kami sudah terima laporan anda' });
    expect(report?.translations.ms?.body).toContain('{{next_step}}');
    expect(report?.translations.es?.body).toContain('{{next_step}}');
  });

  it('keeps each language an admin writes, flags the ones still in English, and checks them like English', async () => {
    const tooLong = await api.request('POST', '/api/saved-replies', {
      token: admin,
      body: { title: 'Hello', body: 'Hi', translations: { es: { title: 'x'.repeat(121) } } },
    });
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.body)).toContain('translations.es.title');
    expect(
      (await api.request('POST', '/api/saved-replies', { token: admin, body: { title: 'Hello', body: 'Hi', translations: { fr: { title: 'Salut' } } } }))
        .status,
    ).toBe(400);

    const created = await api.request('POST', '/api/saved-replies', {
      token: admin,
      body: { title: 'Breathe', body: 'Take a slow breath. You are safe here.' },
    });
    expect(created.status).toBe(201);
    const reply = bodyOf(created, savedReplySchema);
    expect(reply).toMatchObject({ translations: {}, fallsBackToEnglish: ['ms', 'es'] });

    // The admin page sends every language it shows; blank ones are "not written".
    const malay = { title: 'Tarik nafas', body: 'Tarik nafas perlahan-lahan. Anda selamat di sini.' };
    const saved = await api.request('PATCH', `/api/saved-replies/${reply.id}`, {
      token: admin,
      body: { translations: { ms: { title: ` ${malay.title} `, body: malay.body }, es: { title: '', body: '  ' } } },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      title: 'Breathe',
      body: 'Take a slow breath. You are safe here.',
      translations: { ms: malay },
      fallsBackToEnglish: ['es'],
    });
    expect(bodyOf(saved, savedReplySchema).translations.es).toBeUndefined();

    // Retiring it keeps its words in every language.
    const retired = bodyOf(await api.request('PATCH', `/api/saved-replies/${reply.id}`, { token: admin, body: { active: false } }), savedReplySchema);
    expect(retired).toMatchObject({ active: false, translations: { ms: malay }, fallsBackToEnglish: ['es'] });
    const listed = bodyOf(await api.request('GET', '/api/saved-replies?all=true', { token: admin }), savedReplyListSchema).find((r) => r.id === reply.id);
    expect(listed).toMatchObject({ translations: { ms: malay }, fallsBackToEnglish: ['es'] });

    const audit = await rowsOf<{ title: string | null }>(
      db.dataSource,
      `SELECT after->'translations'->'ms'->>'title' AS title FROM audit_log WHERE target_kind = 'saved_reply' AND target_id = $1 ORDER BY at, id`,
      [reply.id],
    );
    expect(audit).toEqual([{ title: null }, { title: 'Tarik nafas' }, { title: 'Tarik nafas' }]);
  });

  it('lets only admins write, names the field it refuses, and audits each change', async () => {
    expect((await api.request('POST', '/api/saved-replies', { token: caseworker, body: { title: 'x', body: 'y' } })).status).toBe(403);
    expect((await api.request('GET', '/api/saved-replies?all=true', { token: caseworker })).status).toBe(403);
    const invalid = await api.request('POST', '/api/saved-replies', { token: admin, body: { title: '  ', body: 'y' } });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.body)).toContain('title');

    const created = await api.request('POST', '/api/saved-replies', { token: admin, body: { title: 'Checking in', body: 'How are you today?' } });
    expect(created.status).toBe(201);
    const reply = bodyOf(created, savedReplySchema);
    expect(reply).toMatchObject({ title: 'Checking in', active: true });
    const retired = await api.request('PATCH', `/api/saved-replies/${reply.id}`, { token: admin, body: { active: false } });
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ title: 'Checking in', body: 'How are you today?', active: false });

    const active = bodyOf(await api.request('GET', '/api/saved-replies', { token: caseworker }), savedReplyListSchema);
    expect(active.map((r) => r.id)).not.toContain(reply.id);
    const all = bodyOf(await api.request('GET', '/api/saved-replies?all=true', { token: admin }), savedReplyListSchema);
    expect(all.at(-1)).toMatchObject({ id: reply.id, active: false });

    const audit = await rowsOf<{ action: string; before: string | null; after: string | null }>(
      db.dataSource,
      `SELECT action, before->>'active' AS before, after->>'active' AS after FROM audit_log WHERE target_kind = 'saved_reply' AND target_id = $1 ORDER BY at, id`,
      [reply.id],
    );
    expect(audit).toEqual([
      { action: 'saved_reply.created', before: null, after: 'true' },
      { action: 'saved_reply.updated', before: 'true', after: 'false' },
    ]);
    expect((await api.request('PATCH', '/api/saved-replies/00000000-0000-4000-8000-000000000000', { token: admin, body: { active: true } })).status).toBe(404);
  });
});
