import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { PurgeCasesJob, QUEUES, RETENTION_JOBS } from '@sg/contracts';
import { Queue } from 'bullmq';
import { RepeatingJob, RepeatingJobs } from '../queue/repeating-jobs';

/** Daily at 03:17 UTC: a quiet hour, off the top of the hour when other schedules pile up. */
export const CASE_PURGE_PATTERN = '17 3 * * *';

/**
 * Keeps the daily case purge scheduled: upserted at start (idempotent across worker processes)
 * and added back if the queue backend loses its data (repeating-jobs.ts).
 */
@Injectable()
export class RetentionScheduler extends RepeatingJobs {
  protected readonly logger = new Logger(RetentionScheduler.name);

  constructor(@InjectQueue(QUEUES.retention) private readonly queue: Queue<PurgeCasesJob>) {
    super();
  }

  protected repeatingJobs(): RepeatingJob[] {
    return [
      { queue: this.queue, name: RETENTION_JOBS.purgeCases, pattern: CASE_PURGE_PATTERN, tz: 'UTC', data: () => ({ requestedAt: new Date().toISOString() }) },
    ];
  }
}
