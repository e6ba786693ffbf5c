import { Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { KEY_JOBS, QUEUES, ResealJob } from '@sg/contracts';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { DataProtection } from '../security/data-protection';
import { resealAll, ResealResult } from './reseal';

/** Processes the `keys` queue: the re-sealing job (reseal.ts). */
@Processor(QUEUES.keys)
export class KeysProcessor extends WorkerHost {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly protection: DataProtection,
  ) {
    super();
  }

  async process(job: Job<ResealJob>): Promise<ResealResult> {
    if (job.name === KEY_JOBS.reseal) return resealAll(this.dataSource, this.protection);
    // Unknown jobs fail loudly (and stay in the failed set) rather than vanish.
    throw new Error(`No handler for job "${job.name}" on queue "${QUEUES.keys}"`);
  }
}
