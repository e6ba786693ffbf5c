import { caseAccessViewSchema, intakeResponseSchema, resourceDirectoryEntrySchema, resourceDirectorySchema, staffUserViewSchema } from '@sg/contracts/schemas';
import { PersonResource } from '@sg/contracts';
import {
  bodyOf,
  createTestDatabase,
  errorPathsOf,
  intakeFixture,
  rowsOf,
  startTestApi,
  TestApi,
  testConfig,
  TestDatabase,
  validationErrorsOf,
} from '../testing';
import { itemAt } from '@sg/domain';

describe('resource directory API', () => {
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

  it('is seeded from the domain guide and public, filtered by country', async () => {
    const response = await api.request('GET', '/api/resources?country=MY');
    expect(response.status).toBe(200);
    const entries = bodyOf(response, resourceDirectorySchema);
    expect(entries.map((e) => e.name)).toEqual(expect.arrayContaining(['Talian Kasih', 'Befrienders Kuala Lumpur', 'Take It Down (NCMEC)']));
    expect(new Set(entries.map((e) => e.jurisdiction))).toEqual(new Set(['MY', 'ANY']));
  });

  it('names a bad country', async () => {
    const response = await api.request('GET', '/api/resources?country=Malaysia');
    expect(response.status).toBe(400);
    expect(validationErrorsOf(response).errors[0]?.path).toBe('country');
  });

  it('lets only admins add and edit entries', async () => {
    const entry = { key: 'sg-samaritans', jurisdiction: 'SG', name: 'Samaritans of Singapore', contact: '1767', purpose: 'crisis', audiences: ['self_harm'] };
    expect((await api.request('POST', '/api/resources', { body: entry })).status).toBe(401);
    expect((await api.request('POST', '/api/resources', { body: entry, token: await api.tokenFor('caseworker') })).status).toBe(403);
    expect((await api.request('POST', '/api/resources', { body: entry, token: await api.tokenFor('supervisor') })).status).toBe(403);

    const admin = await api.tokenFor('admin');
    const created = await api.request('POST', '/api/resources', { body: entry, token: admin });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key: 'sg-samaritans', sortOrder: 100, active: true });
    // The edit shows up for the public at once (this process's cache is cleared).
    expect(bodyOf(await api.request('GET', '/api/resources?country=SG'), resourceDirectorySchema).map((e) => e.key)).toContain('sg-samaritans');

    const duplicate = await api.request('POST', '/api/resources', { body: entry, token: admin });
    expect(duplicate.status).toBe(400);
    expect(validationErrorsOf(duplicate).errors).toEqual([{ path: 'key', message: 'is already used by another entry', code: 'invalid' }]);

    const retired = await api.request('PATCH', `/api/resources/${bodyOf(created, resourceDirectoryEntrySchema).id}`, { body: { active: false }, token: admin });
    expect(retired.status).toBe(200);
    expect(bodyOf(await api.request('GET', '/api/resources?country=SG'), resourceDirectorySchema).map((e) => e.key)).not.toContain('sg-samaritans');
  });

  it('validates entries field by field', async () => {
    const response = await api.request('POST', '/api/resources', {
      body: { key: 'Bad Key', jurisdiction: 'XX', name: '', contact: 'x', purpose: 'party', audiences: [] },
      token: await api.tokenFor('admin'),
    });
    expect(response.status).toBe(400);
    expect(errorPathsOf(response).sort()).toEqual(['audiences', 'jurisdiction', 'key', 'name', 'purpose']);
  });

  it('audits every admin edit: who, which entry, before and after, in the same transaction', async () => {
    const admin = await api.tokenFor('admin');
    const adminId = bodyOf(await api.request('GET', '/api/auth/me', { token: admin }), staffUserViewSchema).id;
    const created = await api.request('POST', '/api/resources', {
      token: admin,
      body: { key: 'nz-1737', jurisdiction: 'NZ', name: 'Need to talk? 1737', contact: 'Call or text 1737', purpose: 'crisis', audiences: ['self_harm'] },
    });
    expect(created.status).toBe(201);
    expect(
      (
        await api.request('PATCH', `/api/resources/${bodyOf(created, resourceDirectoryEntrySchema).id}`, {
          token: admin,
          body: { contact: 'Call or text 1737, free, any time' },
        })
      ).status,
    ).toBe(200);
    // A refused edit changes nothing and records nothing.
    expect(
      (await api.request('PATCH', `/api/resources/${bodyOf(created, resourceDirectoryEntrySchema).id}`, { token: admin, body: { key: 'sg-samaritans' } }))
        .status,
    ).toBe(400);

    const rows = await rowsOf<Record<string, unknown>>(
      db.dataSource,
      `SELECT action, actor_id, target_kind, before, after FROM audit_log WHERE target_id = $1 ORDER BY id`,
      [bodyOf(created, resourceDirectoryEntrySchema).id],
    );
    expect(rows).toEqual([
      {
        action: 'resource.created',
        actor_id: adminId,
        target_kind: 'resource_entry',
        before: null,
        after: expect.objectContaining({ key: 'nz-1737', contact: 'Call or text 1737' }) as unknown,
      },
      {
        action: 'resource.updated',
        actor_id: adminId,
        target_kind: 'resource_entry',
        before: expect.objectContaining({ contact: 'Call or text 1737' }) as unknown,
        after: expect.objectContaining({ contact: 'Call or text 1737, free, any time', key: 'nz-1737' }) as unknown,
      },
    ]);
  });

  it('refuses a link that is not http(s): the public pages show it to frightened people', async () => {
    const admin = await api.tokenFor('admin');
    const response = await api.request('POST', '/api/resources', {
      token: admin,
      body: {
        key: 'xx-bad-link',
        jurisdiction: 'ANY',
        name: 'Bad',
        contact: 'x',
        url: 'javascript:alert(document.cookie)',
        purpose: 'support',
        audiences: ['support'],
      },
    });
    expect(response.status).toBe(400);
    expect(errorPathsOf(response)).toEqual(['url']);
    const entry = itemAt(
      bodyOf(await api.request('GET', '/api/resources?country=MY'), resourceDirectorySchema).filter((e) => e.key === 'my-mhpss'),
      0,
      'the my-mhpss entry',
    );
    expect((await api.request('PATCH', `/api/resources/${entry.id}`, { token: admin, body: { url: 'data:text/html,hi' } })).status).toBe(400);
  });

  it('lists the Malaysian psychosocial support line for support too, as the domain guide does', async () => {
    const entry = itemAt(
      bodyOf(await api.request('GET', '/api/resources?country=MY'), resourceDirectorySchema).filter((e) => e.key === 'my-mhpss'),
      0,
      'the my-mhpss entry',
    );
    expect(entry.audiences).toEqual(['self_harm', 'support']);
  });

  it('is seeded with what each entry is and when to use it, in English, Malay and Spanish', async () => {
    const entries = bodyOf(await api.request('GET', '/api/resources?country=MY'), resourceDirectorySchema);
    const emergency = entries.find((e) => e.key === 'my-emergency');
    expect(emergency).toMatchObject({
      name: 'Emergency services',
      contact: 'Call 999 if you are in danger now',
      description: 'Police, ambulance and fire services.',
      translations: { ms: { name: 'Perkhidmatan kecemasan', contact: 'Hubungi 999 jika anda dalam bahaya sekarang' }, es: { name: 'Servicios de emergencia' } },
      fallsBackToEnglish: [],
    });
    expect(entries.every((e) => e.description && e.whenToUse && e.fallsBackToEnglish.length === 0)).toBe(true);
  });

  it('keeps a retired entry retired, and its sort order, when an admin edits something else', async () => {
    const admin = await api.tokenFor('admin');
    const created = await api.request('POST', '/api/resources', {
      token: admin,
      body: { key: 'ie-pieta', jurisdiction: 'IE', name: 'Pieta', contact: '1800 247 247', purpose: 'crisis', audiences: ['self_harm'], sortOrder: 7 },
    });
    expect(
      (await api.request('PATCH', `/api/resources/${bodyOf(created, resourceDirectoryEntrySchema).id}`, { token: admin, body: { active: false } })).body,
    ).toMatchObject({
      active: false,
      sortOrder: 7,
    });
    expect(
      (
        await api.request('PATCH', `/api/resources/${bodyOf(created, resourceDirectoryEntrySchema).id}`, {
          token: admin,
          body: { contact: 'Call 1800 247 247' },
        })
      ).body,
    ).toMatchObject({
      active: false,
      sortOrder: 7,
    });
  });

  it('carries the Malay an admin saves to the person, and flags the Spanish that falls back to English', async () => {
    const admin = await api.tokenFor('admin');
    const entry = itemAt(
      bodyOf(await api.request('GET', '/api/resources?country=US'), resourceDirectorySchema).filter((e) => e.key === 'us-fbi'),
      0,
      'the us-fbi entry',
    );
    const saved = await api.request('PATCH', `/api/resources/${entry.id}`, {
      token: admin,
      body: {
        description: 'The US federal police.',
        translations: {
          ms: { name: 'FBI', description: 'Polis persekutuan Amerika Syarikat.', whenToUse: 'Untuk melaporkan orang yang mengugut anda.' },
          es: { name: 'FBI', description: '' },
        },
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      description: 'The US federal police.',
      translations: { ms: { description: 'Polis persekutuan Amerika Syarikat.' }, es: { name: 'FBI' } },
      fallsBackToEnglish: ['es'],
    });
    expect(bodyOf(saved, resourceDirectoryEntrySchema).translations.es).toEqual({ name: 'FBI' });

    // The admins' list says which language still reads in English.
    const listed = bodyOf(await api.request('GET', '/api/resources?includeInactive=true', { token: admin }), resourceDirectorySchema).find(
      (e) => e.key === 'us-fbi',
    );
    expect(listed?.fallsBackToEnglish).toEqual(['es']);

    // The person gets every language at once: the page shows the tab's, or English where there is none.
    const intake = bodyOf(await api.request('POST', '/api/intakes', { body: intakeFixture() }), intakeResponseSchema);
    const fbi = intake.resources.find((r) => r.key === 'us-fbi');
    expect(fbi).toMatchObject({
      name: 'FBI',
      description: 'The US federal police.',
      whenToUse: 'To report the person threatening you, whatever your age.',
      translations: {
        ms: { description: 'Polis persekutuan Amerika Syarikat.', whenToUse: 'Untuk melaporkan orang yang mengugut anda.' },
        es: { name: 'FBI' },
      },
    } satisfies Partial<PersonResource>);
    expect(fbi?.translations.es?.description).toBeUndefined();

    const view = bodyOf(
      await api.request('POST', '/api/case-access', { body: { reference: intake.reference, accessCode: intake.accessCode } }),
      caseAccessViewSchema,
    );
    expect(view.resources.find((r) => r.key === 'us-fbi')?.translations.ms?.description).toBe('Polis persekutuan Amerika Syarikat.');
  });

  it('refuses a translation longer than the English limit, and a language the person pages do not speak', async () => {
    const admin = await api.tokenFor('admin');
    const entry = itemAt(
      bodyOf(await api.request('GET', '/api/resources?country=US'), resourceDirectorySchema).filter((e) => e.key === 'us-hsi'),
      0,
      'the us-hsi entry',
    );
    const tooLong = await api.request('PATCH', `/api/resources/${entry.id}`, { token: admin, body: { translations: { ms: { name: 'x'.repeat(201) } } } });
    expect(tooLong.status).toBe(400);
    expect(errorPathsOf(tooLong)).toEqual(['translations.ms.name']);
    expect((await api.request('PATCH', `/api/resources/${entry.id}`, { token: admin, body: { translations: { fr: { name: 'FBI' } } } })).status).toBe(400);
  });
});
