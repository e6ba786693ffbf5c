import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { HeartbeatJob, QUEUES, SYSTEM_JOBS } from '@sg/contracts';
import { Queue } from 'bullmq';
import { RepeatingJob, RepeatingJobs } from '../queue/repeating-jobs';
import { PURGE_EVERY_MS } from './retention';

export const HEARTBEAT_EVERY_MS = 30_000;

/**
 * Keeps the system queue's repeating jobs scheduled: the heartbeat, and the purge of expired
 * records; also after the queue backend lost its data (repeating-jobs.ts).
 */
@Injectable()
export class HeartbeatScheduler extends RepeatingJobs {
  protected readonly logger = new Logger(HeartbeatScheduler.name);

  constructor(@InjectQueue(QUEUES.system) private readonly systemQueue: Queue<HeartbeatJob>) {
    super();
  }

  protected repeatingJobs(): RepeatingJob[] {
    const data = () => ({ requestedAt: new Date().toISOString() });
    return [
      { queue: this.systemQueue, name: SYSTEM_JOBS.heartbeat, every: HEARTBEAT_EVERY_MS, data },
      { queue: this.systemQueue, name: SYSTEM_JOBS.purgeExpired, every: PURGE_EVERY_MS, data },
    ];
  }
}
