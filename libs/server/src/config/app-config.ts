import { DEFAULT_FOLLOW_UP_CADENCE, FollowUpCadence, isStaffRole, scaleCadence, StaffRole } from '@sg/domain';
import { isIP } from 'node:net';
import { z } from 'zod';
import { parseKeyList, VersionedKey } from './key-list';

/**
 * Every setting the API and worker read, parsed once at start-up. Nothing else reads
 * `process.env`. The README's configuration table lists the same settings.
 */
const booleanFromString = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((value) => ['true', '1', 'yes'].includes(value));

const port = z.coerce.number().int().min(1).max(65535);

const minutes = z.number().nonnegative();
/** Any part of the follow-up cadence, in minutes, overriding the defaults from the domain guide. */
const followUpCadenceOverrides = z.strictObject({
  wellbeingCheckMinutes: z.array(minutes).optional(),
  deadlineReminderLeadMinutes: minutes.optional(),
  takedownChaseMinutes: minutes.optional(),
  takedownEscalationMinutes: minutes.optional(),
  reappearanceCheckMinutes: z.array(minutes).optional(),
  reportFollowUpMinutes: z.array(minutes).optional(),
  caseReviewMinutes: z.array(minutes).optional(),
  slaEscalationGraceMinutes: minutes.optional(),
  closureOfferMinutes: minutes.optional(),
});

/** Express's named address ranges for `trust proxy`. */
const TRUSTED_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isAddressOrRange(part: string): boolean {
  if (TRUSTED_RANGE_NAMES.includes(part)) return true;
  const [address, bits, ...rest] = part.split('/');
  const family = isIP(address ?? '');
  if (!family || rest.length) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * Which peers may tell the API the client's address in X-Forwarded-For (per-client rate limits
 * key on it): a hop count, or a comma-separated list of addresses, CIDR ranges and Express's
 * names (loopback, linklocal, uniquelocal). `true` (trust every peer) is refused: any client could
 * then pick its own address and so its own rate-limit bucket.
 */
const trustProxy = z.string().transform((text, ctx): number | string[] => {
  const value = text.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const parts = value.split(',').map((part) => part.trim());
  const bad = parts.filter((part) => !isAddressOrRange(part));
  if (bad.length) {
    ctx.addIssue({
      code: 'custom',
      message:
        `"${bad.join('", "')}" is not a hop count (e.g. 1) or a comma-separated list of addresses, CIDR ranges ` +
        '(e.g. 10.0.0.0/8) or the names loopback, linklocal, uniquelocal ("true", trusting every peer, is refused)',
    });
    return z.NEVER;
  }
  return parts;
});

/**
 * TOTP_REQUIRED_ROLES: staff roles that must sign in with a second factor, comma-separated
 * (`supervisor,admin`), `none` for nobody, `all` for every role. Unset: see loadConfig.
 */
const totpRequiredRoles = z.string().transform((text, ctx): StaffRole[] => {
  const value = text.trim().toLowerCase();
  if (value === 'none') return [];
  if (value === 'all') return ['caseworker', 'supervisor', 'admin'];
  const parts = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const bad = parts.filter((part) => !isStaffRole(part));
  if (bad.length || !parts.length) {
    ctx.addIssue({
      code: 'custom',
      message: `"${bad.join('", "') || text}" is not a staff role: use a comma-separated list of caseworker, supervisor, admin (or all, or none)`,
    });
    return z.NEVER;
  }
  return [...new Set(parts.filter(isStaffRole))];
});

/** A first-response target counted in the organisation's opening hours (organisation/). */
/** `3:base64key,2:base64key`: newer key versions of one purpose, newest first (config/key-list.ts). */
const keyList = z.string().transform((text, ctx): VersionedKey[] => {
  const parsed = parseKeyList(text);
  if ('keys' in parsed) return parsed.keys;
  ctx.addIssue({ code: 'custom', message: parsed.problem });
  return z.NEVER;
});

const openingHours = z.coerce
  .number()
  .positive('must be a positive number of opening hours, e.g. 8')
  .max(24 * 7 * 4, 'must be at most 672 opening hours (four weeks of 24/7)');

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL');

/** Host, port and database of two postgres:// URLs agree (the roles differ, the database does not). */
function sameDatabase(a: string, b: string): boolean {
  const where = (text: string) => {
    const url = new URL(text);
    return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
  };
  try {
    return where(a) === where(b);
  } catch {
    return false;
  }
}

