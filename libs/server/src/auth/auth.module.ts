import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { DataProtection } from '../security/data-protection';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { sessionJwtOptions } from './session-signing';
import { StaffSessionCache } from './staff-session.cache';
import { StaffStatusCache } from './staff-status.cache';

@Module({
  // The sign-in's second factor is SignInSecondFactor, provided by SecondFactorModule (global).
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG, DataProtection],
      useFactory: (config: AppConfig, protection: DataProtection) => sessionJwtOptions(protection, config.accessTokenTtlSeconds),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, LoginThrottle, StaffStatusCache, StaffSessionCache, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [JwtModule, StaffStatusCache, StaffSessionCache],
})
export class AuthModule {}
