import { Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { fireJobId, FollowUpJobRequest } from './fire-jobs';
import { FollowUpScheduler, toJobRequest } from './follow-up-scheduler.service';
import { followUpRepository } from './follow-up.repository';
import { NewCasePlanner } from './new-case-planner.service';

export interface SweepOutcome {
  enqueued: number;
  planned: number;
  /** Jobs of overdue follow-ups that had failed for good (retried), finished without firing or gone (added again). */
  recovered: number;
}

/** The periodic `sweep` job (scheduled by FollowUpSweepScheduler). Built and driven by FollowUpProcessor. */
export class FollowUpSweep {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scheduler: FollowUpScheduler,
    private readonly newCases: NewCasePlanner,
    private readonly queue: Queue,
    /** The processor's logger, so the sweep's warnings keep their context. */
    private readonly logger: Logger,
  ) {}

  /**
   * Safety net, every 15 s. A job for every scheduled follow-up due soon (or overdue) whose job was
   * never added (a crash or a refused add between the commit and the enqueue). And for a
   * follow-up well past due, a look at its job: one that failed for good (its attempts ran out
   * while the database was away) is retried; one that finished without firing, or that is gone
   * (a queue backend that lost its data), is added again. An add alone would not do: both
   * backends ignore an id they still hold, in any state.
   */
  async sweep(): Promise<SweepOutcome> {
    const planned = await this.newCases.planUnplanned();
    const unqueued = await followUpRepository.dueWithoutJob(this.dataSource);
    await this.scheduler.enqueue(unqueued.map(toJobRequest));
    const stuck = await followUpRepository.stuck(this.dataSource);
    let recovered = 0;
    for (const row of stuck) {
      // One job changing state under us (another worker's sweep) must not stop the rest.
      const ok = await this.recover(toJobRequest(row)).catch(
        (error: Error) => void this.logger.warn(`Recovering follow-up ${row.id} failed: ${error.message}`),
      );
      if (ok) recovered += 1;
    }
    return { enqueued: unqueued.length, planned, recovered };
  }

  private async recover(request: FollowUpJobRequest): Promise<boolean> {
    const jobId = fireJobId(request);
    const state = await this.queue.getJobState(jobId);
    if (state === 'failed') {
      const job = await this.queue.getJob(jobId);
      await job?.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
    } else if (state === 'completed') {
      await this.queue.remove(jobId);
      await this.scheduler.enqueue([request]);
    } else if (state === 'unknown') {
      await this.scheduler.enqueue([request]);
    } else {
      return false;
    }
    this.logger.warn(`Follow-up ${request.id} was overdue with its job ${state}; it has been queued again`);
    return true;
  }
}
