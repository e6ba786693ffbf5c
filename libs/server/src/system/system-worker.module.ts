import { Module } from '@nestjs/common';
import { AuditWorkerModule } from '../audit/audit-worker.module';
import { QueueModule } from '../queue/queue.module';
import { HeartbeatScheduler } from './heartbeat-scheduler.service';
import { SystemProcessor } from './system.processor';

/** The worker side of the `system` queue: its processor, the heartbeat and audit-sealing schedules (the PostgreSQL queue tables' vacuum settings are the owner's: database/database-roles.ts). */
@Module({
  imports: [QueueModule, AuditWorkerModule],
  providers: [SystemProcessor, HeartbeatScheduler],
})
export class SystemWorkerModule {}
