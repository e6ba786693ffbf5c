import { DEFAULT_FOLLOW_UP_CADENCE, FollowUpCadence, scaleCadence } from '@sg/domain';
import { z } from 'zod';

/**
 * Every setting the API and worker read, parsed once at start-up. Nothing else reads
 * `process.env`. The README's configuration table lists the same settings.
 */
const booleanFromString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => ['true', '1', 'yes'].includes(value));

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

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL');

export const appConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    API_PORT: port.default(3000),
    DATABASE_URL: postgresUrl,
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
    SMTP_URL: z.string().regex(/^(smtps?:\/\/.+|json)$/, 'must be an smtp:// or smtps:// URL (or "json" to log messages instead)').optional(),
    MAIL_FROM: z.string().min(3).default('Safeguard Triage <no-reply@localhost>'),
    PUBLIC_URL: z.string().regex(/^https?:\/\/[^/]+/, 'must be the address people open, e.g. https://triage.example.org').default('http://localhost:4200'),
    QUEUE_HEALTH_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
    LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    SESSION_TTL_MINUTES: z.coerce.number().int().min(5).max(7 * 24 * 60).default(12 * 60),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.DEMO_SEED === true) {
      ctx.addIssue({
        code: 'custom',
        path: ['DEMO_SEED'],
        message: 'demo accounts with a known password are refused when NODE_ENV=production',
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
  readonly databaseUrl: string;
  readonly redisUrl: string | undefined;
  readonly queueBackend: QueueBackendKind;
  readonly queuePrefix: string;
  readonly demoSeed: boolean;
  readonly demoPassword: string;
  readonly logLevel: string;
  readonly runMigrations: boolean;
  /** 32 bytes; every key the app uses (encryption, access codes, sessions) is derived from it. */
  readonly dataEncryptionKey: Buffer;
  readonly intakeRateLimit: { limit: number; windowSeconds: number };
  readonly apiRateLimitPerMinute: number;
  /** Sign-in attempts per minute for one account from one address. */
  readonly loginRateLimitPerMinute: number;
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
  /** Where people open the product (links in e-mail). */
  readonly publicUrl: string;
  /** Access tokens are short-lived; the browser refreshes them through the session cookie. */
  readonly accessTokenTtlSeconds: number;
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
    databaseUrl: value.DATABASE_URL,
    redisUrl: value.REDIS_URL,
    queueBackend: value.REDIS_URL ? 'redis' : 'postgres',
    queuePrefix: value.QUEUE_PREFIX,
    demoSeed: value.DEMO_SEED ?? value.NODE_ENV !== 'production',
    demoPassword: value.DEMO_PASSWORD,
    logLevel: value.LOG_LEVEL,
    runMigrations: value.MIGRATIONS_RUN,
    dataEncryptionKey: value.DATA_ENCRYPTION_KEY ? Buffer.from(value.DATA_ENCRYPTION_KEY, 'base64') : DEVELOPMENT_ONLY_KEY,
    intakeRateLimit: { limit: value.INTAKE_RATE_LIMIT, windowSeconds: value.INTAKE_RATE_WINDOW_SECONDS },
    apiRateLimitPerMinute: value.API_RATE_LIMIT_PER_MINUTE,
    sessionTtlMinutes: value.SESSION_TTL_MINUTES,
    loginRateLimitPerMinute: value.LOGIN_RATE_LIMIT_PER_MINUTE,
    accessTokenTtlSeconds: 15 * 60,
    queueHealthCacheMs: value.QUEUE_HEALTH_CACHE_MS,
    followUpTimeScale: value.FOLLOW_UP_TIME_SCALE,
    smtpUrl: value.SMTP_URL,
    mailFrom: value.MAIL_FROM,
    publicUrl: value.PUBLIC_URL.replace(/\/+$/, ''),
    followUpCadence: scaleCadence({ ...DEFAULT_FOLLOW_UP_CADENCE, ...value.FOLLOW_UP_CADENCE }, value.FOLLOW_UP_TIME_SCALE),
  };
}
