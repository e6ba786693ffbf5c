import { Module } from '@nestjs/common';
import { LINKED_CASES, NO_LINKED_CASES } from './linked-cases';
import { ReferralPacketController } from './referral-packet.controller';
import { ReferralPacketService } from './referral-packet.service';

/**
 * Referral packets (PDF) from a case. `LINKED_CASES` is where case links plug in; until that
 * feature provides it, packets say the case has no linked cases.
 */
@Module({
  controllers: [ReferralPacketController],
  providers: [ReferralPacketService, { provide: LINKED_CASES, useValue: NO_LINKED_CASES }],
})
export class ReferralPacketModule {}
