import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module';
import { HeartbeatScheduler } from './heartbeat-scheduler.service';
import { SystemProcessor } from './system.processor';

/** The worker side of the `system` queue: its processor and the heartbeat schedule. */
@Module({
  imports: [QueueModule],
  providers: [SystemProcessor, HeartbeatScheduler],
})
export class SystemWorkerModule {}
