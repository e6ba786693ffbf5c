import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { FireFollowUpJob, FOLLOW_UP_JOBS, NotificationCreatedEvent, QUEUES } from '@sg/contracts';
import { FOLLOW_UP_KIND_LABELS, FollowUpKind } from '@sg/domain';
import { Job, Queue } from 'bullmq';
import { StaffEmail, StaffMailer } from '../mail/staff-mailer';
import { DataSource } from 'typeorm';
import { CASE_CHANGES_CHANNEL, notifyCaseChange } from '../cases/case-notifier';
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
    const mail: Array<{ jobId: string; email: StaffEmail }> = [];
    const outcome = await this.dataSource.transaction(async (manager) => {
      // Cancelled, done, already fired, or moved later (a newer job exists): nothing to do.
      const [[followUp]] = await manager.query(
        `UPDATE follow_up SET status = 'fired', fired_at = now(), updated_at = now()
          WHERE id = $1 AND status = 'scheduled' AND due_at <= now() + ${CLOCK_TOLERANCE}
         RETURNING id, case_id, kind, audience, due_at`,
        [followUpId],
      );
      if (!followUp) return { fired: false, notified: 0 };
      const [subject] = await manager.query(
        `SELECT c.id, c.reference, c.priority, c.status, c.assignee_id AS "assigneeId", u.id AS active_assignee
           FROM support_case c LEFT JOIN staff_user u ON u.id = c.assignee_id AND u.active WHERE c.id = $1`,
        [followUp.case_id],
      );
      // The person holding the case; escalations, and follow-ups for a case nobody holds, go to every supervisor.
      const recipients: string[] =
        followUp.audience === 'assignee' && subject.active_assignee
          ? [subject.active_assignee]
          : (await manager.query(`SELECT id FROM staff_user WHERE active AND role = 'supervisor'`)).map((row: { id: string }) => row.id);
      // The case reference travels beside the title (NotificationView.caseReference), not inside it.
      const title = FOLLOW_UP_KIND_LABELS[followUp.kind as FollowUpKind] ?? followUp.kind;
      const notifications: Array<{ id: string; recipient_id: string }> = await manager.query(
        `INSERT INTO notification (recipient_id, follow_up_id, case_id, kind, title)
         SELECT recipient, $2, $3, $4, $5 FROM unnest($1::uuid[]) AS recipient
         ON CONFLICT (follow_up_id, recipient_id) DO NOTHING RETURNING id, recipient_id`,
        [recipients, followUp.id, followUp.case_id, followUp.kind, title],
      );
      await manager.query(`INSERT INTO case_event (case_id, actor_kind, kind, data) VALUES ($1, 'system', 'follow_up_fired', $2)`, [
        followUp.case_id,
        JSON.stringify({ followUpId: followUp.id, kind: followUp.kind, recipients: recipients.length }),
      ]);
      if (this.mailer.enabled && notifications.length) {
        // Sent as jobs of their own: retried if the mail server is down, and never holding up the fire.
        const addresses: Array<{ id: string; email: string }> = await manager.query(`SELECT id, email FROM staff_user WHERE id = ANY($1)`, [notifications.map((n) => n.recipient_id)]);
        mail.push(...addresses.map((a) => ({ jobId: `mail_${followUp.id}_${a.id}`, email: { to: a.email, title: `${title}: ${subject.reference}`, caseId: followUp.case_id } })));
      }
      for (const notification of notifications) {
        const event: NotificationCreatedEvent = { type: 'notification.created', id: notification.id, recipientId: notification.recipient_id, at: new Date().toISOString() };
        await manager.query(`SELECT pg_notify($1, $2)`, [CASE_CHANGES_CHANNEL, JSON.stringify(event)]);
      }
      // Open case pages refresh their follow-ups.
      await notifyCaseChange(manager, 'case.updated', subject);
      return { fired: true, notified: notifications.length };
    });
    if (mail.length) await this.queue.addBulk(mail.map((m) => ({ name: FOLLOW_UP_JOBS.mail, data: m.email as never, opts: { jobId: m.jobId } })));
    return outcome;
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
