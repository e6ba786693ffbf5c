import { Module } from '@nestjs/common';
import { PostgresQueueTuning } from '../queue/postgres-queue-tuning.service';
import { QueueModule } from '../queue/queue.module';
import { HeartbeatScheduler } from './heartbeat-scheduler.service';
import { SystemProcessor } from './system.processor';

/** The worker side of the `system` queue: its processor, the heartbeat schedule, and the PostgreSQL queue tables' upkeep. */
@Module({
  imports: [QueueModule],
  providers: [SystemProcessor, HeartbeatScheduler, PostgresQueueTuning],
})
export class SystemWorkerModule {}
