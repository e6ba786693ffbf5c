import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { DataProtection } from '../security/data-protection';
import { SecondFactorController } from '../second-factor/second-factor.controller';
import { SecondFactorModule } from '../second-factor/second-factor.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { StaffSessionCache } from './staff-session.cache';
import { StaffStatusCache } from './staff-status.cache';

@Module({
  imports: [
    SecondFactorModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG, DataProtection],
      useFactory: (config: AppConfig, protection: DataProtection) => ({
        // A KeyObject, not the raw bytes: given bytes, jsonwebtoken first tries (and fails) to read
        // them as a public key on every verify, which cost a third of a busy API's CPU.
        secret: createSecretKey(protection.sessionSigningKey),
        signOptions: { expiresIn: config.accessTokenTtlSeconds, algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, SecondFactorController],
  providers: [AuthService, LoginThrottle, StaffStatusCache, StaffSessionCache, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [JwtModule, StaffStatusCache, StaffSessionCache, SecondFactorModule],
})
export class AuthModule {}
