import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { FOLLOW_UP_JOBS, QUEUES } from '@sg/contracts';
import { Queue } from 'bullmq';
import { RepeatingJob, RepeatingJobs } from '../queue/repeating-jobs';

export const SWEEP_EVERY_MS = 15_000;

/** Keeps the periodic sweep scheduled, also after the queue backend lost its data (repeating-jobs.ts). */
@Injectable()
export class FollowUpSweepScheduler extends RepeatingJobs {
  protected readonly logger = new Logger(FollowUpSweepScheduler.name);

  constructor(@InjectQueue(QUEUES.followUps) private readonly queue: Queue) {
    super();
  }

  protected repeatingJobs(): RepeatingJob[] {
    return [{ queue: this.queue, name: FOLLOW_UP_JOBS.sweep, every: SWEEP_EVERY_MS, data: () => ({}) }];
  }
}
