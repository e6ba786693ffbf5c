import { Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { HeartbeatJob, QUEUES, SYSTEM_JOBS } from '@sg/contracts';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { sealAuditChain } from '../audit/seal-audit-chain';
import { purgeExpired, PurgeResult } from './retention';
import { WORKER_ID } from './worker-identity';
import { workerHeartbeatRepository } from './worker-heartbeat.repository';

/**
 * Processes the `system` queue. The heartbeat proves end to end that jobs flow from the queue
 * backend through a worker into the database; health reports when it last happened. The purge
 * deletes records that are kept only for a while (see retention.ts).
 */
@Processor(QUEUES.system)
export class SystemProcessor extends WorkerHost {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async process(job: Job<HeartbeatJob>): Promise<{ workerId: string } | PurgeResult | { sealed: number }> {
    switch (job.name) {
      case SYSTEM_JOBS.heartbeat:
        // An upsert: running the same heartbeat twice is harmless.
        await workerHeartbeatRepository.beat(this.dataSource, WORKER_ID);
        return { workerId: WORKER_ID };
      case SYSTEM_JOBS.purgeExpired:
        return purgeExpired(this.dataSource);
      case SYSTEM_JOBS.sealAudit:
        return sealAuditChain(this.dataSource);
      default:
        // Unknown jobs fail loudly (and stay in the failed set) rather than vanish.
        throw new Error(`No handler for job "${job.name}" on queue "${QUEUES.system}"`);
    }
  }
}
