import { decodeJwtPayload, refreshDelayMs, refreshRetryDelayMs, tokenExpiresAt, userFromToken } from './jwt';

const encode = (value: object) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
    .replace(/=+$/, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
const jwt = (payload: object) => `${encode({ alg: 'HS256' })}.${encode(payload)}.sig`;

describe('jwt helpers', () => {
  it('reads exp as epoch milliseconds', () => {
    expect(tokenExpiresAt(jwt({ exp: 1_800_000_000 }))).toBe(1_800_000_000_000);
  });

  it('reads non-ASCII names (base64url of UTF-8)', () => {
    expect(decodeJwtPayload(jwt({ name: 'Zoë ✓' }))?.['name']).toBe('Zoë ✓');
  });

  it('returns null for anything that is not a JWT', () => {
    expect(tokenExpiresAt('nonsense')).toBeNull();
    expect(decodeJwtPayload('a.%%%.c')).toBeNull();
  });

  it('rebuilds the signed-in person from the token when an answer carries only the token', () => {
    expect(userFromToken(jwt({ sub: 'u1', email: 'a@b.test', name: 'Ada', role: 'admin' }))).toEqual({
      id: 'u1',
      email: 'a@b.test',
      displayName: 'Ada',
      role: 'admin',
      language: 'en',
    });
    expect(userFromToken(jwt({ sub: 'u1', email: 'a@b.test', name: 'Ada', role: 'admin', lang: 'ms' }))?.language).toBe('ms');
    expect(userFromToken(jwt({ sub: 'u1', email: 'a@b.test', name: 'Ada', role: 'admin', lang: 'es' }))?.language).toBe('en');
    expect(userFromToken(jwt({ sub: 'u1', email: 'a@b.test', role: 'root' }))).toBeNull();
  });

  it('plans the refresh a minute before expiry, sooner for short tokens, never in under 5 s', () => {
    expect(refreshDelayMs(15 * 60_000, 0)).toBe(14 * 60_000);
    expect(refreshDelayMs(100_000, 0)).toBe(80_000);
    expect(refreshDelayMs(1_000, 0)).toBe(5_000);
  });

  it('retries an unanswered refresh after 5 s, 10 s, 20 s ... at most a minute apart', () => {
    expect([0, 1, 2, 3, 4, 10].map(refreshRetryDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);
  });
});
