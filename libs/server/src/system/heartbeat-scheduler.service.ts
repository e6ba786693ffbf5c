import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { HeartbeatJob, QUEUES, SYSTEM_JOBS } from '@sg/contracts';
import { Queue } from 'bullmq';
import { PURGE_EVERY_MS } from './retention';

export const HEARTBEAT_EVERY_MS = 30_000;

/**
 * Keeps the system queue's repeating jobs scheduled: the heartbeat, and the purge of expired
 * records. Upserting is idempotent across processes.
 */
@Injectable()
export class HeartbeatScheduler implements OnApplicationBootstrap {
  constructor(@InjectQueue(QUEUES.system) private readonly systemQueue: Queue<HeartbeatJob>) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.systemQueue.upsertJobScheduler(
      SYSTEM_JOBS.heartbeat,
      { every: HEARTBEAT_EVERY_MS },
      { name: SYSTEM_JOBS.heartbeat, data: { requestedAt: new Date().toISOString() } },
    );
    await this.systemQueue.upsertJobScheduler(
      SYSTEM_JOBS.purgeExpired,
      { every: PURGE_EVERY_MS },
      { name: SYSTEM_JOBS.purgeExpired, data: { requestedAt: new Date().toISOString() } },
    );
  }
}
