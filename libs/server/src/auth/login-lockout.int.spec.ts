import { staffListSchema } from '@sg/contracts/schemas';
import { bodyOf, createTestDatabase, errorOf, firstRowOf, startTestApi, TEST_PASSWORD, TestApi, TestDatabase, testConfig, TestResponse } from '../testing';
import { accountKey, FIRST_LOCKOUT_MINUTES } from './login-throttle';
import { itemAt } from '@sg/domain';

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
    for (let i = 0; i < times; i++) statuses.push((await signIn(itemAt(apis, i % apis.length, 'API'), email, `wrong-guess-${i}`)).status);
    return statuses;
  }

  const endLock = (email: string) =>
    db.dataSource.query(`UPDATE login_throttle SET locked_until = now() - interval '1 second' WHERE account_key = $1`, [accountKey(email)]);

  it('locks an account after 20 failures from rotating addresses across API processes, even for the right password', async () => {
    const email = 'caseworker@demo.test';
    const statuses = await fail(20, email, [one, two]);
    expect(statuses).toEqual(Array(20).fill(401));

    const locked = await signIn(one, email, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(FIRST_LOCKOUT_MINUTES * 60 - 10);
    expect(retryAfter).toBeLessThanOrEqual(FIRST_LOCKOUT_MINUTES * 60);
    expect(errorOf(locked).message).toMatch(/Too many failed sign-ins for this account/);
    expect((await signIn(two, email, 'another-guess')).status).toBe(429);
    // Nothing of what was typed is kept.
    expect(JSON.stringify(await db.dataSource.query(`SELECT * FROM login_throttle`))).not.toContain(email);
  });

  it('locks for longer each time, and a successful sign-in clears it', async () => {
    const email = 'caseworker@demo.test';
    await endLock(email);
    expect(await fail(20, email)).toEqual(Array(20).fill(401));
    const second = await signIn(one, email, TEST_PASSWORD);
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(2 * FIRST_LOCKOUT_MINUTES * 60 - 10);

    await endLock(email);
    expect((await signIn(one, email, TEST_PASSWORD)).status).toBe(200);
    expect(await db.dataSource.query(`SELECT 1 FROM login_throttle WHERE account_key = $1`, [accountKey(email)])).toEqual([]);
    // Afresh: nineteen more failures are nineteen 401s, and the right password still works.
    expect(await fail(19, email)).toEqual(Array(19).fill(401));
    expect((await signIn(one, email, TEST_PASSWORD)).status).toBe(200);
  });

  it('does not count failures older than the window', async () => {
    const email = 'supervisor@demo.test';
    expect(await fail(19, email)).toEqual(Array(19).fill(401));
    await db.dataSource.query(`UPDATE login_throttle SET window_started_at = now() - interval '16 minutes' WHERE account_key = $1`, [accountKey(email)]);
    expect(await fail(19, email)).toEqual(Array(19).fill(401));
    expect((await signIn(one, email, TEST_PASSWORD)).status).toBe(200);
  });

  it('treats an email with no account the same, so a 429 gives nothing away', async () => {
    const statuses = await fail(21, 'nobody-here@demo.test');
    expect(statuses).toEqual([...Array<number>(20).fill(401), 429]);
  });

  it('keeps the same 401 for every failure before the lock: no hint how close it is', async () => {
    const email = 'admin@demo.test';
    const answers: TestResponse[] = [];
    for (let i = 0; i < 19; i++) answers.push(await signIn(one, email, `nope-${i}`));
    expect(new Set(answers.map((answer) => JSON.stringify(answer.body))).size).toBe(1);
    expect(errorOf(itemAt(answers, 0, 'answer')).message).toBe('Email or password is not right');
    expect((await signIn(one, email, TEST_PASSWORD)).status).toBe(200);
  });
});

/**
 * The lock is counted before any password is checked, in one statement, so guesses sent at once
 * are counted one after another; per account and address first, then per account.
 * The in-memory per-process limit (LOGIN_RATE_LIMIT_PER_MINUTE) is raised here: with several API
 * processes it multiplies anyway, and what is tested is the shared lock in PostgreSQL.
 */
