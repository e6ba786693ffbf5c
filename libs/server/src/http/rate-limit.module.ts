import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { FixedWindowThrottlerStorage } from './fixed-window-throttler.storage';
import { defaultTracker, loginTracker, onlyWhereMarked, RateLimitGuard, skipForStaff } from './rate-limit';

/**
 * Per-client limits: by IP (X-Forwarded-For is believed only from the peers TRUST_PROXY names,
 * loopback by default), and the `default` one per staff session (see defaultTracker), counted in
 * fixed windows (see FixedWindowThrottlerStorage). Counters live in this process's memory, so
 * each API instance counts separately; the per-account sign-in limit that must hold across
 * processes is in the database (auth/login-attempts.ts).
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        setHeaders: false,
        storage: new FixedWindowThrottlerStorage(),
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
