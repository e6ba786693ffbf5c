import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module';
import { SecurityModule } from '../security/security.module';
import { RetentionProcessor } from './retention.processor';
import { RetentionScheduler } from './retention.scheduler';

/** The worker side of retention: the daily purge and its schedule. */
@Module({
  imports: [QueueModule, SecurityModule],
  providers: [RetentionProcessor, RetentionScheduler],
})
export class RetentionWorkerModule {}