export const appConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    API_PORT: port.default(3000),
    API_PROCESSES: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(64, 'must be at most 64').default(1),
    API_HOST: z
      .string()
      .regex(/^[0-9A-Za-z.:-]+$/, 'must be an address to listen on, e.g. 127.0.0.1 or 0.0.0.0')
      .optional(),
    DATABASE_URL: postgresUrl,
    DATABASE_OWNER_URL: postgresUrl.optional(),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
      .optional(),
    QUEUE_PREFIX: z
      .string()
      .regex(/^[a-z][a-z0-9_]{0,30}$/, 'lower-case letters, digits and _ only, starting with a letter')
      .default('sg'),
    DEMO_SEED: booleanFromString.optional(),
    DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('demo-safeguard-2026'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MIGRATIONS_RUN: booleanFromString.default(true),
    DATA_ENCRYPTION_KEY: z
      .string()
      .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 random bytes, base64-encoded (openssl rand -base64 32)')
      .optional(),
    DATA_ENCRYPTION_KEYS: keyList.optional(),
    ACCESS_CODE_KEYS: keyList.optional(),
    SESSION_SIGNING_KEYS: keyList.optional(),
    INTAKE_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
    INTAKE_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(600),
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    FOLLOW_UP_TIME_SCALE: z.coerce.number().positive('must be a positive number (1 = real time, 0.001 = a day in 86 s)').default(1),
    FOLLOW_UP_CADENCE: z
      .string()
      .transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          ctx.addIssue({ code: 'custom', message: 'must be JSON, e.g. {"takedownChaseMinutes": 1440}' });
          return z.NEVER;
        }
      })
      .pipe(followUpCadenceOverrides)
      .optional(),
    SMTP_URL: z
      .string()
      .regex(/^(smtps?:\/\/.+|json)$/, 'must be an smtp:// or smtps:// URL (or "json" to log messages instead)')
      .optional(),
    MAIL_FROM: z.string().min(3).default('Safeguard Triage <no-reply@localhost>'),
    NUDGE_FROM_NAMED: z.string().min(3).optional(),
    NUDGE_FROM_NEUTRAL: z.string().min(3).default('Messages <no-reply@localhost>'),
    PUBLIC_URL: z
      .string()
      .regex(/^https?:\/\/[^/]+/, 'must be the address people open, e.g. https://triage.example.org')
      .default('http://localhost:4200'),
    QUEUE_HEALTH_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
    LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    SESSION_TTL_MINUTES: z.coerce
      .number()
      .int()
      .min(5)
      .max(7 * 24 * 60)
      .default(12 * 60),
    TRUST_PROXY: trustProxy.default(['loopback']),
    LOGIN_LOCKOUT_FAILURES: z.coerce.number().int().min(3).max(1000).default(20),
    LOGIN_LOCKOUT_ADDRESS_FAILURES: z.coerce.number().int().min(3).max(1000).default(5),
    LOGIN_LOCKOUT_WINDOW_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(15),
    WORKER_SYNCHRONOUS_COMMIT: booleanFromString.default(false),
    HIGH_TARGET_OPENING_HOURS: openingHours.default(8),
    STANDARD_TARGET_OPENING_HOURS: openingHours.default(16),
    CASE_DELETION_COOLING_OFF_DAYS: z.coerce
      .number()
      .int('must be a whole number of days')
      .min(1, 'must be at least 1 day')
      .max(90, 'must be at most 90 days')
      .default(7),
    TOTP_REQUIRED_ROLES: totpRequiredRoles.optional(),
    DATABASE_POOL_SIZE: z.coerce.number().int('must be a whole number').min(2, 'must be at least 2').max(200, 'must be at most 200').default(10),
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_OWNER_URL && !sameDatabase(env.DATABASE_OWNER_URL, env.DATABASE_URL)) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_OWNER_URL'],
        message: 'must name the same server and database as DATABASE_URL (only the user and password differ)',
      });
    }
    if (env.NODE_ENV === 'production' && env.DEMO_SEED === true) {
      ctx.addIssue({
        code: 'custom',
        path: ['DEMO_SEED'],
        message: 'demo accounts with a known password are refused when NODE_ENV=production',
      });
    }
    if (env.LOGIN_LOCKOUT_ADDRESS_FAILURES > env.LOGIN_LOCKOUT_FAILURES) {
      ctx.addIssue({
        code: 'custom',
        path: ['LOGIN_LOCKOUT_ADDRESS_FAILURES'],
        message: `must be at most LOGIN_LOCKOUT_FAILURES (${env.LOGIN_LOCKOUT_FAILURES}): one address is locked out of an account before the account is`,
      });
    }
    if (env.NODE_ENV === 'production' && !env.DATA_ENCRYPTION_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATA_ENCRYPTION_KEY'],
        message: 'is required when NODE_ENV=production (contact details are encrypted with it)',
      });
    }
  });

