import { Secret, TOTP } from 'otpauth';
import { createTestDatabase, startTestApi, TEST_PASSWORD, TestApi, TestDatabase, testConfig } from '../testing';
import { present, itemAt } from '@sg/domain';

/**
 * The staff second factor (TOTP, RFC 6238) end to end against PostgreSQL: enrolment, the sign-in's
 * code step, wrong and reused codes, single-use recovery codes, an admin's reset, and the member
 * whose role requires a second factor being kept to enrolment until they have one.
 */
describe('staff second factor (TOTP)', () => {
  let db: TestDatabase;
  /** TOTP_REQUIRED_ROLES empty, as in development and tests. */
  let api: TestApi;
  /** TOTP_REQUIRED_ROLES=supervisor. */
  let strict: TestApi;
  let address = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url));
    strict = await startTestApi(db, testConfig(db.url, { totpRequiredRoles: ['supervisor'] }));
  });

  afterAll(async () => {
    await api?.close();
    await strict?.close();
    await db?.drop();
  });

  /** Each flow from an address of its own, so lockout counts of one test do not reach another. */
  const newAddress = () => `203.0.113.${(address++ % 250) + 1}`;
  const totpOf = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret) });
  /** A code of the next 30-second step: valid now (one step of drift is allowed) and not used yet. */
  const nextCode = (secret: string, steps = 1) => totpOf(secret).generate({ timestamp: Date.now() + steps * 30_000 });

  const signIn = (target: TestApi, email: string, from: string, password = TEST_PASSWORD) =>
    target.request('POST', '/api/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': from } });
  const secondStep = (target: TestApi, body: Record<string, string>, from: string) =>
    target.request('POST', '/api/auth/login/second-factor', { body, headers: { 'x-forwarded-for': from } });

  /** A new account of this role (created by the admin), and a session of it from `from`. */
  async function newMember(email: string, role: 'caseworker' | 'supervisor' | 'admin', from = newAddress()): Promise<{ id: string; token: string }> {
    const created = await api.request('POST', '/api/staff', {
      token: await api.tokenFor('admin'),
      body: { email, displayName: `Member ${email.split('@')[0]}`, role, password: TEST_PASSWORD },
    });
    expect(created.status).toBe(201);
    const login = await signIn(api, email, from);
    return { id: created.body.id as string, token: login.body.accessToken as string };
  }

  async function staffId(email: string): Promise<string> {
    const [row] = await db.dataSource.query<Array<{ id: string }>>(`SELECT id FROM staff_user WHERE email = $1`, [email]);
    return present(row, `the account ${email}`).id;
  }

  /** Enrols the account behind `token`; answers the secret and the recovery codes. */
  async function enrol(target: TestApi, token: string): Promise<{ secret: string; recoveryCodes: string[] }> {
    const started = await target.request('POST', '/api/auth/second-factor/enrolment', { token });
    expect(started.status).toBe(200);
    const secret = started.body.secret as string;
    const confirmed = await target.request('POST', '/api/auth/second-factor/enrolment/confirm', { token, body: { code: totpOf(secret).generate() } });
    expect(confirmed.status).toBe(200);
    return { secret, recoveryCodes: confirmed.body.recoveryCodes as string[] };
  }

  async function auditActions(targetId: string): Promise<string[]> {
    const rows = await db.dataSource.query<Array<{ action: string }>>(
      `SELECT action FROM audit_log WHERE target_id = $1 AND action LIKE 'staff.totp%' ORDER BY id`,
      [targetId],
    );
    return rows.map((row) => row.action);
  }

  it('enrols: a QR code and the secret, confirmed with a code, ten recovery codes shown once; nothing readable stored', async () => {
    const token = await api.tokenFor('caseworker');
    const before = await api.request('GET', '/api/auth/second-factor', { token });
    expect(before.body).toEqual({ enrolled: false, required: false, recoveryCodesLeft: 0 });

    const started = await api.request('POST', '/api/auth/second-factor/enrolment', { token });
    expect(started.status).toBe(200);
    expect(started.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.body.otpauthUri).toContain(`secret=${started.body.secret}`);
    expect(started.body.qrCodeSvg).toMatch(/^<svg/);

    const wrong = await api.request('POST', '/api/auth/second-factor/enrolment/confirm', {
      token,
      body: { code: '000000' === totpOf(started.body.secret).generate() ? '111111' : '000000' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].path).toBe('code');
    expect((await api.request('GET', '/api/auth/second-factor', { token })).body.enrolled).toBe(false);

    const confirmed = await api.request('POST', '/api/auth/second-factor/enrolment/confirm', { token, body: { code: totpOf(started.body.secret).generate() } });
    expect(confirmed.status).toBe(200);
    const codes = confirmed.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect((await api.request('GET', '/api/auth/second-factor', { token })).body).toEqual({ enrolled: true, required: false, recoveryCodesLeft: 10 });

    // Enrolled already: a second enrolment is refused rather than silently replacing the authenticator.
    expect((await api.request('POST', '/api/auth/second-factor/enrolment', { token })).status).toBe(409);

    const id = await staffId('caseworker@demo.test');
    const stored = JSON.stringify(
      await db.dataSource.query(`SELECT t.*, r.* FROM staff_totp t LEFT JOIN staff_totp_recovery_code r ON r.staff_id = t.staff_id`),
    );
    expect(stored).not.toContain(started.body.secret);
    for (const code of codes) expect(stored).not.toContain(code);
    expect(await auditActions(id)).toEqual(['staff.totp_enrolled']);
  });

  it('signs in with a code: the password alone gives a challenge, not a session; the code completes it', async () => {
    const from = newAddress();
    const { token } = await newMember('with-code@demo.test', 'caseworker', from);
    const { secret } = await enrol(api, token);

    const first = await signIn(api, 'with-code@demo.test', from);
    expect(first.status).toBe(200);
    expect(first.body.accessToken).toBeUndefined();
    expect(first.body.secondFactor).toBe('required');
    expect(first.headers.get('set-cookie')).toBeNull();
    // The challenge is for the code step only: it opens nothing.
    expect((await api.request('GET', '/api/auth/me', { token: first.body.challengeToken })).status).toBe(401);

    const done = await secondStep(api, { challengeToken: first.body.challengeToken, code: nextCode(secret) }, from);
    expect(done.status).toBe(200);
    expect(done.body.user.email).toBe('with-code@demo.test');
    expect(done.headers.get('set-cookie')).toContain('sg_session=');
    expect((await api.request('GET', '/api/auth/me', { token: done.body.accessToken })).status).toBe(200);
  });

  it('refuses a wrong code, counting it toward the sign-in lockout', async () => {
    const from = newAddress();
    const { secret } = await enrol(api, (await newMember('wrong-code@demo.test', 'supervisor', from)).token);
    const first = await signIn(api, 'wrong-code@demo.test', from);
    const challengeToken = first.body.challengeToken as string;
    const right = nextCode(secret);
    const wrong = right === '123456' ? '654321' : '123456';

    // The password step counted one attempt; four wrong codes bring this address to its limit of five.
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await secondStep(api, { challengeToken, code: wrong }, from)).status);
    expect(statuses).toEqual([401, 401, 401, 401]);
    const locked = await secondStep(api, { challengeToken, code: right }, from);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses a code used once already within its window', async () => {
    const from = newAddress();
    const { secret } = await enrol(api, (await newMember('reused@demo.test', 'admin', from)).token);
    const code = nextCode(secret);

    const first = await signIn(api, 'reused@demo.test', from);
    expect((await secondStep(api, { challengeToken: first.body.challengeToken, code }, from)).status).toBe(200);
    const again = await signIn(api, 'reused@demo.test', from);
    const reused = await secondStep(api, { challengeToken: again.body.challengeToken, code }, from);
    expect(reused.status).toBe(401);
    // An earlier step's code is refused as well once a later one was used.
    expect((await secondStep(api, { challengeToken: again.body.challengeToken, code: totpOf(secret).generate() }, from)).status).toBe(401);
  });

  it('accepts each recovery code once, and audits its use', async () => {
    const from = newAddress();
    const member = await newMember('recovery@demo.test', 'caseworker', from);
    const { recoveryCodes } = await enrol(api, member.token);

    const first = await signIn(api, 'recovery@demo.test', from);
    // Typed loosely: lower case, spaces instead of the dash.
    const code = itemAt(recoveryCodes, 3, 'recovery code');
    const typed = code.toLowerCase().replace('-', ' ');
    const used = await secondStep(api, { challengeToken: first.body.challengeToken, recoveryCode: typed }, from);
    expect(used.status).toBe(200);
    expect((await api.request('GET', '/api/auth/second-factor', { token: used.body.accessToken })).body.recoveryCodesLeft).toBe(9);

    const again = await signIn(api, 'recovery@demo.test', from);
    expect((await secondStep(api, { challengeToken: again.body.challengeToken, recoveryCode: code }, from)).status).toBe(401);
    expect(await auditActions(member.id)).toEqual(['staff.totp_enrolled', 'staff.totp_recovery_used']);
  });

  it("lets an admin reset a member's second factor (audited; their sessions end), and nobody else", async () => {
    const adminToken = await api.tokenFor('admin');
    const created = await api.request('POST', '/api/staff', {
      token: adminToken,
      body: { email: 'reset-me@demo.test', displayName: 'Rene Reset', role: 'caseworker', password: TEST_PASSWORD },
    });
    const from = newAddress();
    const memberToken = (await signIn(api, 'reset-me@demo.test', from)).body.accessToken as string;
    await enrol(api, memberToken);
    expect((await signIn(api, 'reset-me@demo.test', from)).body.secondFactor).toBe('required');

    const byCaseworker = await api.request('POST', `/api/staff/${created.body.id}/second-factor/reset`, { token: memberToken });
    expect(byCaseworker.status).toBe(403);

    const reset = await api.request('POST', `/api/staff/${created.body.id}/second-factor/reset`, { token: adminToken });
    expect(reset.status).toBe(204);
    const [audit] = await db.dataSource.query(`SELECT actor_id, after FROM audit_log WHERE target_id = $1 AND action = 'staff.totp_reset'`, [created.body.id]);
    expect(audit.actor_id).toBe(await staffId('admin@demo.test'));
    // The member's sign-ins ended with it.
    expect((await api.request('GET', '/api/auth/me', { token: memberToken })).status).toBe(401);
    // A password alone signs them in again, and they can enrol afresh.
    const after = await signIn(api, 'reset-me@demo.test', from);
    expect(after.body.accessToken).toEqual(expect.any(String));
    expect((await api.request('GET', '/api/auth/second-factor', { token: after.body.accessToken })).body.enrolled).toBe(false);
    expect((await api.request('POST', `/api/staff/${created.body.id}/second-factor/reset`, { token: adminToken })).status).toBe(404);
  });

  it('keeps a member whose role requires a second factor to enrolment until they have one', async () => {
    const adminToken = await api.tokenFor('admin');
    const created = await api.request('POST', '/api/staff', {
      token: adminToken,
      body: { email: 'must-enrol@demo.test', displayName: 'Mo Enrol', role: 'supervisor', password: TEST_PASSWORD },
    });
    expect(created.status).toBe(201);
    const login = await strict.request('POST', '/api/auth/login', { body: { email: 'must-enrol@demo.test', password: TEST_PASSWORD } });
    expect(login.status).toBe(200);
    expect(login.body.enrolmentRequired).toBe(true);
    const token = login.body.accessToken as string;
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    const cases = await strict.request('GET', '/api/cases/counts', { token });
    expect(cases.status).toBe(403);
    expect(cases.body.code).toBe('second_factor_enrolment_required');
    expect((await strict.request('GET', '/api/staff', { token })).status).toBe(403);
    expect((await strict.request('GET', '/api/auth/me', { token })).status).toBe(200);
    expect((await strict.request('GET', '/api/auth/second-factor', { token })).body).toEqual({ enrolled: false, required: true, recoveryCodesLeft: 0 });
    // The requirement cannot be switched off by the member.
    expect((await strict.request('POST', '/api/auth/second-factor/disable', { token, body: { code: '123456' } })).status).toBe(403);

    await enrol(strict, token);
    // The same token stays confined; renewing the session (as the web does after enrolling) opens everything.
    expect((await strict.request('GET', '/api/cases/counts', { token })).status).toBe(403);
    const renewed = await fetch(`${strict.baseUrl}/api/auth/refresh`, { method: 'POST', headers: { cookie, 'x-requested-with': 'safeguard-triage' } });
    expect(renewed.status).toBe(200);
    const body = (await renewed.json()) as { accessToken: string; enrolmentRequired?: boolean };
    expect(body.enrolmentRequired).toBeUndefined();
    expect((await strict.request('GET', '/api/cases/counts', { token: body.accessToken })).status).toBe(200);
    expect((await strict.request('GET', '/api/staff', { token: body.accessToken })).status).toBe(200);
  });

  it('lets a member whose role does not require it switch it off with a current code (audited)', async () => {
    const adminToken = await api.tokenFor('admin');
    const created = await api.request('POST', '/api/staff', {
      token: adminToken,
      body: { email: 'optional@demo.test', displayName: 'Olly Optional', role: 'caseworker', password: TEST_PASSWORD },
    });
    const token = (await signIn(api, 'optional@demo.test', newAddress())).body.accessToken as string;
    const { secret } = await enrol(api, token);
    expect((await api.request('POST', '/api/auth/second-factor/disable', { token, body: { code: '12' } })).status).toBe(400);
    const off = await api.request('POST', '/api/auth/second-factor/disable', { token, body: { code: nextCode(secret) } });
    expect(off.status).toBe(204);
    expect((await api.request('GET', '/api/auth/second-factor', { token })).body.enrolled).toBe(false);
    expect(await auditActions(created.body.id)).toEqual(['staff.totp_enrolled', 'staff.totp_disabled']);
  });
});
