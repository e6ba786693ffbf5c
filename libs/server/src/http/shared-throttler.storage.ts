import { ThrottlerStorage } from '@nestjs/throttler';
import { createHmac, hkdfSync } from 'node:crypto';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { FixedWindowThrottlerStorage } from './fixed-window-throttler.storage';

type ThrottlerRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** The table the counts live in (migration 1766400000000-rate-limit-counter). */
export const RATE_LIMIT_TABLE = 'rate_limit_counter';

/**
 * Rate-limit counters for @nestjs/throttler, shared by every API process where it matters. The
 * limits named in `shared` (guessing an access code or a password, flooding the intake) count in
 * PostgreSQL through rate-limiter-flexible, so N processes allow what one does, not N times as
 * much; `npm start` needs nothing more than the database it already has. The others (the general
 * per-client limit, token refresh) stay in this process's memory (FixedWindowThrottlerStorage).
 *
 * Keys are stored as a keyed hash (HMAC, key derived from the data encryption key): the table
 * never holds an address or an e-mail address, nor a hash that could be reversed by trying every
 * IPv4 address. If PostgreSQL cannot be reached, each limit falls back to counting in memory
 * (rate-limiter-flexible's insurance limiter) rather than refusing or letting everything through.
 */
export class SharedThrottlerStorage implements ThrottlerStorage {
  private readonly limiters = new Map<string, RateLimiterAbstract>();
  private readonly keyHashKey: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    masterKey: Buffer,
    private readonly shared: ReadonlySet<string>,
    private readonly local: ThrottlerStorage = new FixedWindowThrottlerStorage(),
  ) {
    this.keyHashKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'safeguard-triage:rate-limit-keys', 32));
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerRecord> {
    if (!this.shared.has(throttlerName)) return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    const limiter = this.limiterFor(throttlerName, ttl, limit, blockDuration);
    const hashed = createHmac('sha256', this.keyHashKey).update(key).digest('base64url');
    try {
      const counted = await limiter.consume(hashed);
      return { totalHits: counted.consumedPoints, timeToExpire: seconds(counted.msBeforeNext), isBlocked: false, timeToBlockExpire: 0 };
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const wait = Math.max(1, seconds(refusal.msBeforeNext));
      return { totalHits: Math.max(refusal.consumedPoints, limit + 1), timeToExpire: wait, isBlocked: true, timeToBlockExpire: wait };
    }
  }

  /** One limiter per named limit; the numbers come from the throttler's options and do not change. */
  private limiterFor(name: string, ttlMs: number, limit: number, blockDurationMs: number): RateLimiterAbstract {
    let limiter = this.limiters.get(name);
    if (!limiter) {
      const duration = Math.max(1, Math.ceil(ttlMs / 1000));
      const blockDuration = Math.max(1, Math.ceil(blockDurationMs / 1000));
      limiter = new RateLimiterPostgres({
        storeClient: this.dataSource,
        storeType: 'typeorm',
        tableName: RATE_LIMIT_TABLE,
        // Created by the migration: the schema is only ever migrations.
        tableCreated: true,
        // One limiter tidies the table (rows expired over an hour ago, every 5 minutes, on an
        // unref'd timer); all of them share it.
        clearExpiredByTimeout: this.limiters.size === 0,
        keyPrefix: name,
        points: limit,
        duration,
        // Past the limit, refused for this long (as @nestjs/throttler's blockDuration, which
        // defaults to the window).
        blockDuration,
        // A client already refused is refused from memory for the rest of its block, so a flood
        // of guesses does not become a flood of writes to one row.
        inMemoryBlockOnConsumed: limit + 1,
        inMemoryBlockDuration: blockDuration,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points: limit, duration, blockDuration }),
      });
      this.limiters.set(name, limiter);
    }
    return limiter;
  }
}

function seconds(ms: number): number {
  return Math.max(0, Math.ceil(ms / 1000));
}
