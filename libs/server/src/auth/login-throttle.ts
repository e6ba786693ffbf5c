import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { loginThrottleRepository } from './login-throttle.repository';

/** The first lockout lasts this long; each further one twice as long as the one before, up to the cap. */
export const FIRST_LOCKOUT_MINUTES = 5;
export const MAX_LOCKOUT_MINUTES = 60;
/** Lockouts count towards a longer next one until the account has gone this long without a failure. */
const LOCKOUTS_REMEMBERED_HOURS = 24;

/** `429` for an account whose sign-in is locked; the controller sends `retryAfterSeconds` as Retry-After. */
export class AccountLockedException extends HttpException {
  constructor(readonly retryAfterSeconds: number) {
    super(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        error: 'Too Many Requests',
        message: 'Too many failed sign-ins for this account. Wait and try again, or ask an admin to reset the password.',
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/** The row key: what people type as their email is not kept (some type a password there). */
export function accountKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

export function lockoutMinutes(previousLockouts: number): number {
  return Math.min(MAX_LOCKOUT_MINUTES, FIRST_LOCKOUT_MINUTES * 2 ** previousLockouts);
}

/**
 * Failed sign-ins per account, in the database so the limit holds across every API process and
 * whatever address the guesses come from (the per-address limit in rate-limit.module.ts cannot).
 * LOGIN_LOCKOUT_FAILURES failures within LOGIN_LOCKOUT_WINDOW_MINUTES lock the account's sign-in
 * for 5 minutes, then 10, 20, ... up to an hour; a successful sign-in clears it all. Unknown
 * emails are counted the same way, so a 429 says nothing about whether an account exists.
 * The price: someone who knows a colleague's email can keep their sign-in locked; an admin can
 * still reset the password, and the lock never outlasts an hour.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Throws AccountLockedException while the account's sign-in is locked. */
  async assertNotLocked(email: string): Promise<void> {
    const seconds = await loginThrottleRepository.lockedSeconds(this.dataSource, accountKey(email));
    if (seconds !== null) throw new AccountLockedException(Math.max(1, seconds));
  }

  /** Counts a failure; the one that reaches the limit locks the account (the answer to it stays 401). */
  async recordFailure(email: string): Promise<void> {
    const key = accountKey(email);
    const { failures: limit, windowMinutes } = this.config.loginLockout;
    await this.dataSource.transaction(async (manager) => {
      // Locked: concurrent failures for one account are counted one after another.
      const row = await loginThrottleRepository.lockForCounting(manager, key);
      const now = row.now.getTime();
      const windowOver = row.window_started_at.getTime() < now - windowMinutes * 60_000 || (row.locked_until !== null && row.locked_until.getTime() <= now);
      const lockouts = row.updated_at.getTime() < now - LOCKOUTS_REMEMBERED_HOURS * 3_600_000 ? 0 : row.lockouts;
      const failures = windowOver ? 1 : row.failures + 1;
      const lock = failures >= limit;
      await loginThrottleRepository.update(manager, key, {
        failures: lock ? 0 : failures,
        restartWindow: windowOver || lock,
        lockouts: lock ? lockouts + 1 : lockouts,
        lock,
        lockMinutes: lockoutMinutes(lockouts),
      });
    });
  }

  /** A successful sign-in: the account starts afresh. */
  async recordSuccess(email: string): Promise<void> {
    await loginThrottleRepository.clear(this.dataSource, accountKey(email));
  }
}
