import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { KEY_JOBS, QUEUES, ResealJob } from '@sg/contracts';
import { Queue } from 'bullmq';
import { RepeatingJob, RepeatingJobs } from '../queue/repeating-jobs';

/** Every 6 hours; a run with nothing to do reads a few indexes-worth of rows and writes nothing. */
export const RESEAL_EVERY_MS = 6 * 60 * 60 * 1000;

/**
 * Keeps the re-sealing job scheduled (repeating-jobs.ts), and runs it once at worker start: a new
 * current key, or a database with free text from before it was sealed, is dealt with at once.
 */
@Injectable()
export class KeysScheduler extends RepeatingJobs {
  protected readonly logger = new Logger(KeysScheduler.name);

  constructor(@InjectQueue(QUEUES.keys) private readonly queue: Queue<ResealJob>) {
    super();
  }

  override async onApplicationBootstrap(): Promise<void> {
    await super.onApplicationBootstrap();
    // One job id for the start-up run: several workers starting together queue it once.
    await this.queue.add(
      KEY_JOBS.reseal,
      { requestedAt: new Date().toISOString() },
      { jobId: `${KEY_JOBS.reseal}-at-start-${Math.floor(Date.now() / 60_000)}` },
    );
  }

  protected repeatingJobs(): RepeatingJob[] {
    return [{ queue: this.queue, name: KEY_JOBS.reseal, every: RESEAL_EVERY_MS, data: () => ({ requestedAt: new Date().toISOString() }) }];
  }
}
