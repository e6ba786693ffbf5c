import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FireFollowUpJob, FOLLOW_UP_JOBS, QUEUES } from '@sg/contracts';
import { FOLLOW_UP_KIND_LABELS, FollowUpKind } from '@sg/domain';
import { DelayedError, Job, Queue } from 'bullmq';
import { StaffEmail, StaffMailer } from '../mail/staff-mailer';
import { DataSource } from 'typeorm';
import { CASE_CHANGES_CHANNEL } from '../cases/case-notifier';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { runPrepared } from '../database/prepared-statement';
import { IS_CASE_ACTIVITY } from './case-activity';
import { fireBackoff, fireJobId, FollowUpJobRequest } from './fire-jobs';
import { FollowUpScheduler, toJobRequest } from './follow-up-scheduler.service';
import { NewCasePlanner } from './new-case-planner.service';

/** How far ahead the sweep looks for scheduled follow-ups whose job may have been lost. */
const SWEEP_HORIZON = `interval '2 minutes'`;
/** Clocks of workers and database differ a little: a job this early still fires. */
const CLOCK_TOLERANCE = `interval '1 second'`;

/**
 * A scheduled follow-up this far past due should have fired: the sweep checks its job (failed
 * for good, finished without firing, or gone with a queue backend that lost its data).
 */
const STUCK_AFTER = `interval '10 seconds'`;
/** How many stuck jobs one sweep inspects (each is a round trip or two to the backend). */
const RECOVER_LIMIT = 500;

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

