import { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';

/** How often a worker checks that its repeating jobs are still scheduled. */
export const SCHEDULES_CHECK_EVERY_MS = 20_000;

/** A job run every so many milliseconds, or on a cron pattern (e.g. daily at a quiet hour). */
export type RepeatingJob = {
  queue: Queue;
  /** The job scheduler's id, also the job name. */
  name: string;
  data: () => object;
} & ({ every: number } | { pattern: string; tz: string });

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Keeps a worker's repeating jobs (job schedulers) scheduled: upserted when the worker starts,
 * then checked every SCHEDULES_CHECK_EVERY_MS and added back when gone. A job scheduler lives in
 * the queue backend's data, so a Redis restart without persistence, a flush or a failover to an
 * empty replica removes it; without this only a worker restart brought the sweep and the
 * heartbeat back. Upserting is idempotent across processes (an existing schedule keeps its next
 * run), and a check only upserts what is missing, so several workers do not churn the schedule.
 */
export abstract class RepeatingJobs implements OnApplicationBootstrap, OnModuleDestroy {
  protected abstract readonly logger: Logger;
  private timer: NodeJS.Timeout | undefined;
  private checking = false;

  protected abstract repeatingJobs(): RepeatingJob[];

  async onApplicationBootstrap(): Promise<void> {
    for (const job of this.repeatingJobs()) await this.upsertAtStart(job);
    this.timer = setInterval(() => void this.restoreMissing(), SCHEDULES_CHECK_EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Adds back every repeating job whose scheduler is gone; returns how many. Never throws. */
  async restoreMissing(): Promise<number> {
    // A backend that is down answers late: one check at a time, not a pile of them.
    if (this.checking) return 0;
    this.checking = true;
    let restored = 0;
    try {
      for (const job of this.repeatingJobs()) {
        if (await job.queue.getJobScheduler(job.name)) continue;
        await this.upsert(job);
        restored += 1;
        this.logger.warn(`The repeating job "${job.name}" on queue "${job.queue.name}" was gone (the queue backend lost its data?); scheduled again`);
      }
    } catch (error) {
      this.logger.warn(`Could not check the repeating jobs: ${message(error)}`);
    } finally {
      this.checking = false;
    }
    return restored;
  }

  /**
   * Workers started together (a deploy, `--scale worker=2`) upsert the same schedules at the same
   * moment, and the queue backend refuses the second write of the same next run ("job ID already
   * exists"). The schedule is then there, written by the other worker: that is a start, not a
   * failure. Anything else, or a schedule still missing, fails the start as before.
   */
  private async upsertAtStart(job: RepeatingJob): Promise<void> {
    try {
      await this.upsert(job);
    } catch (error) {
      if (await job.queue.getJobScheduler(job.name).catch(() => undefined)) {
        this.logger.log(`The repeating job "${job.name}" was scheduled by another worker starting at the same moment`);
        return;
      }
      throw error;
    }
  }

  private async upsert(job: RepeatingJob): Promise<void> {
    const repeat = 'pattern' in job ? { pattern: job.pattern, tz: job.tz } : { every: job.every };
    await job.queue.upsertJobScheduler(job.name, repeat, { name: job.name, data: job.data() });
  }
}
