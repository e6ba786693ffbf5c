import { Module } from '@nestjs/common';
import { ClusterReferralPacketController } from './cluster-referral-packet.controller';
import { ClusterReferralPacketService } from './cluster-referral-packet.service';
import { ReferralPacketController } from './referral-packet.controller';
import { ReferralPacketService } from './referral-packet.service';

/** Referral packets (PDF) from a case, its linked cases included (linked-cases.ts), and from a cluster of cases. */
@Module({
  controllers: [ReferralPacketController, ClusterReferralPacketController],
  providers: [ReferralPacketService, ClusterReferralPacketService],
})
export class ReferralPacketModule {}