/** What the fire statement answers. */
interface FireRow {
  fired: number;
  told: Array<{ recipientId: string }> | null;
  follow_up: { id: string; caseId: string; kind: FollowUpKind } | null;
  reference: string | null;
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
    // One statement (so one round trip and one commit): claim the follow-up, tell each person once,
    // put it on the timeline and announce it. If any part fails, none of it happened.
    const [row] = await runPrepared<FireRow>(
      this.dataSource,
      'fire-follow-up',
      `WITH fired AS (
         -- Cancelled, done, already fired, or moved later (a newer revision has its own job): no row, nothing happens.
         -- A closure offer does not fire if there was activity on the case since its anchor (activity that did not replan).
         UPDATE follow_up SET status = 'fired', fired_at = now(), updated_at = now()
          WHERE id = $1 AND status = 'scheduled' AND ($4::int IS NULL OR revision = $4) AND due_at <= now() + ${CLOCK_TOLERANCE}
            -- CASE, so only closure offers pay for the look-up (AND does not promise to short-circuit).
            AND CASE WHEN kind = 'closure_offer' THEN NOT EXISTS (
                  SELECT 1 FROM case_event e WHERE e.case_id = follow_up.case_id AND ${IS_CASE_ACTIVITY}
                     -- Later than the anchor, to the millisecond as the planner counted (timestamps carry microseconds).
                     AND e.at >= follow_up.due_at - make_interval(secs => $5::float8 / 1000) + interval '1 millisecond')
                ELSE true END
         RETURNING id, case_id, kind, audience
       ), subject AS (
         SELECT c.id, c.reference, c.priority, c.status, c.assignee_id, u.id AS active_assignee
           FROM fired JOIN support_case c ON c.id = fired.case_id
           LEFT JOIN staff_user u ON u.id = c.assignee_id AND u.active
       ), recipients AS (
         -- The person holding the case; escalations, and follow-ups for a case nobody holds, go to every supervisor.
         SELECT s.active_assignee AS id FROM fired f, subject s WHERE f.audience IN ('assignee', 'assignee_and_supervisors') AND s.active_assignee IS NOT NULL
         UNION
         SELECT u.id FROM fired f, subject s, staff_user u
          WHERE u.active AND u.role = 'supervisor' AND (f.audience IN ('supervisors', 'assignee_and_supervisors') OR s.active_assignee IS NULL)
       ), everyone AS (
         -- Nobody to tell (no active holder, no active supervisor): the admins, so it reaches someone.
         SELECT id FROM recipients
         UNION
         SELECT u.id FROM fired f, staff_user u WHERE u.active AND u.role = 'admin' AND NOT EXISTS (SELECT 1 FROM recipients)
       ), told AS (
         INSERT INTO notification (recipient_id, follow_up_id, case_id, kind, title, as_holder)
         SELECT r.id, f.id, f.case_id, f.kind, coalesce($2::jsonb ->> f.kind, f.kind), r.id IS NOT DISTINCT FROM s.active_assignee
           FROM everyone r, fired f, subject s
         ON CONFLICT (follow_up_id, recipient_id) DO NOTHING
         RETURNING id, recipient_id
       ), timeline AS (
         INSERT INTO case_event (case_id, actor_kind, kind, data)
         SELECT f.case_id, 'system', 'follow_up_fired', jsonb_build_object('followUpId', f.id, 'kind', f.kind) FROM fired f
       ), announced AS (
         SELECT pg_notify($3, json_build_object('type', 'notification.created', 'id', t.id, 'recipientId', t.recipient_id, 'at', now())::text) FROM told t
         UNION ALL
         -- Open case pages refresh their follow-ups.
         SELECT pg_notify($3, json_build_object('type', 'case.updated', 'caseId', s.id, 'reference', s.reference, 'priority', s.priority,
                                                'status', s.status, 'assigneeId', s.assignee_id, 'at', now())::text) FROM subject s
       )
       SELECT (SELECT count(*)::int FROM fired) AS fired,
              -- The commit does not wait for its WAL to reach disk. NOTIFY serialises committing
              -- transactions database-wide until they are flushed, so waiting made every fire queue
              -- behind the disk. Nothing can be lost: the job's completion commits after this, with
              -- a flush, and WAL is flushed in order; if the database dies first, both are undone
              -- and the job runs again.
              set_config('synchronous_commit', 'off', true) AS async_commit,
              (SELECT count(*)::int FROM announced) AS announced,
              (SELECT json_agg(json_build_object('recipientId', t.recipient_id)) FROM told t) AS told,
              (SELECT json_build_object('id', f.id, 'caseId', f.case_id, 'kind', f.kind) FROM fired f) AS follow_up,
              (SELECT reference FROM subject) AS reference`,
      [followUpId, JSON.stringify(FOLLOW_UP_KIND_LABELS), CASE_CHANGES_CHANNEL, revision ?? null, this.config.followUpCadence.closureOfferMinutes * 60_000],
    );
    if (!row.fired) return this.notFired(followUpId, revision);
    const told: Array<{ recipientId: string }> = row.told ?? [];
    if (this.mailer.enabled && told.length && row.follow_up && row.reference) await this.queueMail(row.follow_up, row.reference, told.map((t) => t.recipientId));
    return { fired: true, notified: told.length };
  }

  /** Why a fire did nothing, and what still has to happen so nothing is lost. */
  private async notFired(followUpId: string, revision: number | undefined): Promise<FireOutcome> {
    const [current] = await this.dataSource.query(
      `SELECT f.id, f.case_id, f.kind, f.status, f.revision, f.due_at, f.due_at > now() + ${CLOCK_TOLERANCE} AS early, c.reference
         FROM follow_up f JOIN support_case c ON c.id = f.case_id WHERE f.id = $1`,
      [followUpId],
    );
    const nothing: FireOutcome = { fired: false, notified: 0 };
    if (!current) return nothing;
    // The fire committed but its e-mails may not have been queued (the worker died, or the add
    // failed): queue them again. Their ids are fixed, so mail already queued is not sent twice.
    if (current.status === 'fired' || current.status === 'done') {
      if (!this.mailer.enabled) return nothing;
      const told: Array<{ recipient_id: string }> = await this.dataSource.query(`SELECT recipient_id FROM notification WHERE follow_up_id = $1`, [followUpId]);
      if (told.length) await this.queueMail({ id: current.id, caseId: current.case_id, kind: current.kind }, current.reference, told.map((t) => t.recipient_id));
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
    const addresses: Array<{ id: string; email: string }> = await this.dataSource.query(`SELECT id, email FROM staff_user WHERE id = ANY($1)`, [recipientIds]);
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
    const unqueued: Array<{ id: string; due_at: Date; revision: number }> = await this.dataSource.query(
      `SELECT id, due_at, revision FROM follow_up
        WHERE status = 'scheduled' AND due_at <= now() + ${SWEEP_HORIZON} AND enqueued_revision IS DISTINCT FROM revision
        ORDER BY due_at LIMIT 10000`,
    );
    await this.scheduler.enqueue(unqueued.map(toJobRequest));
    const stuck: Array<{ id: string; due_at: Date; revision: number }> = await this.dataSource.query(
      `SELECT id, due_at, revision FROM follow_up WHERE status = 'scheduled' AND due_at < now() - ${STUCK_AFTER} ORDER BY due_at LIMIT ${RECOVER_LIMIT}`,
    );
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
