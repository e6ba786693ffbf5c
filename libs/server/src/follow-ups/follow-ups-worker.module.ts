import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module';
import { FollowUpProcessor } from './follow-up.processor';
import { FollowUpScheduler } from './follow-up-scheduler.service';
import { FollowUpSweepScheduler } from './follow-up-sweep.scheduler';
import { NewCasePlanner } from './new-case-planner.service';
import { CaseEventsModule } from '../events/case-events.module';
import { MailModule } from '../mail/mail.module';

/** The worker side of follow-ups: firing them, and the sweep that guarantees every one has a job. */
@Module({
  imports: [QueueModule, CaseEventsModule, MailModule],
  providers: [FollowUpProcessor, FollowUpScheduler, FollowUpSweepScheduler, NewCasePlanner],
})
export class FollowUpsWorkerModule {}
