import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PurgeCasesJob, QUEUES, RETENTION_JOBS } from '@sg/contracts';
import { Queue } from 'bullmq';

/** Daily at 03:17 UTC: a quiet hour, off the top of the hour when other schedules pile up. */
export const CASE_PURGE_PATTERN = '17 3 * * *';

/** Keeps the daily case purge scheduled. Upserting is idempotent across worker processes. */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUES.retention) private readonly queue: Queue<PurgeCasesJob>) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      RETENTION_JOBS.purgeCases,
      { pattern: CASE_PURGE_PATTERN, tz: 'UTC' },
      { name: RETENTION_JOBS.purgeCases, data: { requestedAt: new Date().toISOString() } },
    );
  }
}