export type QueueBackendKind = 'postgres' | 'redis';

export interface AppConfig {
  readonly nodeEnv: 'development' | 'test' | 'production';
  readonly apiPort: number;
  /**
   * API_PROCESSES: how many API processes serve API_PORT on this machine (Node's cluster: a primary
   * forks them and replaces one that dies). Each holds its own DATABASE_POOL_SIZE connections.
   */
  readonly apiProcesses: number;
  /** The address the API listens on; unset: every interface (containers need that). */
  readonly apiHost: string | undefined;
  /** The application role: what the API and worker serve with (DML only; the audit log append-only). */
  readonly databaseUrl: string;
  /**
   * The owner role: migrations, BullMQ's schema and the application role's grants (DATABASE_OWNER_URL).
   * Unset: migrations run as DATABASE_URL, and start-up warns that the app runs as the owner.
   */
  readonly databaseOwnerUrl: string | undefined;
  readonly redisUrl: string | undefined;
  readonly queueBackend: QueueBackendKind;
  readonly queuePrefix: string;
  readonly demoSeed: boolean;
  readonly demoPassword: string;
  readonly logLevel: string;
  readonly runMigrations: boolean;
  /**
   * 32 bytes (DATA_ENCRYPTION_KEY): version 1 of the data, access-code and session keys is derived
   * from it (as every key was before versions), and so are the keyed-hash indexes (offender
   * identifiers, client addresses, rate-limit counters), which are not rotated.
   */
  readonly dataEncryptionKey: Buffer;
  /**
   * Newer key versions, each list newest first (the first writes; all still read): DATA_ENCRYPTION_KEYS,
   * ACCESS_CODE_KEYS, SESSION_SIGNING_KEYS. Empty: version 1 (from dataEncryptionKey) is current.
   */
  readonly keys: { dataEncryption: VersionedKey[]; accessCode: VersionedKey[]; sessionSigning: VersionedKey[] };
  readonly intakeRateLimit: { limit: number; windowSeconds: number };
  readonly apiRateLimitPerMinute: number;
  /** Sign-in attempts per minute for one account from one address. */
  readonly loginRateLimitPerMinute: number;
  /**
   * Failed sign-ins within `windowMinutes` that lock one address out of an account
   * (`addressFailures`), and the account for everyone (`failures`) (auth/login-throttle.ts).
   */
  readonly loginLockout: { failures: number; addressFailures: number; windowMinutes: number };
  /** How long a browser session lasts without signing in again (the refresh cookie's life). */
  readonly sessionTtlMinutes: number;
  /** Supervisors' queue-health numbers are shared for this long (0: computed on every request). */
  readonly queueHealthCacheMs: number;
  /** The follow-up cadence in force (defaults, the organisation's overrides, then the time scale). */
  readonly followUpCadence: FollowUpCadence;
  /** Multiplies every cadence duration and first-response target: demos and tests run a week in seconds. */
  readonly followUpTimeScale: number;
  /** Staff e-mail for fired follow-ups; unset: no e-mail. */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /** Sender of the person's e-mail nudges when they allowed the organisation to be named (default MAIL_FROM). */
  readonly nudgeFromNamed: string;
  /** Sender when they did not: an address on a domain that does not identify the organisation. */
  readonly nudgeFromNeutral: string;
  /** Where people open the product (links in e-mail). */
  readonly publicUrl: string;
  /** Access tokens are short-lived; the browser refreshes them through the session cookie. */
  readonly accessTokenTtlSeconds: number;
  /**
   * Express's `trust proxy`: which peers' X-Forwarded-For names the client (a hop count, or
   * addresses / CIDR ranges / loopback, linklocal, uniquelocal). Default: loopback only, for the
   * web server `npm start` runs beside the API.
   */
  readonly trustProxy: number | readonly string[];
  /**
   * Whether this process's database commits wait until they are on disk (PostgreSQL's
   * synchronous_commit). Always true, except in a worker process (see workerConfig).
   */
  readonly synchronousCommit: boolean;
  /** WORKER_SYNCHRONOUS_COMMIT: whether workers' commits wait for the disk too. */
  readonly workerSynchronousCommit: boolean;
  /**
   * First-response targets of `high` and `standard` cases, in the organisation's opening hours
   * (HIGH_/STANDARD_TARGET_OPENING_HOURS); `emergency` and `urgent` stay on the clock.
   */
  readonly targetOpeningHours: { high: number; standard: number };
  /** CASE_DELETION_COOLING_OFF_DAYS: days between the person's request to delete their case and the deletion (they may cancel meanwhile). */
  readonly caseDeletionCoolingOffDays: number;
  /** DATABASE_POOL_SIZE: PostgreSQL connections each API or worker process may hold at once. */
  readonly databasePoolSize: number;
  /**
   * TOTP_REQUIRED_ROLES: roles that must sign in with a second factor; until they have enrolled one,
   * their sign-in reaches enrolment only. Default supervisor and admin in production, nobody
   * otherwise (so the demo accounts sign in with a password).
   */
  readonly totpRequiredRoles: readonly StaffRole[];
}

