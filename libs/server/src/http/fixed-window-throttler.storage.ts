import { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';

interface Window {
  hits: number;
  /** When this window's count starts again from zero (ms). */
  resetsAt: number;
  /** Set once the limit is passed: refused until then (ms), then a new window. */
  blockedUntil: number;
}

/** Expired windows are dropped every this many counted requests (no timer to stop). */
const EVICT_EVERY = 10_000;

/**
 * Rate-limit counters: one number per client and limit, counted in fixed windows. The in-memory
 * storage that comes with @nestjs/throttler keeps the expiry time of every hit and filters the
 * whole list on each request, so memory and time per client grow with the limit (up to 600
 * numbers per address for the general limit, re-read on every request). A fixed window lets a
 * client send up to twice its limit across a window's edge, which is fine for limits meant to
 * stop floods and guessing. Counts live in this process, as before.
 */
export class FixedWindowThrottlerStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private counted = 0;
  /** The clock, replaceable in tests. */
  now: () => number = Date.now;

  increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    if (++this.counted % EVICT_EVERY === 0) this.evictExpired(now);
    const id = `${throttlerName}:${key}`;
    let window = this.windows.get(id);
    if (!window || (window.blockedUntil ? window.blockedUntil <= now : window.resetsAt <= now)) {
      window = { hits: 0, resetsAt: now + ttl, blockedUntil: 0 };
      this.windows.set(id, window);
    }
    if (!window.blockedUntil) {
      window.hits += 1;
      if (window.hits > limit) window.blockedUntil = now + blockDuration;
    }
    const seconds = (at: number) => Math.max(0, Math.ceil((at - now) / 1000));
    return Promise.resolve({
      totalHits: window.hits,
      timeToExpire: seconds(window.resetsAt),
      isBlocked: window.blockedUntil > now,
      timeToBlockExpire: seconds(window.blockedUntil),
    });
  }

  /** How many clients and limits are being counted (for tests). */
  get size(): number {
    return this.windows.size;
  }

  private evictExpired(now: number): void {
    for (const [id, window] of this.windows) {
      if (window.resetsAt <= now && window.blockedUntil <= now) this.windows.delete(id);
    }
  }
}
