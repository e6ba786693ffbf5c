import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { HeartbeatJob, QUEUES, SYSTEM_JOBS } from '@sg/contracts';
import { Queue } from 'bullmq';
import { RepeatingJob, RepeatingJobs } from '../queue/repeating-jobs';
import { AUDIT_SEAL_EVERY_MS } from './seal-audit-chain';

/**
 * Keeps the audit chain's sealing scheduled on the system queue (SystemProcessor runs it):
 * idempotent across workers, and added back if the queue backend loses its data (repeating-jobs.ts).
 */
@Injectable()
export class AuditSealScheduler extends RepeatingJobs {
  protected readonly logger = new Logger(AuditSealScheduler.name);

  constructor(@InjectQueue(QUEUES.system) private readonly systemQueue: Queue<HeartbeatJob>) {
    super();
  }

  protected repeatingJobs(): RepeatingJob[] {
    return [{ queue: this.systemQueue, name: SYSTEM_JOBS.sealAudit, every: AUDIT_SEAL_EVERY_MS, data: () => ({ requestedAt: new Date().toISOString() }) }];
  }
}
