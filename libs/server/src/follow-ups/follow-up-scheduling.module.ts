import { Global, Module } from '@nestjs/common';
import { CaseFollowUps } from '../case-core/case-follow-ups';
import { QueueModule } from '../queue/queue.module';
import { FollowUpScheduler } from './follow-up-scheduler.service';

/** The scheduler, for every API feature whose changes move follow-ups. */
@Global()
@Module({
  imports: [QueueModule],
  // CaseFollowUps (case-core) is what features that change a case inject: the same scheduler.
  providers: [FollowUpScheduler, { provide: CaseFollowUps, useExisting: FollowUpScheduler }],
  exports: [FollowUpScheduler, CaseFollowUps],
})
export class FollowUpSchedulingModule {}
