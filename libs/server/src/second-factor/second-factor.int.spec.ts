import {
  loginAnswerSchema,
  loginResponseSchema,
  secondFactorChallengeSchema,
  secondFactorEnrolledSchema,
  secondFactorEnrolmentSchema,
  secondFactorStatusSchema,
  staffMemberSchema,
} from '@sg/contracts/schemas';
import { Secret, TOTP } from 'otpauth';
import {
  bodyOf,
  createTestDatabase,
  errorOf,
  errorPathsOf,
  firstRowOf,
  rowsOf,
  startTestApi,
  TEST_PASSWORD,
  TestApi,
  TestDatabase,
  testConfig,
  TestResponse,
} from '../testing';
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
  /** A sign-in's answer when it made a session, and when it asks for the code step instead. */
  const sessionOf = (response: TestResponse) => bodyOf(response, loginResponseSchema);
  const challengeOf = (response: TestResponse) => bodyOf(response, secondFactorChallengeSchema);
  const secondFactorOf = async (target: TestApi, token: string) =>
    bodyOf(await target.request('GET', '/api/auth/second-factor', { token }), secondFactorStatusSchema);

  /** A new account of this role (created by the admin), and a session of it from `from`. */
  async function newMember(email: string, role: 'caseworker' | 'supervisor' | 'admin', from = newAddress()): Promise<{ id: string; token: string }> {
    const created = await api.request('POST', '/api/staff', {
      token: await api.tokenFor('admin'),
      body: { email, displayName: `Member ${email.split('@')[0]}`, role, password: TEST_PASSWORD },
    });
    expect(created.status).toBe(201);
    const login = await signIn(api, email, from);
    return { id: bodyOf(created, staffMemberSchema).id, token: sessionOf(login).accessToken };
  }

  async function staffId(email: string): Promise<string> {
    const [row] = await rowsOf<{ id: string }>(db.dataSource, `SELECT id FROM staff_user WHERE email = $1`, [email]);
    return present(row, `the account ${email}`).id;
  }

  /** Enrols the account behind `token`; answers the secret and the recovery codes. */
  async function enrol(target: TestApi, token: string): Promise<{ secret: string; recoveryCodes: string[] }> {
    const started = await target.request('POST', '/api/auth/second-factor/enrolment', { token });
    expect(started.status).toBe(200);
    const { secret } = bodyOf(started, secondFactorEnrolmentSchema);
    const confirmed = await target.request('POST', '/api/auth/second-factor/enrolment/confirm', { token, body: { code: totpOf(secret).generate() } });
    expect(confirmed.status).toBe(200);
    return { secret, recoveryCodes: bodyOf(confirmed, secondFactorEnrolledSchema).recoveryCodes };
  }

  async function auditActions(targetId: string): Promise<string[]> {
    const rows = await rowsOf<{ action: string }>(
      db.dataSource,
      `SELECT action FROM audit_log WHERE target_id = $1 AND action LIKE 'staff.totp%' ORDER BY id`,
      [targetId],
    );
    return rows.map((row) => row.action);
  }

  it('enrols: a QR code and the secret, confirmed with a code, ten recovery codes shown once; nothing readable stored', async () => {
    const token = await api.tokenFor('caseworker');
    expect(await secondFactorOf(api, token)).toEqual({ enrolled: false, required: false, recoveryCodesLeft: 0 });

    const started = await api.request('POST', '/api/auth/second-factor/enrolment', { token });
    expect(started.status).toBe(200);
    const enrolment = bodyOf(started, secondFactorEnrolmentSchema);
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.otpauthUri).toContain(`secret=${enrolment.secret}`);
    expect(enrolment.qrCodeSvg).toMatch(/^<svg/);

    const wrong = await api.request('POST', '/api/auth/second-factor/enrolment/confirm', {
      token,
      body: { code: '000000' === totpOf(enrolment.secret).generate() ? '111111' : '000000' },
    });
    expect(wrong.status).toBe(400);
    expect(errorPathsOf(wrong)[0]).toBe('code');
    expect((await secondFactorOf(api, token)).enrolled).toBe(false);

    const confirmed = await api.request('POST', '/api/auth/second-factor/enrolment/confirm', { token, body: { code: totpOf(enrolment.secret).generate() } });
    expect(confirmed.status).toBe(200);
    const codes = bodyOf(confirmed, secondFactorEnrolledSchema).recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(await secondFactorOf(api, token)).toEqual({ enrolled: true, required: false, recoveryCodesLeft: 10 });

    // Enrolled already: a second enrolment is refused rather than silently replacing the authenticator.
    expect((await api.request('POST', '/api/auth/second-factor/enrolment', { token })).status).toBe(409);

    const id = await staffId('caseworker@demo.test');
    const stored = JSON.stringify(
      await rowsOf<unknown>(db.dataSource, `SELECT t.*, r.* FROM staff_totp t LEFT JOIN staff_totp_recovery_code r ON r.staff_id = t.staff_id`),
    );
    expect(stored).not.toContain(enrolment.secret);
    for (const code of codes) expect(stored).not.toContain(code);
    expect(await auditActions(id)).toEqual(['staff.totp_enrolled']);
  });

  it('signs in with a code: the password alone gives a challenge, not a session; the code completes it', async () => {
    const from = newAddress();
    const { token } = await newMember('with-code@demo.test', 'caseworker', from);
    const { secret } = await enrol(api, token);

    const first = await signIn(api, 'with-code@demo.test', from);
    expect(first.status).toBe(200);
    expect(bodyOf(first, loginAnswerSchema)).not.toHaveProperty('accessToken');
    expect(challengeOf(first).secondFactor).toBe('required');
    expect(first.headers.get('set-cookie')).toBeNull();
    // The challenge is for the code step only: it opens nothing.
    expect((await api.request('GET', '/api/auth/me', { token: challengeOf(first).challengeToken })).status).toBe(401);

    const done = await secondStep(api, { challengeToken: challengeOf(first).challengeToken, code: nextCode(secret) }, from);
    expect(done.status).toBe(200);
    expect(sessionOf(done).user.email).toBe('with-code@demo.test');
    expect(done.headers.get('set-cookie')).toContain('sg_session=');
    expect((await api.request('GET', '/api/auth/me', { token: sessionOf(done).accessToken })).status).toBe(200);
  });

  it('refuses a wrong code, counting it toward the sign-in lockout', async () => {
    const from = newAddress();
    const { secret } = await enrol(api, (await newMember('wrong-code@demo.test', 'supervisor', from)).token);
    const first = await signIn(api, 'wrong-code@demo.test', from);
    const { challengeToken } = challengeOf(first);
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
    expect((await secondStep(api, { challengeToken: challengeOf(first).challengeToken, code }, from)).status).toBe(200);
    const again = await signIn(api, 'reused@demo.test', from);
    const reused = await secondStep(api, { challengeToken: challengeOf(again).challengeToken, code }, from);
    expect(reused.status).toBe(401);
    // An earlier step's code is refused as well once a later one was used.
    expect((await secondStep(api, { challengeToken: challengeOf(again).challengeToken, code: totpOf(secret).generate() }, from)).status).toBe(401);
  });

  it('accepts each recovery code once, and audits its use', async () => {
    const from = newAddress();
    const member = await newMember('recovery@demo.test', 'caseworker', from);
    const { recoveryCodes } = await enrol(api, member.token);

    const first = await signIn(api, 'recovery@demo.test', from);
    // Typed loosely: lower case, spaces instead of the dash.
    const code = itemAt(recoveryCodes, 3, 'recovery code');
    const typed = code.toLowerCase().replace('-', ' ');
    const used = await secondStep(api, { challengeToken: challengeOf(first).challengeToken, recoveryCode: typed }, from);
    expect(used.status).toBe(200);
    expect((await secondFactorOf(api, sessionOf(used).accessToken)).recoveryCodesLeft).toBe(9);

    const again = await signIn(api, 'recovery@demo.test', from);
    expect((await secondStep(api, { challengeToken: challengeOf(again).challengeToken, recoveryCode: code }, from)).status).toBe(401);
    expect(await auditActions(member.id)).toEqual(['staff.totp_enrolled', 'staff.totp_recovery_used']);
  });

  it("lets an admin reset a member's second factor (audited; their sessions end), and nobody else", async () => {
    const adminToken = await api.tokenFor('admin');
    const created = await api.request('POST', '/api/staff', {
      token: adminToken,
      body: { email: 'reset-me@demo.test', displayName: 'Rene Reset', role: 'caseworker', password: TEST_PASSWORD },
    });
    const memberId = bodyOf(created, staffMemberSchema).id;
    const from = newAddress();
    const memberToken = sessionOf(await signIn(api, 'reset-me@demo.test', from)).accessToken;
    await enrol(api, memberToken);
    expect(challengeOf(await signIn(api, 'reset-me@demo.test', from)).secondFactor).toBe('required');

    const byCaseworker = await api.request('POST', `/api/staff/${memberId}/second-factor/reset`, { token: memberToken });
    expect(byCaseworker.status).toBe(403);

    const reset = await api.request('POST', `/api/staff/${memberId}/second-factor/reset`, { token: adminToken });
    expect(reset.status).toBe(204);
    const audit = await firstRowOf<{ actor_id: string | null; after: unknown }>(
      db.dataSource,
      `SELECT actor_id, after FROM audit_log WHERE target_id = $1 AND action = 'staff.totp_reset'`,
      [memberId],
    );
    expect(audit.actor_id).toBe(await staffId('admin@demo.test'));
    // The member's sign-ins ended with it.
    expect((await api.request('GET', '/api/auth/me', { token: memberToken })).status).toBe(401);
    // A password alone signs them in again, and they can enrol afresh.
    const after = await signIn(api, 'reset-me@demo.test', from);
    expect(sessionOf(after).accessToken).toEqual(expect.any(String) as unknown);
    expect((await secondFactorOf(api, sessionOf(after).accessToken)).enrolled).toBe(false);
    expect((await api.request('POST', `/api/staff/${memberId}/second-factor/reset`, { token: adminToken })).status).toBe(404);
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
    expect(sessionOf(login).enrolmentRequired).toBe(true);
    const token = sessionOf(login).accessToken;
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

    const cases = await strict.request('GET', '/api/cases/counts', { token });
    expect(cases.status).toBe(403);
    expect(errorOf(cases)['code']).toBe('second_factor_enrolment_required');
    expect((await strict.request('GET', '/api/staff', { token })).status).toBe(403);
    expect((await strict.request('GET', '/api/auth/me', { token })).status).toBe(200);
    expect(await secondFactorOf(strict, token)).toEqual({ enrolled: false, required: true, recoveryCodesLeft: 0 });
    // The requirement cannot be switched off by the member.
    expect((await strict.request('POST', '/api/auth/second-factor/disable', { token, body: { code: '123456' } })).status).toBe(403);

    await enrol(strict, token);
    // The same token stays confined; renewing the session (as the web does after enrolling) opens everything.
    expect((await strict.request('GET', '/api/cases/counts', { token })).status).toBe(403);
    const renewed = await fetch(`${strict.baseUrl}/api/auth/refresh`, { method: 'POST', headers: { cookie, 'x-requested-with': 'safeguard-triage' } });
    expect(renewed.status).toBe(200);
    const body = loginResponseSchema.parse(await renewed.json());
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
    const token = sessionOf(await signIn(api, 'optional@demo.test', newAddress())).accessToken;
    const { secret } = await enrol(api, token);
    expect((await api.request('POST', '/api/auth/second-factor/disable', { token, body: { code: '12' } })).status).toBe(400);
    const off = await api.request('POST', '/api/auth/second-factor/disable', { token, body: { code: nextCode(secret) } });
    expect(off.status).toBe(204);
    expect((await secondFactorOf(api, token)).enrolled).toBe(false);
    expect(await auditActions(bodyOf(created, staffMemberSchema).id)).toEqual(['staff.totp_enrolled', 'staff.totp_disabled']);
  });
});
