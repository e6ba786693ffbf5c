import { loginResponseSchema } from '@sg/contracts/schemas';
import { bodyOf, createTestDatabase, startTestApi, TestApi, TestDatabase, testConfig, TEST_PASSWORD } from '../testing';

describe('staff sign-in', () => {
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

  it('signs in with email and password and identifies the caller', async () => {
    const login = await api.request('POST', '/api/auth/login', { body: { email: 'Supervisor@Demo.test ', password: TEST_PASSWORD } });
    expect(login.status).toBe(200);
    const signedIn = bodyOf(login, loginResponseSchema);
    expect(signedIn.user).toMatchObject({ email: 'supervisor@demo.test', role: 'supervisor', displayName: 'Sam Supervisor' });
    expect(JSON.stringify(login.body)).not.toMatch(/argon2|password/i);
    const me = await api.request('GET', '/api/auth/me', { token: signedIn.accessToken });
    expect(me.body).toMatchObject({ email: 'supervisor@demo.test', role: 'supervisor' });
  });

  it('gives the same 401 for a wrong password and an unknown email', async () => {
    const wrongPassword = await api.request('POST', '/api/auth/login', { body: { email: 'admin@demo.test', password: 'nope' } });
    const unknown = await api.request('POST', '/api/auth/login', { body: { email: 'nobody@demo.test', password: 'nope' } });
    expect(wrongPassword.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknown.body);
  });

  it('needs a token for staff endpoints and refuses a forged one', async () => {
    expect((await api.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await api.request('GET', '/api/auth/me', { token: 'eyJhbGciOiJIUzI1NiJ9.e30.x' })).status).toBe(401);
  });

  it('throttles repeated sign-in attempts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      statuses.push((await api.request('POST', '/api/auth/login', { body: { email: 'caseworker@demo.test', password: `guess-${i}` } })).status);
    }
    expect(statuses).toContain(429);
    // Throttled per account: a colleague at the same address still signs in.
    expect((await api.request('POST', '/api/auth/login', { body: { email: 'supervisor@demo.test', password: TEST_PASSWORD } })).status).toBe(200);
  });
});
