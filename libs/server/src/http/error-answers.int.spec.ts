import { createTestDatabase, errorOf, startTestApi, TestApi, TestDatabase, testConfig, TestResponse } from '../testing';

/**
 * Every error answer has the shape the contract promises (`ErrorResponse`: statusCode, error,
 * message), also those no controller raises: the rate limiter's 429 and the body parser's 413, 415
 * and 400, so a client generated from the OpenAPI document can read them all the same way.
 */
describe('error answers outside the controllers', () => {
  let db: TestDatabase;
  let api: TestApi;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url, { intakeRateLimit: { limit: 4, windowSeconds: 600 } }));
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const intake = (body: unknown, headers?: Record<string, string>) => api.request('POST', '/api/intakes', { body, ...(headers ? { headers } : {}) });

  it.each([
    ['413', 'Payload Too Large', () => intake({ narrative: 'x'.repeat(2 * 1024 * 1024) })],
    ['415', 'Unsupported Media Type', () => intake('{}', { 'content-type': 'application/json; charset=latin1' })],
    ['400', 'Bad Request', () => intake('{"narrative":', { 'content-type': 'application/json' })],
  ] as const)('the body parser’s %s names its error (%s) and says why', async (status, error, send) => {
    const answer = errorOf(await send());
    expect(answer).toEqual(expect.objectContaining({ statusCode: Number(status), error }) as unknown);
    expect(answer.message.length).toBeGreaterThan(0);
  });

  it('the rate limiter’s 429 names its error and says when to try again', async () => {
    let refused: TestResponse | undefined;
    for (let i = 0; i < 10 && !refused; i++) {
      const answer = await intake({});
      if (answer.status === 429) refused = answer;
    }
    expect(refused?.status).toBe(429);
    const answer = errorOf(refused ?? { body: undefined });
    expect(answer).toEqual(expect.objectContaining({ statusCode: 429, error: 'Too Many Requests' }) as unknown);
    expect(answer.message).toMatch(/wait/);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
