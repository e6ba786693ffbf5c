import { createTestDatabase, startTestApi, TEST_PASSWORD, TestApi, TestDatabase, testConfig } from '../testing';
import { accountKey, FIRST_LOCKOUT_MINUTES } from './login-throttle';

/**
 * Guesses spread over many addresses (and API processes) against one account: the per-address
 * limit never sees them; the per-account count in the database does.
 */
describe('per-account sign-in lockout', () => {
  let db: TestDatabase;
  let one: TestApi;
  let two: TestApi;
  let address = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    // Two API processes on one database, as a scaled deployment runs them.
    one = await startTestApi(db, testConfig(db.url));
    two = await startTestApi(db, testConfig(db.url));
  });

  afterAll(async () => {
    await one?.close();
    await two?.close();
    await db?.drop();
  });

  /** Every attempt from a new address (X-Forwarded-For is trusted from loopback, as behind the web server). */
  const signIn = (api: TestApi, email: string, password: string) =>
    api.request('POST', '/api/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': `198.51.100.${(address++ % 250) + 1}` } });

  async function fail(times: number, email: string, apis: TestApi[] = [one]): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < times; i++) statuses.push((await signIn(apis[i % apis.length], email, `wrong-guess-${i}`)).status);
    return statuses;
  }

  const endLock = (email: string) => db.dataSource.query(`UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE account_key = $1`, [accountKey(email)]);

  it('locks an account after 10 failures from rotating addresses across API processes, even for the right password', async () => {
    const email = 'caseworker@demo.test';
    const statuses = await fail(10, email, [one, two]);
    expect(statuses).toEqual(Array(10).fill(401));

    const locked = await signIn(one, email, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(FIRST_LOCKOUT_MINUTES * 60 - 10);
    expect(retryAfter).toBeLessThanOrEqual(FIRST_LOCKOUT_MINUTES * 60);
    expect(locked.body.message).toMatch(/Too many failed sign-ins for this account/);
    expect((await signIn(two, email, 'another-guess')).status).toBe(429);
    // Nothing of what was typed is kept.
    expect(JSON.stringify(await db.dataSource.query(`SELECT * FROM login_throttle`))).not.toContain(email);
  });

  it('locks for longer each time, and a successful sign-in clears it', async () => {
    const email = 'caseworker@demo.test';
    await endLock(email);
    expect(await fail(10, email)).toEqual(Array(10).fill(401));
    const second = await signIn(one, email, TEST_PASSWORD);
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(2 * FIRST_LOCKOUT_MINUTES * 60 - 10);

    await endLock(email);
    expect((await signIn(one, email, TEST_PASSWORD)).status).toBe(200);
    expect(await db.dataSource.query(`SELECT 1 FROM login_throttle WHERE account_key = $1`, [accountKey(email)])).toEqual([]);
    // Afresh: nine more failures are nine 401s, and the right password still works.
    expect(await fail(9, email)).toEqual(Array(9).fill(401));
    expect((await signIn(one, email, TEST_PASSWORD)).status).toBe(200);
  });

  it('does not count failures older than the window', async () => {
    const email = 'supervisor@demo.test';
    expect(await fail(9, email)).toEqual(Array(9).fill(401));
    await db.dataSource.query(`UPDATE login_throttle SET window_started_at = now() - interval '16 minutes' WHERE account_key = $1`, [accountKey(email)]);
    expect(await fail(9, email)).toEqual(Array(9).fill(401));
    expect((await signIn(one, email, TEST_PASSWORD)).status).toBe(200);
  });

  it('treats an email with no account the same, so a 429 gives nothing away', async () => {
    const statuses = await fail(11, 'nobody-here@demo.test');
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
  });

  it('keeps the same 401 for every failure before the lock: no hint how close it is', async () => {
    const email = 'admin@demo.test';
    const bodies = [];
    for (let i = 0; i < 9; i++) bodies.push((await signIn(one, email, `nope-${i}`)).body);
    expect(new Set(bodies.map((body) => JSON.stringify(body))).size).toBe(1);
    expect(bodies[0].message).toBe('Email or password is not right');
    expect((await signIn(one, email, TEST_PASSWORD)).status).toBe(200);
  });
});