/**
 * Used only outside production when DATA_ENCRYPTION_KEY is not set, so `npm start` works on a
 * fresh clone. Production refuses to start without a real key.
 */
export const DEVELOPMENT_ONLY_KEY = Buffer.from('c2FmZWd1YXJkLXRyaWFnZS1kZXZlbG9wbWVudC1rZXk=', 'base64');

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/** Parses the environment into the typed configuration, or throws naming every bad setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // An empty setting (`REDIS_URL=`) means "not set", as it does in a shell.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = appConfigSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigurationError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.') || '(environment)';
        const missing = issue.code === 'invalid_type' && present[name] === undefined;
        return missing ? `${name} is required but not set` : `${name}: ${issue.message}`;
      }),
    );
  }
  const value = parsed.data;
  return {
    nodeEnv: value.NODE_ENV,
    apiPort: value.API_PORT,
    apiProcesses: value.API_PROCESSES,
    apiHost: value.API_HOST,
    databaseUrl: value.DATABASE_URL,
    databaseOwnerUrl: value.DATABASE_OWNER_URL,
    redisUrl: value.REDIS_URL,
    queueBackend: value.REDIS_URL ? 'redis' : 'postgres',
    queuePrefix: value.QUEUE_PREFIX,
    demoSeed: value.DEMO_SEED ?? value.NODE_ENV !== 'production',
    demoPassword: value.DEMO_PASSWORD,
    logLevel: value.LOG_LEVEL,
    runMigrations: value.MIGRATIONS_RUN,
    dataEncryptionKey: value.DATA_ENCRYPTION_KEY ? Buffer.from(value.DATA_ENCRYPTION_KEY, 'base64') : DEVELOPMENT_ONLY_KEY,
    keys: { dataEncryption: value.DATA_ENCRYPTION_KEYS ?? [], accessCode: value.ACCESS_CODE_KEYS ?? [], sessionSigning: value.SESSION_SIGNING_KEYS ?? [] },
    intakeRateLimit: { limit: value.INTAKE_RATE_LIMIT, windowSeconds: value.INTAKE_RATE_WINDOW_SECONDS },
    apiRateLimitPerMinute: value.API_RATE_LIMIT_PER_MINUTE,
    sessionTtlMinutes: value.SESSION_TTL_MINUTES,
    loginRateLimitPerMinute: value.LOGIN_RATE_LIMIT_PER_MINUTE,
    loginLockout: {
      failures: value.LOGIN_LOCKOUT_FAILURES,
      addressFailures: value.LOGIN_LOCKOUT_ADDRESS_FAILURES,
      windowMinutes: value.LOGIN_LOCKOUT_WINDOW_MINUTES,
    },
    accessTokenTtlSeconds: 15 * 60,
    queueHealthCacheMs: value.QUEUE_HEALTH_CACHE_MS,
    followUpTimeScale: value.FOLLOW_UP_TIME_SCALE,
    smtpUrl: value.SMTP_URL,
    mailFrom: value.MAIL_FROM,
    nudgeFromNamed: value.NUDGE_FROM_NAMED ?? value.MAIL_FROM,
    nudgeFromNeutral: value.NUDGE_FROM_NEUTRAL,
    publicUrl: value.PUBLIC_URL.replace(/\/+$/, ''),
    trustProxy: value.TRUST_PROXY,
    synchronousCommit: true,
    workerSynchronousCommit: value.WORKER_SYNCHRONOUS_COMMIT,
    targetOpeningHours: { high: value.HIGH_TARGET_OPENING_HOURS, standard: value.STANDARD_TARGET_OPENING_HOURS },
    caseDeletionCoolingOffDays: value.CASE_DELETION_COOLING_OFF_DAYS,
    databasePoolSize: value.DATABASE_POOL_SIZE,
    totpRequiredRoles: value.TOTP_REQUIRED_ROLES ?? (value.NODE_ENV === 'production' ? ['supervisor', 'admin'] : []),
    followUpCadence: scaleCadence({ ...DEFAULT_FOLLOW_UP_CADENCE, ...value.FOLLOW_UP_CADENCE }, value.FOLLOW_UP_TIME_SCALE),
  };
}
