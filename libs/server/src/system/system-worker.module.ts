import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module';
import { HeartbeatScheduler } from './heartbeat-scheduler.service';
import { SystemProcessor } from './system.processor';

/** The worker side of the `system` queue: its processor and the heartbeat schedule (the PostgreSQL queue tables' vacuum settings are the owner's: database/database-roles.ts). */
@Module({
  imports: [QueueModule],
  providers: [SystemProcessor, HeartbeatScheduler],
})
export class SystemWorkerModule {}
