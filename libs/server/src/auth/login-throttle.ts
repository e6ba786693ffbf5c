import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { DataProtection } from '../security/data-protection';
import { LoginAttemptLimits, loginThrottleRepository } from './login-throttle.repository';

/** The first lockout lasts this long; each further one twice as long as the one before, up to the cap. */
export const FIRST_LOCKOUT_MINUTES = 5;
export const MAX_LOCKOUT_MINUTES = 60;
/** Lockouts count towards a longer next one until the account has gone this long without an attempt. */
const LOCKOUTS_REMEMBERED_HOURS = 24;

/** `429` for a sign-in that is locked; the controller sends `retryAfterSeconds` as Retry-After. */
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
 * Sign-in attempts, counted in PostgreSQL before any password is checked, so the limits hold
 * across every API process and against guesses sent all at once (each attempt learns its exact
 * count in the statement that adds it; a lock cannot be read as open by 40 requests at once).
 *
 * First per account and client address: LOGIN_LOCKOUT_ADDRESS_FAILURES attempts within
 * LOGIN_LOCKOUT_WINDOW_MINUTES lock that address out of that account, for 5 minutes, then 10, 20,
 * ... up to an hour. Attempts within that limit also count for the account: LOGIN_LOCKOUT_FAILURES
 * of them, from any addresses, lock the account for everyone the same way. So a few guesses from
 * one address cannot lock a colleague out; guessing spread over many addresses still stops.
 * A successful sign-in clears the account's count and that address's; an admin's password reset
 * clears every count for the account. Unknown emails are counted the same, so a 429 says nothing
 * about whether an account exists. Addresses are stored only as a keyed hash.
 */
@Injectable()
export class LoginThrottle {
  private readonly limits: LoginAttemptLimits;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly protection: DataProtection,
  ) {
    this.limits = {
      addressFailures: config.loginLockout.addressFailures,
      accountFailures: config.loginLockout.failures,
      windowMinutes: config.loginLockout.windowMinutes,
      firstLockoutMinutes: FIRST_LOCKOUT_MINUTES,
      maxLockoutMinutes: MAX_LOCKOUT_MINUTES,
      lockoutsRememberedHours: LOCKOUTS_REMEMBERED_HOURS,
    };
  }

  /**
   * Counts this attempt; throws AccountLockedException when it is over the address's or the
   * account's limit, and then the password must not be checked. The attempt counts as a failure
   * unless recordSuccess follows.
   */
  async admit(email: string, address: string): Promise<void> {
    const counted = await loginThrottleRepository.countAttempt(this.dataSource, accountKey(email), this.addressKey(address), this.limits);
    if (counted.addressAttempts > this.limits.addressFailures) throw new AccountLockedException(Math.max(1, counted.addressRetrySeconds));
    if (counted.accountAttempts !== null && counted.accountAttempts > this.limits.accountFailures) {
      throw new AccountLockedException(Math.max(1, counted.accountRetrySeconds ?? 1));
    }
  }

  /** A successful sign-in: the account and this address start afresh (other addresses' counts stay). */
  async recordSuccess(email: string, address: string): Promise<void> {
    await loginThrottleRepository.clearAfterSuccess(this.dataSource, accountKey(email), this.addressKey(address));
    await loginThrottleRepository.forgetStale(this.dataSource, LOCKOUTS_REMEMBERED_HOURS);
  }

  private addressKey(address: string): string {
    return this.protection.hashClientAddress(address);
  }
}
