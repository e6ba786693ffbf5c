import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { FireFollowUpJob, FOLLOW_UP_JOBS, QUEUES } from '@sg/contracts';
import { FOLLOW_UP_KIND_LABELS, FollowUpKind } from '@sg/domain';
import { Job, Queue } from 'bullmq';
import { StaffEmail, StaffMailer } from '../mail/staff-mailer';
import { DataSource } from 'typeorm';
import { CASE_CHANGES_CHANNEL } from '../cases/case-notifier';
import { FollowUpScheduler } from './follow-up-scheduler.service';
import { NewCasePlanner } from './new-case-planner.service';

/** How far ahead the sweep looks for scheduled follow-ups whose job may have been lost. */
const SWEEP_HORIZON = `interval '2 minutes'`;
/** Clocks of workers and database differ a little: a job this early still fires. */
const CLOCK_TOLERANCE = `interval '1 second'`;

export interface FireOutcome {
  fired: boolean;
  notified: number;
}

/**
 * Fires follow-ups. Exactly once, however many workers run and however often a job is retried:
 * the move from `scheduled` to `fired` is one conditional UPDATE (only one transaction can win
 * it), and the notifications are written in that same transaction, unique per person. A worker
 * killed mid-job rolls back; the retry finds the follow-up still scheduled and does it all.
 */
@Processor(QUEUES.followUps, { concurrency: 16 })
export class FollowUpProcessor extends WorkerHost {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scheduler: FollowUpScheduler,
    private readonly newCases: NewCasePlanner,
    private readonly mailer: StaffMailer,
    @InjectQueue(QUEUES.followUps) private readonly queue: Queue,
  ) {
    super();
  }

  async process(job: Job<FireFollowUpJob>): Promise<FireOutcome | { enqueued: number; planned: number } | { sent: boolean }> {
    switch (job.name) {
      case FOLLOW_UP_JOBS.fire:
        return this.fire(job.data.followUpId);
      case FOLLOW_UP_JOBS.sweep:
        return this.sweep();
      case FOLLOW_UP_JOBS.mail:
        await this.mailer.send(job.data as unknown as StaffEmail);
        return { sent: true };
      default:
        throw new Error(`No handler for job "${job.name}" on queue "${QUEUES.followUps}"`);
    }
  }

  async fire(followUpId: string): Promise<FireOutcome> {
    // One statement (so one round trip and one commit): claim the follow-up, tell each person once,
    // put it on the timeline and announce it. If any part fails, none of it happened.
    const [row] = await this.dataSource.query(
      `WITH fired AS (
         -- Cancelled, done, already fired, or moved later (a newer job exists): no row, nothing happens.
         UPDATE follow_up SET status = 'fired', fired_at = now(), updated_at = now()
          WHERE id = $1 AND status = 'scheduled' AND due_at <= now() + ${CLOCK_TOLERANCE}
         RETURNING id, case_id, kind, audience
       ), subject AS (
         SELECT c.id, c.reference, c.priority, c.status, c.assignee_id, u.id AS active_assignee
           FROM fired JOIN support_case c ON c.id = fired.case_id
           LEFT JOIN staff_user u ON u.id = c.assignee_id AND u.active
       ), recipients AS (
         -- The person holding the case; escalations, and follow-ups for a case nobody holds, go to every supervisor.
         SELECT s.active_assignee AS id FROM fired f, subject s WHERE f.audience = 'assignee' AND s.active_assignee IS NOT NULL
         UNION
         SELECT u.id FROM fired f, subject s, staff_user u
          WHERE u.active AND u.role = 'supervisor' AND (f.audience = 'supervisors' OR s.active_assignee IS NULL)
       ), told AS (
         INSERT INTO notification (recipient_id, follow_up_id, case_id, kind, title)
         SELECT r.id, f.id, f.case_id, f.kind, coalesce($2::jsonb ->> f.kind, f.kind) FROM recipients r, fired f
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
              (SELECT count(*)::int FROM announced) AS announced,
              (SELECT json_agg(json_build_object('recipientId', t.recipient_id)) FROM told t) AS told,
              (SELECT json_build_object('id', f.id, 'caseId', f.case_id, 'kind', f.kind) FROM fired f) AS follow_up,
              (SELECT reference FROM subject) AS reference`,
      [followUpId, JSON.stringify(FOLLOW_UP_KIND_LABELS), CASE_CHANGES_CHANNEL],
    );
    if (!row.fired) return { fired: false, notified: 0 };
    const told: Array<{ recipientId: string }> = row.told ?? [];
    if (this.mailer.enabled && told.length) await this.queueMail(row.follow_up, row.reference, told.map((t) => t.recipientId));
    return { fired: true, notified: told.length };
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

  /** Safety net: a job for every scheduled follow-up due soon (or overdue), in case one was lost. */
  async sweep(): Promise<{ enqueued: number; planned: number }> {
    const planned = await this.newCases.planUnplanned();
    const due: Array<{ id: string; due_at: Date }> = await this.dataSource.query(
      `SELECT id, due_at FROM follow_up WHERE status = 'scheduled' AND due_at <= now() + ${SWEEP_HORIZON} ORDER BY due_at LIMIT 10000`,
    );
    await this.scheduler.enqueue(due.map((row) => ({ id: row.id, dueAt: new Date(row.due_at) })));
    return { enqueued: due.length, planned };
  }
}
