import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { FOLLOW_UP_JOBS, QUEUES } from '@sg/contracts';
import { Queue } from 'bullmq';

export const SWEEP_EVERY_MS = 15_000;

/** Keeps the periodic sweep scheduled (idempotent across worker processes). */
@Injectable()
export class FollowUpSweepScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUES.followUps) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(FOLLOW_UP_JOBS.sweep, { every: SWEEP_EVERY_MS }, { name: FOLLOW_UP_JOBS.sweep, data: {} });
  }
}
