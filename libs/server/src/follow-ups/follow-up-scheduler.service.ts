import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FireFollowUpJob, QUEUES } from '@sg/contracts';
import { ExistingFollowUp, FOLLOW_UP_AUDIENCE_BY_KIND, planFollowUps, PlannedFollowUp, PromptedFollowUpKind, reconcileFollowUps } from '@sg/domain';
import { Queue } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { CaseFollowUps, Prompt, Replan } from '../case-core/case-follow-ups';
import { reportRepository } from '../reports/report.repository';
import { retryTransient } from '../database/transient-conflict';
import { QUEUE_WAIT_MS, settledWithin } from '../queue/bounded-wait';
import { takedownRepository } from '../takedowns/takedown.repository';
import { FollowUpJobRequest, fireJobs } from './fire-jobs';
import { followUpRepository } from './follow-up.repository';

export { FollowUpJobRequest, fireJobId } from './fire-jobs';

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
export class FollowUpScheduler implements CaseFollowUps {
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
    let jobs: FollowUpJobRequest[] = [];
    // A deadlock aborts the whole transaction (the cluster triggers lock a case's identifiers, and a
    // change taking them over several statements can meet one taking them in another order), so it
    // is simply run again: the person's message or addition is written, not answered with a 500.
    const result = await retryTransient(() => {
      jobs = [];
      return dataSource.transaction((manager) =>
        work(
          manager,
          async (caseId) => void jobs.push(...(await this.replan(manager, caseId))),
          async (caseId, kind, dedupeKey) => void jobs.push(...(await this.prompt(manager, caseId, kind, dedupeKey))),
        ),
      );
    });
    const enqueued = this.enqueue(jobs).catch((error: Error) => this.logger.warn(`Follow-up jobs not enqueued (the sweep will add them): ${error.message}`));
    // The change is committed: answer even when the queue backend is down (the jobs follow).
    if (!(await settledWithin(enqueued))) {
      this.logger.warn(`The queue backend did not answer within ${QUEUE_WAIT_MS} ms: follow-up jobs are added when it does, or by the sweep`);
    }
    return result;
  }

  /**
   * Inside a transaction: plan the case, its takedowns and reports, and apply the difference.
   * Holds the case row (staff commands already do), so two plans of one case never interleave.
   */
  async replan(manager: EntityManager, caseId: string, now = new Date()): Promise<FollowUpJobRequest[]> {
    // Holds the case row, with its last activity for the closure offer.
    const c = await followUpRepository.lockCaseForPlanning(manager, caseId);
    if (!c) return [];
    // Notifications follow the case to its holder: on every replan, so on every (re)assignment.
    if (c.assignee_id) await followUpRepository.handOver(manager, caseId, c.assignee_id);
    const takedowns = await takedownRepository.listForPlanning(manager, caseId);
    const reports = await reportRepository.listForPlanning(manager, caseId);
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
          priority: c.priority,
          status: c.status,
          createdAt: new Date(c.created_at),
          deadlineAt: c.deadline_at ? new Date(c.deadline_at) : null,
          assigneeId: c.assignee_id,
          firstRespondedAt: c.first_responded_at ? new Date(c.first_responded_at) : null,
          firstResponseDueAt: new Date(c.first_response_due_at),
          triagedAt: new Date(c.triaged_at),
          lastActivityAt: new Date(c.last_activity_at),
          closureOffersMade: c.closure_offers_made,
        },
        takedowns: takedowns.map((t) => ({
          id: t.id,
          status: t.status,
          submittedAt: t.submitted_at && new Date(t.submitted_at),
          removedAt: t.removed_at && new Date(t.removed_at),
        })),
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
      const rows = await followUpRepository.upsertScheduled(manager, caseId, followUp);
      for (const row of rows) jobs.push(toJobRequest(row));
    }
    for (const row of plan.toCancel) {
      await followUpRepository.cancelScheduled(manager, row.id);
    }
    for (const { existing: row, wanted: followUp } of plan.toReschedule) {
      const updated = await followUpRepository.reschedule(manager, row.id, followUp.dueAt);
      for (const changed of updated) jobs.push(toJobRequest(changed));
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
   * A delayed job per follow-up revision; adding one that exists does nothing. Then the rows say
   * so, and the sweep leaves them alone (if that mark is lost, the sweep adds them again: no harm).
   */
  async enqueue(requests: readonly FollowUpJobRequest[]): Promise<void> {
    if (!requests.length) return;
    await this.queue.addBulk(fireJobs(requests));
    await followUpRepository.markEnqueued(this.dataSource, requests);
  }
}

export function toJobRequest(row: { id: string; due_at: Date | string; revision: number }): FollowUpJobRequest {
  return { id: row.id, dueAt: new Date(row.due_at), revision: Number(row.revision) };
}
