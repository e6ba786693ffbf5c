import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { HeartbeatJob, QUEUES, SYSTEM_JOBS } from '@sg/contracts';
import { Queue } from 'bullmq';

export const HEARTBEAT_EVERY_MS = 30_000;

/** Keeps one repeating heartbeat job scheduled. Upserting is idempotent across processes. */
@Injectable()
export class HeartbeatScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUES.system) private readonly systemQueue: Queue<HeartbeatJob>) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.systemQueue.upsertJobScheduler(
      SYSTEM_JOBS.heartbeat,
      { every: HEARTBEAT_EVERY_MS },
      { name: SYSTEM_JOBS.heartbeat, data: { requestedAt: new Date().toISOString() } },
    );
  }
}
