import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FireFollowUpJob, QUEUES } from '@sg/contracts';
import {
  CaseStatus,
  ExistingFollowUp,
  FOLLOW_UP_AUDIENCE_BY_KIND,
  planFollowUps,
  PlannedFollowUp,
  Priority,
  PromptedFollowUpKind,
  reconcileFollowUps,
  ReportStatus,
  TakedownStatus,
} from '@sg/domain';
import { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { CASE_ROW_LOCK } from '../cases/case-detail.reader';
import { CASE_CHANGES_CHANNEL } from '../cases/case-notifier';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { IS_CASE_ACTIVITY } from './case-activity';
import { FollowUpJobRequest, fireJobs, MARK_ENQUEUED_SQL } from './fire-jobs';
import { followUpRepository } from './follow-up.repository';

export { FollowUpJobRequest, fireJobId } from './fire-jobs';
type Replan = (caseId: string) => Promise<void>;
/** Raises a prompted follow-up (due now) once per `dedupeKey`; its job is added after the commit. */
type Prompt = (caseId: string, kind: PromptedFollowUpKind, dedupeKey: string) => Promise<void>;


interface StoredFollowUp extends ExistingFollowUp {
  id: string;
}

/**
 * Keeps a case's stored follow-ups in line with its plan (the cadence in the domain lib) and
 * their BullMQ jobs in line with the stored rows.
 *
 * Rows change in the caller's transaction, so a follow-up exists exactly when the change that
 * wanted it committed. Jobs are added after the commit; if that is lost (a crash in between),
 * the worker's sweep adds any missing job before the follow-up is due.
 */
@Injectable()
export class FollowUpScheduler {
  private readonly logger = new Logger(FollowUpScheduler.name);

  constructor(
    @InjectQueue(QUEUES.followUps) private readonly queue: Queue<FireFollowUpJob>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Runs `work` in a transaction in which it may call `replan(caseId)` and `prompt(...)`; the
   * follow-up jobs those need are enqueued once the transaction has committed.
   */
  async transaction<T>(dataSource: DataSource, work: (manager: EntityManager, replan: Replan, prompt: Prompt) => Promise<T>): Promise<T> {
    const jobs: FollowUpJobRequest[] = [];
    const result = await dataSource.transaction((manager) =>
      work(
        manager,
        async (caseId) => void jobs.push(...(await this.replan(manager, caseId))),
        async (caseId, kind, dedupeKey) => void jobs.push(...(await this.prompt(manager, caseId, kind, dedupeKey))),
      ),
    );
    await this.enqueue(jobs).catch((error: Error) => this.logger.warn(`Follow-up jobs not enqueued (the sweep will add them): ${error.message}`));
    return result;
  }

  /**
   * Inside a transaction: plan the case, its takedowns and reports, and apply the difference.
   * Holds the case row (staff commands already do), so two plans of one case never interleave.
   */
  async replan(manager: EntityManager, caseId: string, now = new Date()): Promise<FollowUpJobRequest[]> {
    // Last activity for the closure offer: the latest staff or person entry on the timeline (this
    // change's own entry included), the intake, or the last closure offer, whichever is latest.
    const [c] = await manager.query(
      `SELECT c.id, c.priority, c.status, c.created_at, c.deadline_at, c.assignee_id, c.first_responded_at, c.first_response_due_at,
              greatest(c.created_at,
                       (SELECT max(e.at) FROM case_event e WHERE e.case_id = c.id AND ${IS_CASE_ACTIVITY}),
                       (SELECT max(f.fired_at) FROM follow_up f WHERE f.case_id = c.id AND f.kind = 'closure_offer' AND f.status IN ('fired', 'done'))) AS last_activity_at,
              (SELECT count(*)::int FROM follow_up f WHERE f.case_id = c.id AND f.kind = 'closure_offer' AND f.status IN ('fired', 'done')) AS closure_offers_made
         FROM support_case c WHERE c.id = $1 ${CASE_ROW_LOCK}`,
      [caseId],
    );
    if (!c) return [];
    if (c.assignee_id) await this.handOverNotifications(manager, caseId, c.assignee_id);
    const takedowns: Array<{ id: string; status: TakedownStatus; submitted_at: Date | null; removed_at: Date | null }> = await manager.query(
      `SELECT id, status, submitted_at, removed_at FROM takedown_request WHERE case_id = $1`,
      [caseId],
    );
    const reports: Array<{ id: string; status: ReportStatus; filed_at: Date | null; reference_number: string | null }> = await manager.query(
      `SELECT id, status, filed_at, reference_number FROM case_report WHERE case_id = $1`,
      [caseId],
    );
    const existing: StoredFollowUp[] = (await followUpRepository.lockPlanned(manager, caseId)).map((row) => ({
      id: row.id,
      dedupeKey: row.dedupe_key,
      status: row.status,
      dueAt: new Date(row.due_at),
    }));

    // What a case keeps by its status (open, resolved, closed) is the domain's rule.
    const wanted: PlannedFollowUp[] = planFollowUps(
      {
        case: {
          id: c.id,
          priority: c.priority as Priority,
          status: c.status as CaseStatus,
          createdAt: new Date(c.created_at),
          deadlineAt: c.deadline_at ? new Date(c.deadline_at) : null,
          assigneeId: c.assignee_id,
          firstRespondedAt: c.first_responded_at ? new Date(c.first_responded_at) : null,
          firstResponseDueAt: new Date(c.first_response_due_at),
          lastActivityAt: new Date(c.last_activity_at),
          closureOffersMade: c.closure_offers_made,
        },
        takedowns: takedowns.map((t) => ({ id: t.id, status: t.status, submittedAt: t.submitted_at && new Date(t.submitted_at), removedAt: t.removed_at && new Date(t.removed_at) })),
        reports: reports.map((r) => ({ id: r.id, status: r.status, filedAt: r.filed_at && new Date(r.filed_at), referenceNumber: r.reference_number })),
      },
      this.config.followUpCadence,
      now,
    );

    const plan = reconcileFollowUps(existing, wanted);
    const jobs: FollowUpJobRequest[] = [];
    for (const followUp of plan.toSchedule) {
      // Revives a cancelled row with the same key (a new revision, so a new job); never touches
      // one that fired or is done.
      const rows = await manager.query(
        `INSERT INTO follow_up (case_id, kind, subject_type, subject_id, dedupe_key, audience, due_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (dedupe_key) DO UPDATE SET status = 'scheduled', due_at = EXCLUDED.due_at, audience = EXCLUDED.audience,
           revision = follow_up.revision + 1, cancelled_at = NULL, updated_at = now()
           WHERE follow_up.status IN ('scheduled', 'cancelled')
         RETURNING id, due_at, revision`,
        [caseId, followUp.kind, followUp.subject.type, followUp.subject.id, followUp.dedupeKey, followUp.audience, followUp.dueAt],
      );
      for (const row of rows) jobs.push(toJobRequest(row));
    }
    for (const row of plan.toCancel) {
      await manager.query(`UPDATE follow_up SET status = 'cancelled', cancelled_at = now(), updated_at = now() WHERE id = $1 AND status = 'scheduled'`, [row.id]);
    }
    for (const { existing: row, wanted: followUp } of plan.toReschedule) {
      const [updated] = await manager.query(
        `UPDATE follow_up SET due_at = $2, revision = revision + 1, updated_at = now() WHERE id = $1 AND status = 'scheduled' RETURNING id, due_at, revision`,
        [row.id, followUp.dueAt],
      );
      for (const changed of updated ?? []) jobs.push(toJobRequest(changed));
    }
    return jobs;
  }

  /**
   * Inside a transaction: a follow-up due now, raised by something that happened rather than by
   * the plan. It fires like any other (exactly once, to the holder or, with nobody holding the
   * case, to the supervisors); a second call with the same key does nothing.
   */
  async prompt(manager: EntityManager, caseId: string, kind: PromptedFollowUpKind, dedupeKey: string): Promise<FollowUpJobRequest[]> {
    const rows = await followUpRepository.insertDueNow(manager, { caseId, kind, dedupeKey, audience: FOLLOW_UP_AUDIENCE_BY_KIND[kind] });
    return rows.map(toJobRequest);
  }

  /**
   * Notifications follow the case: the open ones a previous holder got as the holder move to the
   * person holding it now (closed instead where the new holder was told already, say as a
   * supervisor). Both bells hear of it. Runs on every replan, so on every (re)assignment; with
   * nothing to move it is one indexed look-up.
   */
  private async handOverNotifications(manager: EntityManager, caseId: string, holderId: string): Promise<void> {
    await manager.query(
      `WITH handed AS (
         SELECT n.id, n.recipient_id,
                EXISTS (SELECT 1 FROM notification o WHERE o.follow_up_id = n.follow_up_id AND o.recipient_id = $2::uuid) AS told_already
           FROM notification n
          WHERE n.case_id = $1 AND n.as_holder AND n.done_at IS NULL AND n.recipient_id <> $2::uuid
       ), moved AS (
         UPDATE notification n SET recipient_id = $2::uuid FROM handed h WHERE n.id = h.id AND NOT h.told_already RETURNING n.id
       ), closed AS (
         UPDATE notification n SET done_at = now() FROM handed h WHERE n.id = h.id AND h.told_already RETURNING n.id
       )
       SELECT pg_notify($3, json_build_object('type', 'notification.created', 'id', m.id, 'recipientId', $2::uuid, 'at', now())::text) FROM moved m
       UNION ALL
       SELECT pg_notify($3, json_build_object('type', 'notification.changed', 'id', h.id, 'recipientId', h.recipient_id, 'at', now())::text) FROM handed h`,
      [caseId, holderId, CASE_CHANGES_CHANNEL],
    );
  }

  /**
   * A delayed job per follow-up revision; adding one that exists does nothing. Then the rows say
   * so, and the sweep leaves them alone (if that mark is lost, the sweep adds them again: no harm).
   */
  async enqueue(requests: readonly FollowUpJobRequest[]): Promise<void> {
    if (!requests.length) return;
    await this.queue.addBulk(fireJobs(requests));
    await this.dataSource.query(MARK_ENQUEUED_SQL, [requests.map((r) => r.id), requests.map((r) => r.revision)]);
  }
}

export function toJobRequest(row: { id: string; due_at: Date | string; revision: number }): FollowUpJobRequest {
  return { id: row.id, dueAt: new Date(row.due_at), revision: Number(row.revision) };
}
