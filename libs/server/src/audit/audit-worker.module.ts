import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module';
import { AuditSealScheduler } from './audit-seal-scheduler.service';

/** The worker side of the audit log: the schedule that seals its hash chain (the `seal-audit` job on the `system` queue). */
@Module({
  imports: [QueueModule],
  providers: [AuditSealScheduler],
})
export class AuditWorkerModule {}
