import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FireFollowUpJob, FOLLOW_UP_JOBS, QUEUES } from '@sg/contracts';
import { DelayedError, Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { StaffEmail, StaffMailer } from '../mail/staff-mailer';
import { fireBackoff } from './fire-jobs';
import { FIRE_BATCHING, FireOutcome, FollowUpFire } from './follow-up-fire.handler';
import { FollowUpMail } from './follow-up-mail.handler';
import { FollowUpScheduler } from './follow-up-scheduler.service';
import { FollowUpSweep, SweepOutcome } from './follow-up-sweep.handler';
import { NewCasePlanner } from './new-case-planner.service';
import { isRecord } from '@sg/domain';

export type { FireOutcome } from './follow-up-fire.handler';
export type { SweepOutcome } from './follow-up-sweep.handler';

/**
 * The follow-ups queue's one worker: hands each job to its handler, `fire`
 * (follow-up-fire.handler.ts), `sweep` (follow-up-sweep.handler.ts) or `mail`
 * (follow-up-mail.handler.ts). One processor per queue, so every job name is handled here.
 */
// Starts holding the PostgreSQL backend's number of jobs; onApplicationBootstrap sets the backend's own (FIRE_BATCHING).
@Processor(QUEUES.followUps, { concurrency: FIRE_BATCHING.postgres.concurrency, settings: { backoffStrategy: fireBackoff } })
export class FollowUpProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(FollowUpProcessor.name);
  private readonly mail: FollowUpMail;
  private readonly firing: FollowUpFire;
  private readonly sweeping: FollowUpSweep;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    scheduler: FollowUpScheduler,
    newCases: NewCasePlanner,
    mailer: StaffMailer,
    @InjectQueue(QUEUES.followUps) queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
    this.mail = new FollowUpMail(dataSource, mailer, queue);
    this.firing = new FollowUpFire(dataSource, scheduler, this.mail, config);
    this.sweeping = new FollowUpSweep(dataSource, scheduler, newCases, queue, this.logger);
  }

  /** The worker exists once every module has started: hold as many jobs as its backend batches well. */
  onApplicationBootstrap(): void {
    this.worker.concurrency = FIRE_BATCHING[this.config.queueBackend].concurrency;
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
        return this.mail.send(staffEmailOf(job.data));
      default:
        throw new Error(`No handler for job "${job.name}" on queue "${QUEUES.followUps}"`);
    }
  }

  /** Fires revision `revision` of a follow-up (see FollowUpFire). */
  fire(followUpId: string, revision?: number): Promise<FireOutcome> {
    return this.firing.fire(followUpId, revision);
  }

  /** The safety net (see FollowUpSweep). */
  sweep(): Promise<SweepOutcome> {
    return this.sweeping.sweep();
  }
}

/** A mail job's payload, as FollowUpMail queued it; anything else is a bug, named. */
function staffEmailOf(data: unknown): StaffEmail {
  if (isRecord(data) && typeof data['to'] === 'string' && typeof data['title'] === 'string' && typeof data['caseId'] === 'string') {
    return { to: data['to'], title: data['title'], caseId: data['caseId'] };
  }
  throw new Error(`A ${FOLLOW_UP_JOBS.mail} job without its address, title and case`);
}
