import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FireFollowUpJob, FOLLOW_UP_JOBS, QUEUES } from '@sg/contracts';
import { FOLLOW_UP_KIND_LABELS, FollowUpKind } from '@sg/domain';
import { DelayedError, Job, Queue } from 'bullmq';
import { StaffEmail, StaffMailer } from '../mail/staff-mailer';
import { DataSource } from 'typeorm';
import { staffUserRepository } from '../accounts/staff-user.repository';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { notificationRepository } from '../notifications/notification.repository';
import { fireBackoff, fireJobId, FollowUpJobRequest } from './fire-jobs';
import { FollowUpScheduler, toJobRequest } from './follow-up-scheduler.service';
import { followUpRepository } from './follow-up.repository';
import { NewCasePlanner } from './new-case-planner.service';

export interface FireOutcome {
  fired: boolean;
  notified: number;
  /** Not fired because it is not due yet (clocks disagree): the job waits until then. */
  notDueUntil?: Date;
  /** Already fired: its e-mails were queued again (in case they were lost after the fire). */
  mailQueued?: number;
  /** A closure offer overtaken by activity: the case was replanned, which moved it. */
  replanned?: boolean;
}

export interface SweepOutcome {
  enqueued: number;
  planned: number;
  /** Jobs of overdue follow-ups that had failed for good (retried), finished without firing or gone (added again). */
  recovered: number;
}

/**
 * Fires follow-ups. Exactly once, however many workers run and however often a job is retried:
 * the move from `scheduled` to `fired` is one conditional UPDATE (only one transaction can win
 * it), and the notifications are written in that same transaction, unique per person. A worker
 * killed mid-job rolls back; the retry finds the follow-up still scheduled and does it all.
 */
@Processor(QUEUES.followUps, { concurrency: 16, settings: { backoffStrategy: fireBackoff } })
export class FollowUpProcessor extends WorkerHost {
  private readonly logger = new Logger(FollowUpProcessor.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: FollowUpScheduler,
    private readonly newCases: NewCasePlanner,
    private readonly mailer: StaffMailer,
    @InjectQueue(QUEUES.followUps) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async process(job: Job<FireFollowUpJob>, token?: string): Promise<FireOutcome | SweepOutcome | { sent: boolean }> {
    switch (job.name) {
      case FOLLOW_UP_JOBS.fire: {
        const outcome = await this.fire(job.data.followUpId, job.data.revision);
        if (outcome.notDueUntil && token) {
          // The worker's clock is ahead of the database's: wait, rather than complete without firing.
          await job.moveToDelayed(outcome.notDueUntil.getTime(), token);
          throw new DelayedError();
        }
        return outcome;
      }
      case FOLLOW_UP_JOBS.sweep:
        return this.sweep();
      case FOLLOW_UP_JOBS.mail:
        await this.mailer.send(job.data as unknown as StaffEmail);
        return { sent: true };
      default:
        throw new Error(`No handler for job "${job.name}" on queue "${QUEUES.followUps}"`);
    }
  }

  /**
   * Fires revision `revision` of a follow-up (any revision for jobs queued before revisions).
   * A stale job (an older revision, a cancelled or moved follow-up) does nothing.
   */
  async fire(followUpId: string, revision?: number): Promise<FireOutcome> {
    // One statement: claim the follow-up, tell each person once, put it on the timeline and announce it.
    const row = await followUpRepository.fire(this.dataSource, {
      followUpId,
      revision: revision ?? null,
      labels: FOLLOW_UP_KIND_LABELS,
      closureOfferMs: this.config.followUpCadence.closureOfferMinutes * 60_000,
    });
    if (!row.fired) return this.notFired(followUpId, revision);
    const told: Array<{ recipientId: string }> = row.told ?? [];
    if (this.mailer.enabled && told.length && row.follow_up && row.reference) await this.queueMail(row.follow_up, row.reference, told.map((t) => t.recipientId));
    return { fired: true, notified: told.length };
  }

  /** Why a fire did nothing, and what still has to happen so nothing is lost. */
  private async notFired(followUpId: string, revision: number | undefined): Promise<FireOutcome> {
    const current = await followUpRepository.notFiredState(this.dataSource, followUpId);
    const nothing: FireOutcome = { fired: false, notified: 0 };
    if (!current) return nothing;
    // The fire committed but its e-mails may not have been queued (the worker died, or the add
    // failed): queue them again. Their ids are fixed, so mail already queued is not sent twice.
    if (current.status === 'fired' || current.status === 'done') {
      if (!this.mailer.enabled) return nothing;
      const told = await notificationRepository.recipientsOf(this.dataSource, followUpId);
      if (told.length) await this.queueMail({ id: current.id, caseId: current.case_id, kind: current.kind }, current.reference, told);
      return { ...nothing, mailQueued: told.length };
    }
    if (current.status !== 'scheduled' || (revision !== undefined && current.revision !== revision)) return nothing;
    if (current.early) return { ...nothing, notDueUntil: new Date(current.due_at) };
    if (current.kind === 'closure_offer') {
      await this.scheduler.transaction(this.dataSource, (_manager, replan) => replan(current.case_id));
      return { ...nothing, replanned: true };
    }
    return nothing;
  }

  /** E-mail as jobs of their own: retried if the mail server is down, and never holding up the fire. */
  private async queueMail(followUp: { id: string; caseId: string; kind: FollowUpKind }, reference: string, recipientIds: string[]): Promise<void> {
    const addresses = await staffUserRepository.emails(this.dataSource, recipientIds);
    const title = `${FOLLOW_UP_KIND_LABELS[followUp.kind] ?? followUp.kind}: ${reference}`;
    await this.queue.addBulk(
      addresses.map((address) => ({
        name: FOLLOW_UP_JOBS.mail,
        data: { to: address.email, title, caseId: followUp.caseId } satisfies StaffEmail as never,
        opts: { jobId: `mail_${followUp.id}_${address.id}` },
      })),
    );
  }

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
      const ok = await this.recover(toJobRequest(row)).catch((error: Error) => void this.logger.warn(`Recovering follow-up ${row.id} failed: ${error.message}`));
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
