import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module';
import { SecurityModule } from '../security/security.module';
import { NudgeProcessor, NudgeSweepScheduler } from './nudge.processor';
import { LoggingSmsSender, SMS_SENDER } from './sms-sender';

/** The worker side of the conversation: nudging the person that a new message is waiting. */
@Module({
  imports: [QueueModule, SecurityModule],
  providers: [NudgeProcessor, NudgeSweepScheduler, { provide: SMS_SENDER, useClass: LoggingSmsSender }],
})
export class ConversationWorkerModule {}
