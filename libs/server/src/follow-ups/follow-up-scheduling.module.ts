import { Global, Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module';
import { FollowUpScheduler } from './follow-up-scheduler.service';

/** The scheduler, for every API feature whose changes move follow-ups. */
@Global()
@Module({
  imports: [QueueModule],
  providers: [FollowUpScheduler],
  exports: [FollowUpScheduler],
})
export class FollowUpSchedulingModule {}
