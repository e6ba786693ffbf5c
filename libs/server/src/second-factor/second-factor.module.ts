import { Module } from '@nestjs/common';
import { SecondFactorService } from './second-factor.service';

/**
 * The staff second factor's service, for the sign-in (AuthModule), the member's own page
 * (SecondFactorController, registered by AuthModule beside the sign-in) and admins' reset.
 */
@Module({
  providers: [SecondFactorService],
  exports: [SecondFactorService],
})
export class SecondFactorModule {}
