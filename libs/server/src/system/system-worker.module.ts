import { Module } from '@nestjs/common';
import { AuditSealScheduler } from '../audit/audit-seal-scheduler.service';
import { QueueModule } from '../queue/queue.module';
import { HeartbeatScheduler } from './heartbeat-scheduler.service';
import { SystemProcessor } from './system.processor';

/** The worker side of the `system` queue: its processor, the heartbeat and audit-sealing schedules (the PostgreSQL queue tables' vacuum settings are the owner's: database/database-roles.ts). */
@Module({
  imports: [QueueModule],
  providers: [SystemProcessor, HeartbeatScheduler, AuditSealScheduler],
})
export class SystemWorkerModule {}
