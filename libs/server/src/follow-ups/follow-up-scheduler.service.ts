import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { FOLLOW_UP_JOBS, FireFollowUpJob, QUEUES } from '@sg/contracts';
import {
  CaseStatus,
  ExistingFollowUp,
  OPEN_CASE_STATUSES,
  planCaseFollowUps,
  planReportFollowUps,
  planTakedownFollowUps,
  PlannedFollowUp,
  Priority,
  reconcileFollowUps,
  ReportStatus,
  TakedownStatus,
} from '@sg/domain';
import { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { CASE_ROW_LOCK } from '../cases/case-detail.reader';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';

/** A follow-up whose job must exist: fire it at `dueAt`. */
export interface FollowUpJobRequest {
  id: string;
  dueAt: Date;
}

/** The job id for a follow-up at a due time: adding it twice is a no-op; a new due time is a new job. */
export function fireJobId(request: FollowUpJobRequest): string {
  return `fire_${request.id}_${new Date(request.dueAt).getTime()}`;
}

type Replan = (caseId: string) => Promise<void>;

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
  ) {}

  /**
   * Runs `work` in a transaction in which it may call `replan(caseId)`; the follow-up jobs that
   * needs are enqueued once the transaction has committed.
   */
  async transaction<T>(dataSource: DataSource, work: (manager: EntityManager, replan: Replan) => Promise<T>): Promise<T> {
    const jobs: FollowUpJobRequest[] = [];
    const result = await dataSource.transaction((manager) => work(manager, async (caseId) => void jobs.push(...(await this.replan(manager, caseId)))));
    await this.enqueue(jobs).catch((error: Error) => this.logger.warn(`Follow-up jobs not enqueued (the sweep will add them): ${error.message}`));
    return result;
  }

  /**
   * Inside a transaction: plan the case, its takedowns and reports, and apply the difference.
   * Holds the case row (staff commands already do), so two plans of one case never interleave.
   */
  async replan(manager: EntityManager, caseId: string, now = new Date()): Promise<FollowUpJobRequest[]> {
    const [c] = await manager.query(
      `SELECT id, priority, status, created_at, deadline_at, assignee_id, first_responded_at, first_response_due_at
         FROM support_case WHERE id = $1 ${CASE_ROW_LOCK}`,
      [caseId],
    );
    if (!c) return [];
    const takedowns: Array<{ id: string; status: TakedownStatus; submitted_at: Date | null; removed_at: Date | null }> = await manager.query(
      `SELECT id, status, submitted_at, removed_at FROM takedown_request WHERE case_id = $1`,
      [caseId],
    );
    const reports: Array<{ id: string; status: ReportStatus; filed_at: Date | null; reference_number: string | null }> = await manager.query(
      `SELECT id, status, filed_at, reference_number FROM case_report WHERE case_id = $1`,
      [caseId],
    );
    const existing: StoredFollowUp[] = (
      await manager.query(`SELECT id, dedupe_key, status, due_at FROM follow_up WHERE case_id = $1 FOR UPDATE`, [caseId])
    ).map((row: { id: string; dedupe_key: string; status: StoredFollowUp['status']; due_at: Date }) => ({ id: row.id, dedupeKey: row.dedupe_key, status: row.status, dueAt: new Date(row.due_at) }));

    const cadence = this.config.followUpCadence;
    // A resolved or closed case wants nothing: reconciling cancels everything still pending.
    const wanted: PlannedFollowUp[] = OPEN_CASE_STATUSES.includes(c.status as CaseStatus)
      ? [
          ...planCaseFollowUps(
            {
              id: c.id,
              priority: c.priority as Priority,
              status: c.status as CaseStatus,
              createdAt: new Date(c.created_at),
              deadlineAt: c.deadline_at ? new Date(c.deadline_at) : null,
              assigneeId: c.assignee_id,
              firstRespondedAt: c.first_responded_at ? new Date(c.first_responded_at) : null,
              firstResponseDueAt: new Date(c.first_response_due_at),
            },
            cadence,
            now,
          ),
          ...takedowns.flatMap((t) =>
            planTakedownFollowUps({ id: t.id, status: t.status, submittedAt: t.submitted_at && new Date(t.submitted_at), removedAt: t.removed_at && new Date(t.removed_at) }, cadence, now),
          ),
          ...reports.flatMap((r) =>
            planReportFollowUps({ id: r.id, status: r.status, filedAt: r.filed_at && new Date(r.filed_at), referenceNumber: r.reference_number }, cadence, now),
          ),
        ]
      : [];

    const plan = reconcileFollowUps(existing, wanted);
    const jobs: FollowUpJobRequest[] = [];
    for (const followUp of plan.toSchedule) {
      // Revives a cancelled row with the same key; never touches one that fired or is done.
      const rows = await manager.query(
        `INSERT INTO follow_up (case_id, kind, subject_type, subject_id, dedupe_key, audience, due_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (dedupe_key) DO UPDATE SET status = 'scheduled', due_at = EXCLUDED.due_at, cancelled_at = NULL, updated_at = now()
           WHERE follow_up.status IN ('scheduled', 'cancelled')
         RETURNING id, due_at`,
        [caseId, followUp.kind, followUp.subject.type, followUp.subject.id, followUp.dedupeKey, followUp.audience, followUp.dueAt],
      );
      for (const row of rows) jobs.push({ id: row.id, dueAt: new Date(row.due_at) });
    }
    for (const row of plan.toCancel) {
      await manager.query(`UPDATE follow_up SET status = 'cancelled', cancelled_at = now(), updated_at = now() WHERE id = $1 AND status = 'scheduled'`, [row.id]);
    }
    for (const { existing: row, wanted: followUp } of plan.toReschedule) {
      const [updated] = await manager.query(`UPDATE follow_up SET due_at = $2, updated_at = now() WHERE id = $1 AND status = 'scheduled' RETURNING id, due_at`, [row.id, followUp.dueAt]);
      for (const changed of updated ?? []) jobs.push({ id: changed.id, dueAt: new Date(changed.due_at) });
    }
    return jobs;
  }

  /** A delayed job per follow-up; ids are deterministic, so adding one that exists does nothing. */
  async enqueue(requests: readonly FollowUpJobRequest[]): Promise<void> {
    if (!requests.length) return;
    const now = Date.now();
    await this.queue.addBulk(
      requests.map((request) => ({
        name: FOLLOW_UP_JOBS.fire,
        data: { followUpId: request.id, dueAt: new Date(request.dueAt).toISOString() },
        opts: { jobId: fireJobId(request), delay: Math.max(0, new Date(request.dueAt).getTime() - now) },
      })),
    );
  }
}
