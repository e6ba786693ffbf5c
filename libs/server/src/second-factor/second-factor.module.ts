import { Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { SignInSecondFactor } from '../auth/sign-in-second-factor';
import { SecondFactorController } from './second-factor.controller';
import { SecondFactorService } from './second-factor.service';

/**
 * The staff second factor: the member's own page (SecondFactorController), the sign-in's code step
 * and admins' reset (SecondFactorService). Global so that AuthModule's sign-in reaches it as
 * SignInSecondFactor without importing this module, which imports AuthModule (sessions, principal).
 */
@Global()
@Module({
  imports: [AuthModule],
  controllers: [SecondFactorController],
  providers: [SecondFactorService, { provide: SignInSecondFactor, useExisting: SecondFactorService }],
  exports: [SecondFactorService, SignInSecondFactor],
})
export class SecondFactorModule {}
