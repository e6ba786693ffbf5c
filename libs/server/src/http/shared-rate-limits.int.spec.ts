import { createTestDatabase, startTestApi, TestApi, TestDatabase, testConfig, TestResponse } from '../testing';

/**
 * The limits that keep guessing pointless (access codes, sign-in) and floods out of the intake
 * hold for the whole deployment, not per API process: two API instances on one database share
 * one budget, so guesses split across them are refused at the same total as guesses sent to one.
 */
describe('shared rate limits', () => {
  let db: TestDatabase;
  let first: TestApi;
  let second: TestApi;
  const INTAKE_LIMIT = 4;
  const LOGIN_LIMIT = 4;
  /** The access-code limit's number (30 a minute per client), unchanged. */
  const CASE_ACCESS_LIMIT = 30;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = () => ({ ...testConfig(db.url), intakeRateLimit: { limit: INTAKE_LIMIT, windowSeconds: 600 }, loginRateLimitPerMinute: LOGIN_LIMIT });
    first = await startTestApi(db, config());
    second = await startTestApi(db, config());
  });

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await db?.drop();
  });

  /** Sends `count` requests, taking turns between the two instances; the answers' statuses. */
  async function alternate(count: number, send: (api: TestApi, i: number) => Promise<TestResponse>): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i < count; i++) statuses.push((await send(i % 2 === 0 ? first : second, i)).status);
    return statuses;
  }

  function expectRefused(response: TestResponse): void {
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  }

  it('access-code guesses split across two instances are refused at the limit of one', async () => {
    const guess = (api: TestApi, i: number) =>
      api.request('POST', '/api/case-access', { body: { reference: 'SG-ZZZZ-ZZZZ', accessCode: `AAAA-BBBB-CCCC-${String(1000 + i)}` } });
    const statuses = await alternate(CASE_ACCESS_LIMIT, guess);
    expect(statuses.filter((status) => status === 429)).toEqual([]);
    expectRefused(await guess(first, CASE_ACCESS_LIMIT));
    expectRefused(await guess(second, CASE_ACCESS_LIMIT + 1));
  });

  it('intakes split across two instances are refused at the limit of one', async () => {
    // Invalid bodies: answered 400, yet counted (the limit runs before validation).
    const submit = (api: TestApi) => api.request('POST', '/api/intakes', { body: {} });
    expect(await alternate(INTAKE_LIMIT, submit)).toEqual(Array(INTAKE_LIMIT).fill(400));
    expectRefused(await submit(second));
    expectRefused(await submit(first));
  });

  it('sign-in attempts split across two instances are refused at the limit of one', async () => {
    const signIn = (api: TestApi) => api.request('POST', '/api/auth/login', { body: { email: 'someone@demo.test', password: 'wrong-password-here' } });
    expect(await alternate(LOGIN_LIMIT, signIn)).toEqual(Array(LOGIN_LIMIT).fill(401));
    expectRefused(await signIn(first));
    expectRefused(await signIn(second));
  });

  it('the counts kept in the database name no client: no address, no e-mail address', async () => {
    const rows: Array<{ key: string }> = await db.dataSource.query(`SELECT key FROM rate_limit_counter`);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const keys = rows.map((row) => row.key).join(' ');
    expect(keys).not.toMatch(/127\.0\.0\.1|::1|someone|demo\.test/);
  });
});
