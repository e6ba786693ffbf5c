import { sign } from 'jsonwebtoken';
import { createSecretKey } from 'node:crypto';
import { DataProtection } from '../security/data-protection';
import { loginResponseSchema } from '@sg/contracts/schemas';
import { present } from '@sg/domain';
import * as z from 'zod';
import { firstRowOf, createTestDatabase, startTestApi, TEST_PASSWORD, TestApi, TestDatabase, testConfig } from '../testing';

/** How long after sign-out an access token may still work (a cached session check). */
const REVOCATION_SECONDS = 5;

/**
 * Staff sessions: the refresh cookie rotates on every use; a rotated one used again means it was
 * copied, so every session descending from that sign-in ends. Signing out ends the access tokens
 * too, within seconds, not at their expiry.
 */
describe('staff sessions', () => {
  let db: TestDatabase;
  let one: TestApi;
  let two: TestApi;

  beforeAll(async () => {
    db = await createTestDatabase();
    // Two API processes: a session ended on one must end on the other. These specs sign in more
    // often than the per-minute sign-in limit allows one address; that limit is not under test.
    one = await startTestApi(db, testConfig(db.url, { loginRateLimitPerMinute: 1000 }));
    two = await startTestApi(db, testConfig(db.url, { loginRateLimitPerMinute: 1000 }));
  });

  afterAll(async () => {
    await one?.close();
    await two?.close();
    await db?.drop();
  });

  interface Session {
    cookie: string;
    accessToken: string;
  }

  async function signIn(email = 'caseworker@demo.test'): Promise<Session> {
    const response = await fetch(`${one.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: TEST_PASSWORD }),
    });
    if (response.status !== 200) throw new Error(`sign-in: ${response.status}`);
    return {
      cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
      accessToken: loginResponseSchema.parse(await response.json()).accessToken,
    };
  }

  async function refresh(api: TestApi, cookie: string): Promise<{ status: number; session?: Session }> {
    const response = await fetch(`${api.baseUrl}/api/auth/refresh`, { method: 'POST', headers: { cookie, 'x-requested-with': 'safeguard-triage' } });
    if (response.status !== 200) return { status: response.status };
    const body = loginResponseSchema.parse(await response.json());
    return { status: 200, session: { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '', accessToken: body.accessToken } };
  }

  const me = (api: TestApi, token: string) => api.request('GET', '/api/auth/me', { token });

  /** Polls until `token` is refused on `api`, for at most `seconds`; answers how long it took (or null). */
  async function refusedWithin(api: TestApi, token: string, seconds: number): Promise<number | null> {
    const started = Date.now();
    while (Date.now() - started <= seconds * 1000) {
      if ((await me(api, token)).status === 401) return (Date.now() - started) / 1000;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return null;
  }

  /** Makes every rotation so far older than the grace a racing second tab gets. */
  const ageRotations = () => db.dataSource.query(`UPDATE staff_session SET revoked_at = revoked_at - interval '1 minute' WHERE revoked_at IS NOT NULL`);

  it('ends the whole family when a rotated refresh token is used again', async () => {
    const first = await signIn();
    const second = present((await refresh(one, first.cookie)).session, 'the renewed session');
    const third = present((await refresh(two, second.cookie)).session, 'the renewed session');
    expect(third).toBeDefined();
    expect((await me(one, third.accessToken)).status).toBe(200);
    await ageRotations();

    // Someone replays the first cookie, copied before it was rotated.
    expect((await refresh(two, first.cookie)).status).toBe(401);

    // Every session descending from that sign-in has ended: the newest cookie, and its access tokens.
    expect((await refresh(one, third.cookie)).status).toBe(401);
    expect(await refusedWithin(one, third.accessToken, REVOCATION_SECONDS + 1)).not.toBeNull();
    expect(await refusedWithin(two, second.accessToken, REVOCATION_SECONDS + 1)).not.toBeNull();
    const audit = await firstRowOf<{ action: string; target_kind: string }>(
      db.dataSource,
      `SELECT action, target_kind FROM audit_log WHERE action = 'staff.session_reused'`,
    );
    expect(audit).toEqual({ action: 'staff.session_reused', target_kind: 'staff_user' });
  });

  it('leaves the same person’s other sign-ins alone', async () => {
    const elsewhere = await signIn();
    const stolen = await signIn();
    const rotated = present((await refresh(one, stolen.cookie)).session, 'the renewed session');
    await ageRotations();
    expect((await refresh(one, stolen.cookie)).status).toBe(401);
    expect((await refresh(one, rotated.cookie)).status).toBe(401);

    const renewed = await refresh(two, elsewhere.cookie);
    expect(renewed.status).toBe(200);
    expect((await me(two, renewed.session?.accessToken ?? '')).status).toBe(200);
  });

  it('does not end the family when two tabs renew with the same cookie at the same moment', async () => {
    const session = await signIn();
    const [a, b] = await Promise.all([refresh(one, session.cookie), refresh(two, session.cookie)]);
    // One tab is renewed; the other is told to sign in again, and nothing else ends.
    expect([a.status, b.status].sort()).toEqual([200, 401]);
    const winner = present(a.session ?? b.session, 'the renewed session');
    expect((await refresh(one, winner.cookie)).status).toBe(200);
  });

  it('refuses an access token within 5 seconds of signing out, on every API process', async () => {
    const session = await signIn();
    expect((await me(one, session.accessToken)).status).toBe(200);
    expect((await me(two, session.accessToken)).status).toBe(200);

    const out = await fetch(`${one.baseUrl}/api/auth/logout`, { method: 'POST', headers: { cookie: session.cookie } });
    expect(out.status).toBe(204);
    // The process that signed out knows at once; another within the cache's few seconds.
    expect((await me(one, session.accessToken)).status).toBe(401);
    const seconds = await refusedWithin(two, session.accessToken, REVOCATION_SECONDS + 1);
    expect(seconds).not.toBeNull();
    expect(seconds ?? Number.POSITIVE_INFINITY).toBeLessThanOrEqual(REVOCATION_SECONDS + 0.5);
    expect((await refresh(two, session.cookie)).status).toBe(401);
  });

  it('leaves nothing alive when signing out races a renewal of the same sign-in', async () => {
    for (let i = 0; i < 8; i++) {
      const session = await signIn();
      const [renewed] = await Promise.all([
        refresh(i % 2 ? one : two, session.cookie),
        fetch(`${(i % 2 ? two : one).baseUrl}/api/auth/logout`, { method: 'POST', headers: { cookie: session.cookie } }),
      ]);
      if (renewed.session) {
        expect((await refresh(one, renewed.session.cookie)).status).toBe(401);
        expect(await refusedWithin(two, renewed.session.accessToken, REVOCATION_SECONDS + 1)).not.toBeNull();
      }
    }
  });

  it('refuses a validly signed access token without an expiry', async () => {
    const session = await signIn();
    const claims = z.record(z.string(), z.unknown()).parse(JSON.parse(Buffer.from(session.accessToken.split('.')[1] ?? '', 'base64url').toString()));
    expect(typeof claims['exp']).toBe('number');
    const forever = { ...claims };
    delete forever['exp'];
    delete forever['iat'];
    const keys = one.app.get(DataProtection, { strict: false }).sessionSigningKeys;
    const key = createSecretKey(present(keys.key(keys.current), 'the current session-signing key'));
    const neverExpires = sign(forever, key, { algorithm: 'HS256' });

    expect((await me(one, session.accessToken)).status).toBe(200);
    const refused = await me(one, neverExpires);
    expect(refused.status).toBe(401);
  });
});
