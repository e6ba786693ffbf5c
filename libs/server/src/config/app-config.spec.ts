import { ConfigurationError, loadConfig } from './app-config';

const base = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/safeguard' };

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('loadConfig', () => {
  it('applies the documented defaults and picks the PostgreSQL queue backend without REDIS_URL', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({
      apiPort: 3000,
      queueBackend: 'postgres',
      queuePrefix: 'sg',
      demoSeed: true,
      nodeEnv: 'development',
      runMigrations: true,
    });
  });

  it('uses Redis for queues when REDIS_URL is set', () => {
    const config = loadConfig({ ...base, REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(config.queueBackend).toBe('redis');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
  });

  it('takes the closure-offer period from FOLLOW_UP_CADENCE (90 days unless set), scaled like the rest', () => {
    expect(loadConfig(base).followUpCadence.closureOfferMinutes).toBe(90 * 24 * 60);
    const config = loadConfig({ ...base, FOLLOW_UP_CADENCE: '{"closureOfferMinutes": 43200}', FOLLOW_UP_TIME_SCALE: '0.5' });
    expect(config.followUpCadence.closureOfferMinutes).toBe(21600);
  });

  it('locks an address out of an account after 5 failures and the account after 20, in 15 minutes, unless set', () => {
    expect(loadConfig(base).loginLockout).toEqual({ addressFailures: 5, failures: 20, windowMinutes: 15 });
    expect(loadConfig({ ...base, LOGIN_LOCKOUT_ADDRESS_FAILURES: '8', LOGIN_LOCKOUT_FAILURES: '40' }).loginLockout).toMatchObject({
      addressFailures: 8,
      failures: 40,
    });
    expect(problemsOf({ ...base, LOGIN_LOCKOUT_ADDRESS_FAILURES: 'five' })).toEqual([expect.stringMatching(/^LOGIN_LOCKOUT_ADDRESS_FAILURES:/)]);
    expect(problemsOf({ ...base, LOGIN_LOCKOUT_ADDRESS_FAILURES: '30' })).toEqual([
      'LOGIN_LOCKOUT_ADDRESS_FAILURES: must be at most LOGIN_LOCKOUT_FAILURES (20): one address is locked out of an account before the account is',
    ]);
  });

  it('treats an empty REDIS_URL as unset', () => {
    expect(loadConfig({ ...base, REDIS_URL: '' }).queueBackend).toBe('postgres');
  });

  it('names a missing DATABASE_URL', () => {
    expect(problemsOf({})).toEqual(['DATABASE_URL is required but not set']);
  });

  it('waits 7 days before deleting a case the person asked to delete, unless CASE_DELETION_COOLING_OFF_DAYS says otherwise (1 to 90)', () => {
    expect(loadConfig(base).caseDeletionCoolingOffDays).toBe(7);
    expect(loadConfig({ ...base, CASE_DELETION_COOLING_OFF_DAYS: '14' }).caseDeletionCoolingOffDays).toBe(14);
    for (const bad of ['0', '91', '2.5', 'a week']) {
      expect(problemsOf({ ...base, CASE_DELETION_COOLING_OFF_DAYS: bad })).toEqual([expect.stringMatching(/^CASE_DELETION_COOLING_OFF_DAYS: /)]);
    }
  });

  it('holds 10 database connections per process unless DATABASE_POOL_SIZE says otherwise (2 to 200)', () => {
    expect(loadConfig(base).databasePoolSize).toBe(10);
    expect(loadConfig({ ...base, DATABASE_POOL_SIZE: '40' }).databasePoolSize).toBe(40);
    for (const bad of ['1', '201', '2.5', 'many']) {
      expect(problemsOf({ ...base, DATABASE_POOL_SIZE: bad })).toEqual([expect.stringMatching(/^DATABASE_POOL_SIZE: /)]);
    }
  });

  it('runs the API as one process unless API_PROCESSES says how many (1 to 64)', () => {
    expect(loadConfig(base).apiProcesses).toBe(1);
    expect(loadConfig({ ...base, API_PROCESSES: '4' }).apiProcesses).toBe(4);
    for (const bad of ['0', '65', '1.5', 'all']) {
      expect(problemsOf({ ...base, API_PROCESSES: bad })).toEqual([expect.stringMatching(/^API_PROCESSES: /)]);
    }
  });

  it('takes an optional owner URL for migrations, on the same database as DATABASE_URL', () => {
    expect(loadConfig(base).databaseOwnerUrl).toBeUndefined();
    expect(loadConfig({ ...base, DATABASE_OWNER_URL: 'postgres://owner:x@127.0.0.1:5432/safeguard' }).databaseOwnerUrl).toBe(
      'postgres://owner:x@127.0.0.1:5432/safeguard',
    );
    expect(problemsOf({ ...base, DATABASE_OWNER_URL: 'mysql://owner@127.0.0.1/safeguard' })).toEqual([
      'DATABASE_OWNER_URL: must be a postgres:// or postgresql:// URL',
    ]);
    expect(problemsOf({ ...base, DATABASE_OWNER_URL: 'postgres://owner@127.0.0.1:5432/other' })).toEqual([
      'DATABASE_OWNER_URL: must name the same server and database as DATABASE_URL (only the user and password differ)',
    ]);
  });

  it('names every bad setting at once', () => {
    const problems = problemsOf({ ...base, API_PORT: 'eighty', REDIS_URL: 'http://x', LOG_LEVEL: 'loud' });
    expect(problems).toHaveLength(3);
    expect(problems.some((p) => p.startsWith('API_PORT:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('REDIS_URL:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('LOG_LEVEL:'))).toBe(true);
  });

  const key = Buffer.alloc(32, 7).toString('base64');

  it('requires a second factor of supervisors and admins in production and of nobody elsewhere, unless TOTP_REQUIRED_ROLES says otherwise', () => {
    expect(loadConfig(base).totpRequiredRoles).toEqual([]);
    expect(loadConfig({ ...base, NODE_ENV: 'test' }).totpRequiredRoles).toEqual([]);
    expect(loadConfig({ ...base, NODE_ENV: 'production', DATA_ENCRYPTION_KEY: key }).totpRequiredRoles).toEqual(['supervisor', 'admin']);
    expect(loadConfig({ ...base, NODE_ENV: 'production', DATA_ENCRYPTION_KEY: key, TOTP_REQUIRED_ROLES: 'none' }).totpRequiredRoles).toEqual([]);
    expect(loadConfig({ ...base, TOTP_REQUIRED_ROLES: 'all' }).totpRequiredRoles).toEqual(['caseworker', 'supervisor', 'admin']);
    expect(loadConfig({ ...base, TOTP_REQUIRED_ROLES: ' Admin, supervisor,admin ' }).totpRequiredRoles).toEqual(['admin', 'supervisor']);
    for (const bad of ['root', 'admin,boss', ',']) {
      expect(problemsOf({ ...base, TOTP_REQUIRED_ROLES: bad })).toEqual([expect.stringMatching(/^TOTP_REQUIRED_ROLES: .* is not a staff role/)]);
    }
  });

  it('refuses demo accounts in production and does not seed them by default there', () => {
    expect(problemsOf({ ...base, NODE_ENV: 'production', DEMO_SEED: 'true', DATA_ENCRYPTION_KEY: key })).toEqual([
      'DEMO_SEED: demo accounts with a known password are refused when NODE_ENV=production',
    ]);
    expect(loadConfig({ ...base, NODE_ENV: 'production', DATA_ENCRYPTION_KEY: key }).demoSeed).toBe(false);
  });

  it('requires a real encryption key in production and checks its length', () => {
    expect(problemsOf({ ...base, NODE_ENV: 'production' })[0]).toMatch(/^DATA_ENCRYPTION_KEY: is required/);
    expect(problemsOf({ ...base, DATA_ENCRYPTION_KEY: 'c2hvcnQ=' })[0]).toMatch(/^DATA_ENCRYPTION_KEY: must be 32 random bytes/);
    expect(loadConfig({ ...base, DATA_ENCRYPTION_KEY: key }).dataEncryptionKey).toEqual(Buffer.alloc(32, 7));
  });

  it('reads versioned key lists, newest first, for data, access codes and sessions; the single key stays version 1', () => {
    const k = (byte: number) => Buffer.alloc(32, byte).toString('base64');
    const config = loadConfig({
      ...base,
      DATA_ENCRYPTION_KEY: key,
      DATA_ENCRYPTION_KEYS: `3:${k(3)}, 2:${k(2)}`,
      ACCESS_CODE_KEYS: `2:${k(4)}`,
      SESSION_SIGNING_KEYS: `5:${k(5)}`,
    });
    expect(config.keys.dataEncryption).toEqual([
      { version: 3, key: Buffer.alloc(32, 3) },
      { version: 2, key: Buffer.alloc(32, 2) },
    ]);
    expect(config.keys.accessCode).toEqual([{ version: 2, key: Buffer.alloc(32, 4) }]);
    expect(config.keys.sessionSigning).toEqual([{ version: 5, key: Buffer.alloc(32, 5) }]);
    expect(loadConfig(base).keys).toEqual({ dataEncryption: [], accessCode: [], sessionSigning: [] });
  });

  it('refuses a key list that is not version:base64 of 32 bytes, reuses version 1, repeats a version or is not newest first', () => {
    const k = Buffer.alloc(32, 9).toString('base64');
    expect(problemsOf({ ...base, DATA_ENCRYPTION_KEYS: k })[0]).toMatch(/^DATA_ENCRYPTION_KEYS: .*version:base64key/);
    expect(problemsOf({ ...base, ACCESS_CODE_KEYS: '2:c2hvcnQ=' })[0]).toMatch(/^ACCESS_CODE_KEYS: .*32 random bytes/);
    expect(problemsOf({ ...base, SESSION_SIGNING_KEYS: `1:${k}` })[0]).toMatch(/^SESSION_SIGNING_KEYS: .*version 1 is DATA_ENCRYPTION_KEY/);
    expect(problemsOf({ ...base, DATA_ENCRYPTION_KEYS: `2:${k},2:${k}` })[0]).toMatch(/^DATA_ENCRYPTION_KEYS: .*more than once/);
    expect(problemsOf({ ...base, DATA_ENCRYPTION_KEYS: `2:${k},3:${k}` })[0]).toMatch(/^DATA_ENCRYPTION_KEYS: .*newest first/);
    expect(problemsOf({ ...base, DATA_ENCRYPTION_KEYS: `256:${k}` })[0]).toMatch(/^DATA_ENCRYPTION_KEYS: /);
  });

  it('trusts X-Forwarded-For from loopback only, unless TRUST_PROXY says otherwise', () => {
    expect(loadConfig(base).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ ...base, TRUST_PROXY: 'uniquelocal' }).trustProxy).toEqual(['uniquelocal']);
    expect(loadConfig({ ...base, TRUST_PROXY: 'loopback, 172.16.0.0/12,10.1.2.3, fd00::/8' }).trustProxy).toEqual([
      'loopback',
      '172.16.0.0/12',
      '10.1.2.3',
      'fd00::/8',
    ]);
    expect(loadConfig({ ...base, TRUST_PROXY: '2' }).trustProxy).toBe(2);
  });

  it('refuses a TRUST_PROXY that is not a hop count, address, range or name, and refuses "true"', () => {
    for (const bad of ['true', 'everyone', '10.0.0.0/33', '300.1.1.1', 'loopback,', '10.0.0.0/8/1', '-1']) {
      expect(problemsOf({ ...base, TRUST_PROXY: bad })[0]).toMatch(/^TRUST_PROXY: /);
    }
  });
});
