import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { defaultTracker, loginTracker, onlyWhereMarked, RateLimitBucket, RateLimitGuard, skipForStaff } from './rate-limit';
import { SharedThrottlerStorage } from './shared-throttler.storage';

/**
 * The limits that must hold for the whole deployment, counted in PostgreSQL: otherwise N API
 * processes would allow N times as many access-code or password guesses, or intakes.
 */
const SHARED_LIMITS: ReadonlySet<RateLimitBucket> = new Set(['intake', 'case-access', 'login']);

/**
 * Per-client limits: by IP (X-Forwarded-For is believed only from the peers TRUST_PROXY names,
 * loopback by default), and the `default` one per staff session (see defaultTracker). The intake,
 * access-code and sign-in limits are counted in PostgreSQL and shared by every API process; the
 * `default` and `refresh` ones in this process's memory, in fixed windows (see
 * SharedThrottlerStorage). The per-account sign-in lockout is separate (auth/login-throttle.ts).
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, DataSource],
      useFactory: (config: AppConfig, dataSource: DataSource) => ({
        setHeaders: false,
        storage: new SharedThrottlerStorage(dataSource, config.dataEncryptionKey, SHARED_LIMITS),
        throttlers: [
          { name: 'default', ttl: 60_000, limit: config.apiRateLimitPerMinute, getTracker: defaultTracker },
          // Generous enough for a school or family sharing one connection.
          {
            name: 'intake',
            ttl: config.intakeRateLimit.windowSeconds * 1000,
            limit: config.intakeRateLimit.limit,
            skipIf: (context) => onlyWhereMarked('intake')(context) || skipForStaff(context),
          },
          // The reference + code pair has ~78 random bits; this just keeps guessing pointless.
          { name: 'case-access', ttl: 60_000, limit: 30, skipIf: onlyWhereMarked('case-access') },
          // Per address and account: guessing one person's password is slow, while a whole office
          // behind one address can still sign in at nine o'clock.
          {
            name: 'login',
            ttl: 60_000,
            limit: config.loginRateLimitPerMinute,
            skipIf: onlyWhereMarked('login'),
            getTracker: loginTracker,
          },
          // Open dashboards renew their token every few minutes; generous, but not unlimited.
          { name: 'refresh', ttl: 60_000, limit: 120, skipIf: onlyWhereMarked('refresh') },
        ],
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
})
export class RateLimitModule {}
