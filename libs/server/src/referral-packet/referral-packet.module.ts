import { Module } from '@nestjs/common';
import { ReferralPacketController } from './referral-packet.controller';
import { ReferralPacketService } from './referral-packet.service';

/** Referral packets (PDF) from a case, its linked cases included (linked-cases.ts). */
@Module({
  controllers: [ReferralPacketController],
  providers: [ReferralPacketService],
})
export class ReferralPacketModule {}
