import { createTestDatabase, startTestApi, TestApi, TestDatabase, testConfig } from '../testing';

/**
 * Per-client limits key on the client's address. Behind the web server (in containers another
 * host on the private network, see docker-compose.yml) that address is in X-Forwarded-For, which
 * may only be believed from the peers TRUST_PROXY names. These specs call from 127.0.0.1.
 */
describe('TRUST_PROXY and per-client rate limits', () => {
  let db: TestDatabase;
  const apis: TestApi[] = [];
  const LIMIT = 2;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await Promise.all(apis.map((api) => api.close()));
    await db?.drop();
  });

  async function apiTrusting(trustProxy: number | string[]): Promise<TestApi> {
    const api = await startTestApi(db, { ...testConfig(db.url), trustProxy, intakeRateLimit: { limit: LIMIT, windowSeconds: 600 } });
    apis.push(api);
    return api;
  }

  /** An invalid intake: answered 400, yet counted by the intake limit (the limit runs first). */
  const submitFrom = (api: TestApi, forwardedFor: string) => api.request('POST', '/api/intakes', { body: {}, headers: { 'x-forwarded-for': forwardedFor } });

  it('from a trusted proxy, the forwarded address is the client: one family at its limit does not block the next', async () => {
    const api = await apiTrusting(['loopback']);
    for (let i = 0; i < LIMIT; i++) expect((await submitFrom(api, '203.0.113.10')).status).toBe(400);
    expect((await submitFrom(api, '203.0.113.10')).status).toBe(429);
    expect((await submitFrom(api, '203.0.113.20')).status).toBe(400);
    // The proxy appends the address it saw; only the untrusted right-most entry counts, so a
    // client cannot pick a fresh bucket by sending its own X-Forwarded-For through the proxy.
    expect((await submitFrom(api, '198.51.100.1, 203.0.113.10')).status).toBe(429);
  });

  it('from an untrusted peer, X-Forwarded-For is ignored: changing it does not escape the limit', async () => {
    const api = await apiTrusting(['10.0.0.0/8', 'uniquelocal']);
    for (let i = 0; i < LIMIT; i++) expect((await submitFrom(api, `203.0.113.${30 + i}`)).status).toBe(400);
    const limited = await submitFrom(api, '203.0.113.99');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('a hop count trusts that many proxies in front of the API', async () => {
    const api = await apiTrusting(1);
    for (let i = 0; i < LIMIT; i++) expect((await submitFrom(api, '203.0.113.40')).status).toBe(400);
    expect((await submitFrom(api, '203.0.113.40')).status).toBe(429);
    expect((await submitFrom(api, '203.0.113.41')).status).toBe(400);
  });

  it('counts staff requests per session, not per address: one office behind one address shares no limit', async () => {
    const api = await startTestApi(db, { ...testConfig(db.url), apiRateLimitPerMinute: 3 });
    apis.push(api);
    const [casey, supervisor] = [await api.tokenFor('caseworker'), await api.tokenFor('supervisor')];
    const queue = (token?: string) => api.request('GET', '/api/resources', token ? { token } : {});
    for (let i = 0; i < 3; i++) expect((await queue(casey)).status).toBe(200);
    expect((await queue(casey)).status).toBe(429);
    // A colleague at the same address still has their own requests.
    expect((await queue(supervisor)).status).toBe(200);
    // A made-up token gets a fresh count, and a 401.
    expect((await queue('made.up.token')).status).toBe(401);
  });
});
