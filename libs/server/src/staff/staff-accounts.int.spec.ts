import {
  loginResponseSchema,
  resourceDirectoryEntrySchema,
  resourceDirectorySchema,
  staffListSchema,
  staffMemberSchema,
  staffUserViewSchema,
} from '@sg/contracts/schemas';
import { bodyOf, createTestDatabase, firstRowOf, rowsOf, startTestApi, TestApi, testConfig, TestDatabase, validationErrorsOf } from '../testing';

/** Admins manage accounts: every change audited, deactivation effective at once. */
describe('staff accounts API', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: string;

  const signIn = (email: string, password: string) => api.request('POST', '/api/auth/login', { body: { email, password } });

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url));
    admin = await api.tokenFor('admin');
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('creates an account the person can sign in with, and refuses a second account with the same email', async () => {
    const created = await api.request('POST', '/api/staff', {
      token: admin,
      body: { email: 'New.Worker@Demo.test', displayName: 'Nia New', role: 'caseworker', password: 'a-long-enough-password' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: 'new.worker@demo.test', role: 'caseworker', active: true });
    expect(JSON.stringify(created.body)).not.toMatch(/password/i);
    expect((await signIn('new.worker@demo.test', 'a-long-enough-password')).status).toBe(200);

    const again = await api.request('POST', '/api/staff', {
      token: admin,
      body: { email: 'new.worker@demo.test', displayName: 'Nia Again', role: 'caseworker', password: 'a-long-enough-password' },
    });
    expect(again.status).toBe(400);
    expect(validationErrorsOf(again).errors).toEqual([{ path: 'email', message: 'is already used by another account', code: 'invalid' }]);
    const short = await api.request('POST', '/api/staff', { token: admin, body: { email: 'x@demo.test', displayName: 'X', role: 'admin', password: 'short' } });
    expect(validationErrorsOf(short).errors).toEqual([
      { path: 'password', message: 'must be at least 12 characters', code: 'too_small', params: { minimum: 12 } },
    ]);
  });

  it('ends a deactivated account at once: its token, its session and its sign-in', async () => {
    const created = bodyOf(
      await api.request('POST', '/api/staff', {
        token: admin,
        body: { email: 'leaver@demo.test', displayName: 'Lee Leaver', role: 'caseworker', password: 'leaver-password-1' },
      }),
      staffMemberSchema,
    );
    const login = await signIn('leaver@demo.test', 'leaver-password-1');
    const token = bodyOf(login, loginResponseSchema).accessToken;
    expect((await api.request('GET', '/api/auth/me', { token })).status).toBe(200);

    const deactivated = await api.request('PATCH', `/api/staff/${created.id}`, { token: admin, body: { active: false } });
    expect(bodyOf(deactivated, staffMemberSchema).active).toBe(false);
    expect((await api.request('GET', '/api/auth/me', { token })).status).toBe(401);
    expect((await signIn('leaver@demo.test', 'leaver-password-1')).status).toBe(401);
    const sessions = await firstRowOf<{ open: number }>(
      db.dataSource,
      `SELECT count(*)::int AS open FROM staff_session WHERE staff_id = $1 AND revoked_at IS NULL`,
      [created.id],
    );
    expect(sessions.open).toBe(0);

    // Admins still see the account (to reactivate it); supervisors only see active people.
    const all = bodyOf(await api.request('GET', '/api/staff?includeInactive=true', { token: admin }), staffListSchema);
    expect(all.find((member) => member.id === created.id)?.active).toBe(false);
    const supervisor = await api.tokenFor('supervisor');
    expect((await api.request('GET', '/api/staff?includeInactive=true', { token: supervisor })).status).toBe(403);
    expect(bodyOf(await api.request('GET', '/api/staff', { token: supervisor }), staffListSchema).map((m) => m.id)).not.toContain(created.id);
  });

  it('applies a role change to the next request, and a password reset to every session', async () => {
    const created = bodyOf(
      await api.request('POST', '/api/staff', {
        token: admin,
        body: { email: 'riser@demo.test', displayName: 'Rae Riser', role: 'caseworker', password: 'riser-password-1' },
      }),
      staffMemberSchema,
    );
    const token = bodyOf(await signIn('riser@demo.test', 'riser-password-1'), loginResponseSchema).accessToken;
    expect((await api.request('GET', '/api/supervision/queue-health', { token })).status).toBe(403);
    await api.request('PATCH', `/api/staff/${created.id}`, { token: admin, body: { role: 'supervisor' } });
    expect((await api.request('GET', '/api/supervision/queue-health', { token })).status).toBe(200);

    await api.request('PATCH', `/api/staff/${created.id}`, { token: admin, body: { password: 'a-brand-new-password' } });
    expect((await signIn('riser@demo.test', 'riser-password-1')).status).toBe(401);
    expect((await signIn('riser@demo.test', 'a-brand-new-password')).status).toBe(200);
  });

  it('will not let an admin lock themselves out', async () => {
    const me = bodyOf(await api.request('GET', '/api/auth/me', { token: admin }), staffUserViewSchema);
    expect((await api.request('PATCH', `/api/staff/${me.id}`, { token: admin, body: { active: false } })).status).toBe(409);
    expect((await api.request('PATCH', `/api/staff/${me.id}`, { token: admin, body: { role: 'caseworker' } })).status).toBe(409);
  });

  it('audits account changes without ever recording a password', async () => {
    const rows = await rowsOf<{ action: string; before: unknown; after: { passwordChanged?: boolean } | null }>(
      db.dataSource,
      `SELECT action, before, after FROM audit_log WHERE action LIKE 'staff.%' ORDER BY id`,
    );
    expect(rows.map((row) => row.action)).toEqual(expect.arrayContaining(['staff.created', 'staff.updated']));
    expect(JSON.stringify(rows)).not.toMatch(/password-1|brand-new/);
    expect(rows.find((row) => row.after?.passwordChanged)).toBeDefined();
  });

  it('records which account each change was made to, and by whom', async () => {
    const me = bodyOf(await api.request('GET', '/api/auth/me', { token: admin }), staffUserViewSchema);
    const created = await api.request('POST', '/api/staff', {
      token: admin,
      body: { email: 'audited.person@demo.test', displayName: 'Audited Person', role: 'caseworker', password: 'a-long-password-1' },
    });
    expect(created.status).toBe(201);
    const createdId = bodyOf(created, staffMemberSchema).id;
    expect((await api.request('PATCH', `/api/staff/${createdId}`, { token: admin, body: { role: 'supervisor' } })).status).toBe(200);
    const rows = await rowsOf<Record<string, unknown>>(
      db.dataSource,
      `SELECT action, actor_id, target_kind, target_id, before, after FROM audit_log WHERE target_id = $1 ORDER BY id`,
      [createdId],
    );
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'staff.created',
        actor_id: me.id,
        target_kind: 'staff_user',
        after: expect.objectContaining({ email: 'audited.person@demo.test', role: 'caseworker' }) as unknown,
      }) as unknown,
      expect.objectContaining({
        action: 'staff.updated',
        actor_id: me.id,
        target_kind: 'staff_user',
        before: expect.objectContaining({ role: 'caseworker' }) as unknown,
        after: expect.objectContaining({ role: 'supervisor' }) as unknown,
      }) as unknown,
    ]);
    const untargeted = await rowsOf<{ n: number }>(db.dataSource, `SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'staff.%' AND target_id IS NULL`);
    expect(untargeted[0]?.n).toBe(0);
  });

  it('lets only admins see retired directory entries', async () => {
    const entry = bodyOf(
      await api.request('POST', '/api/resources', {
        token: admin,
        body: { key: 'sg-test-line', jurisdiction: 'SG', name: 'Test line', contact: '1234', purpose: 'support', audiences: ['support'] },
      }),
      resourceDirectoryEntrySchema,
    );
    await api.request('PATCH', `/api/resources/${entry.id}`, { token: admin, body: { active: false } });
    const listed = bodyOf(await api.request('GET', '/api/resources?country=SG&includeInactive=true', { token: admin }), resourceDirectorySchema);
    expect(listed.find((e) => e.key === 'sg-test-line')?.active).toBe(false);
    expect((await api.request('GET', '/api/resources?includeInactive=true')).status).toBe(403);
    expect((await api.request('GET', '/api/resources?includeInactive=true', { token: await api.tokenFor('caseworker') })).status).toBe(403);
  });
});