describe('sign-in lockout under guesses sent at once', () => {
  // Unfixed, all 40 passwords are checked (argon2id, slow on purpose): give that room to show.
  jest.setTimeout(120_000);
  const ADDRESS_FAILURES = 5;
  const ACCOUNT_FAILURES = 20;
  let db: TestDatabase;
  let one: TestApi;
  let two: TestApi;
  let spare = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    one = await startTestApi(db, testConfig(db.url, { loginRateLimitPerMinute: 10_000 }));
    two = await startTestApi(db, testConfig(db.url, { loginRateLimitPerMinute: 10_000 }));
  });

  afterAll(async () => {
    await one?.close();
    await two?.close();
    await db?.drop();
  });

  const signInFrom = (api: TestApi, address: string, email: string, password: string) =>
    api.request('POST', '/api/auth/login', { body: { email, password }, headers: { 'x-forwarded-for': address } });
  /** An address no other attempt in this describe used. */
  const freshAddress = () => `192.0.2.${++spare}`;
  const count = (statuses: number[], status: number) => statuses.filter((value) => value === status).length;

  it('checks only 5 of 40 wrong passwords sent at once from one address, refuses the right one sent meanwhile, and counts them all', async () => {
    const email = 'caseworker@demo.test';
    const address = '203.0.113.7';
    const guesses = Array.from({ length: 40 }, (_, i) => signInFrom(i % 2 ? two : one, address, email, `wrong-guess-${i}`));
    // As soon as any guess is answered, the right password from the same address.
    await Promise.race(guesses);
    const right = await signInFrom(one, address, email, TEST_PASSWORD);
    const statuses = (await Promise.all(guesses)).map((response) => response.status);

    expect(right.status).toBe(429);
    expect(count(statuses, 401)).toBe(ADDRESS_FAILURES);
    expect(count(statuses, 429)).toBe(40 - ADDRESS_FAILURES);
    // The address's first lockout, counted from the fifth guess (answers can take seconds on a busy machine).
    const retryAfter = Number(right.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan((FIRST_LOCKOUT_MINUTES * 60) / 2);
    expect(retryAfter).toBeLessThanOrEqual(FIRST_LOCKOUT_MINUTES * 60);
    // Every attempt was counted against the address, none beyond the five against the account.
    const pair = await firstRowOf<{ attempts: number }>(db.dataSource, `SELECT attempts FROM login_throttle_address WHERE account_key = $1`, [
      accountKey(email),
    ]);
    expect(pair.attempts).toBe(41);
    const account = await firstRowOf<{ attempts: number }>(db.dataSource, `SELECT attempts FROM login_throttle WHERE account_key = $1`, [accountKey(email)]);
    expect(account.attempts).toBe(ADDRESS_FAILURES);
    // The address is kept only as a keyed hash.
    expect(JSON.stringify(await db.dataSource.query(`SELECT * FROM login_throttle_address`))).not.toContain('203.0.113');
  });

  it('checks only 20 of 40 wrong passwords sent at once from 40 addresses, then refuses the right one from anywhere', async () => {
    const email = 'caseworker2@demo.test';
    const guesses = Array.from({ length: 40 }, (_, i) => signInFrom(i % 2 ? two : one, freshAddress(), email, `wrong-guess-${i}`));
    await Promise.race(guesses);
    const right = await signInFrom(two, freshAddress(), email, TEST_PASSWORD);
    const statuses = (await Promise.all(guesses)).map((response) => response.status);

    expect(right.status).toBe(429);
    expect(errorOf(right).message).toMatch(/Too many failed sign-ins for this account/);
    expect(count(statuses, 401)).toBe(ACCOUNT_FAILURES);
    expect(count(statuses, 429)).toBe(40 - ACCOUNT_FAILURES);
    expect((await signInFrom(one, freshAddress(), email, TEST_PASSWORD)).status).toBe(429);
  });

  it('locks one address out of an account first, while a colleague elsewhere still signs in', async () => {
    const email = 'supervisor@demo.test';
    const attacker = '203.0.113.50';
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await signInFrom(one, attacker, email, `nope-${i}`)).status);
    expect(statuses).toEqual([...Array<number>(ADDRESS_FAILURES).fill(401), ...Array<number>(12 - ADDRESS_FAILURES).fill(429)]);
    expect((await signInFrom(two, attacker, email, TEST_PASSWORD)).status).toBe(429);

    expect((await signInFrom(one, '203.0.113.51', email, TEST_PASSWORD)).status).toBe(200);
    // Her sign-in does not unlock the guessing address.
    expect((await signInFrom(one, attacker, email, TEST_PASSWORD)).status).toBe(429);
  });

  it('locks the account once enough addresses have each failed a few times', async () => {
    const email = 'nobody-here@demo.test';
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const address = freshAddress();
      for (let j = 0; j < 4; j++) statuses.push((await signInFrom(one, address, email, `nope-${i}-${j}`)).status);
    }
    expect(statuses).toEqual(Array(ACCOUNT_FAILURES).fill(401));
    expect((await signInFrom(two, freshAddress(), email, 'another')).status).toBe(429);
  });

  it("clears the account's lock when an admin resets the password", async () => {
    const email = 'caseworker2@demo.test';
    // Locked by the second test; make sure, from addresses of its own.
    for (let i = 0; i < 30 && (await signInFrom(one, freshAddress(), email, `wrong-${i}`)).status !== 429; i++);
    expect((await signInFrom(one, freshAddress(), email, TEST_PASSWORD)).status).toBe(429);
    const guessingAddress = freshAddress();
    for (let i = 0; i < 8; i++) await signInFrom(one, guessingAddress, email, `wrong-again-${i}`);

    const admin = await one.tokenFor('admin');
    const staff = bodyOf(await one.request('GET', '/api/staff', { token: admin }), staffListSchema);
    const target = staff.find((member) => member.email === email);
    const reset = await one.request('PATCH', `/api/staff/${target?.id}`, { token: admin, body: { password: 'a-new-long-password' } });
    expect(reset.status).toBe(200);

    expect((await signInFrom(two, freshAddress(), email, 'a-new-long-password')).status).toBe(200);
    // Every address's count for the account went with it.
    expect((await signInFrom(two, guessingAddress, email, 'a-new-long-password')).status).toBe(200);
  });
});
