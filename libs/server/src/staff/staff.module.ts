import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { SecondFactorModule } from '../second-factor/second-factor.module';
import { StaffAccountsService } from './staff-accounts.service';
import { StaffController } from './staff.controller';

/** Staff accounts: the list cases are assigned from, and admins creating and changing accounts. */
@Module({
  // The status and session caches a changed account invalidates, and the second factor it resets.
  imports: [AuthModule, SecondFactorModule],
  controllers: [StaffController],
  providers: [StaffAccountsService],
})
export class StaffModule {}
