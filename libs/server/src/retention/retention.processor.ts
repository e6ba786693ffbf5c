import { Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { PurgeCasesJob, QUEUES, RETENTION_JOBS } from '@sg/contracts';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { DataProtection } from '../security/data-protection';
import { CasePurgeResult, purgeExpiredCases } from './case-purge';

/** Processes the `retention` queue: the daily purge of expired cases (case-purge.ts). */
@Processor(QUEUES.retention)
export class RetentionProcessor extends WorkerHost {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly protection: DataProtection,
  ) {
    super();
  }

  async process(job: Job<PurgeCasesJob>): Promise<CasePurgeResult> {
    if (job.name === RETENTION_JOBS.purgeCases) return purgeExpiredCases(this.dataSource, this.protection);
    // Unknown jobs fail loudly (and stay in the failed set) rather than vanish.
    throw new Error(`No handler for job "${job.name}" on queue "${QUEUES.retention}"`);
  }
}
