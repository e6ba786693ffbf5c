import { FOLLOW_UP_KIND_LABELS, itemAt } from '@sg/domain';
import { DataSource } from 'typeorm';
import { AppConfig, QueueBackendKind } from '../config/app-config';
import { DeadlineRetriage } from './deadline-retriage.handler';
import { FollowUpMail } from './follow-up-mail.handler';
import { FollowUpScheduler } from './follow-up-scheduler.service';
import { FireRequest, FireRow, followUpRepository } from './follow-up.repository';
import { MicroBatcher } from '../database/micro-batcher';

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

/** How a worker fires the jobs it holds together: see FIRE_BATCHING. */
export interface FireBatching {
  /** How many jobs the worker holds at once (its BullMQ concurrency): room for the statements running and the jobs gathering for the next. */
  concurrency: number;
  /** How many fire jobs one statement takes at most. */
  maxBatch: number;
  /** How many fire statements run at once. */
  statementsInFlight: number;
}

/**
 * Firing's batching, by queue backend. The worker's concurrency is what lets jobs gather: jobs
 * that come while the statements run go together in the next (follow-ups.md, "Firing"). On Redis
 * jobs come faster than two statements of 32 took them: 128 a statement, the worker holding 256,
 * took a fire's machine cost from 412-431 to 257-294 µs (tools/bench/follow-ups.mjs, 20,000 due at
 * once). BullMQ's PostgreSQL backend is the other way round: each job held is work for its small
 * pool of connections, and holding fewer kept it on time. Holding 16 (8 a statement), a spread of
 * 100,000 over 180 s fired with p99 lateness 434 ms, against 0.8-4.0 s holding 64 and 4.8 s holding 256.
 */
export const FIRE_BATCHING: Readonly<Record<QueueBackendKind, FireBatching>> = {
  postgres: { concurrency: 16, maxBatch: 8, statementsInFlight: 2 },
  redis: { concurrency: 256, maxBatch: 128, statementsInFlight: 2 },
};

/**
 * The `fire` job. Exactly once, however many workers run and however often a job is retried:
 * the move from `scheduled` to `fired` is one conditional UPDATE (only one transaction can win
 * it), and the notifications are written in that same transaction, unique per person. A worker
 * killed mid-job rolls back; the retry finds the follow-up still scheduled and does it all.
 * The jobs a worker holds at one moment fire together, several per statement (MicroBatcher):
 * each job still gets its own row's outcome, and a statement that fails fails none but its own
 * (the batch is run again one job at a time). Built and driven by FollowUpProcessor.
 */
export class FollowUpFire {
  private readonly deadlines: DeadlineRetriage;
  private readonly batcher: MicroBatcher<FireRequest, FireRow>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly scheduler: FollowUpScheduler,
    private readonly mail: FollowUpMail,
    private readonly config: AppConfig,
  ) {
    this.deadlines = new DeadlineRetriage(dataSource, scheduler, mail, config);
    const batching = FIRE_BATCHING[config.queueBackend];
    this.batcher = new MicroBatcher((requests) => this.fireStatement(requests), {
      maxBatch: batching.maxBatch,
      maxInFlight: batching.statementsInFlight,
      // One statement must not claim one follow-up twice (two jobs of it, old and new revision).
      keyOf: (request) => request.followUpId,
    });
  }

  /**
   * Fires revision `revision` of a follow-up (any revision for jobs queued before revisions).
   * A stale job (an older revision, a cancelled or moved follow-up) does nothing.
   */
  async fire(followUpId: string, revision?: number): Promise<FireOutcome> {
    // One statement, shared with the other jobs this worker holds: claim the follow-up, tell each person once, put it on the timeline and announce it.
    const request: FireRequest = { followUpId, revision: revision ?? null };
    let row = await this.batcher.submit(request);
    // Another transaction held it (another worker firing it, a replan moving it), so the batch
    // left it alone rather than wait while holding the others: fire it on its own, waiting.
    if (row.locked) row = itemAt(await this.fireStatement([request]), 0, `the fire result of follow-up ${followUpId}`);
    if (!row.fired) return this.notFired(followUpId, revision);
    const told: Array<{ recipientId: string }> = row.told ?? [];
    if (this.mail.enabled && told.length && row.follow_up && row.reference)
      await this.mail.queue(
        row.follow_up,
        row.reference,
        told.map((t) => t.recipientId),
      );
    return { fired: true, notified: told.length };
  }

  /** One fire statement; a lone follow-up waits for its row, as a single fire always has (it holds no other). */
  private fireStatement(requests: readonly FireRequest[]): Promise<FireRow[]> {
    return followUpRepository.fire(this.dataSource, {
      requests,
      wait: requests.length === 1,
      labels: FOLLOW_UP_KIND_LABELS,
      closureOfferMs: this.config.followUpCadence.closureOfferMinutes * 60_000,
    });
  }

  /** Why a fire did nothing, and what still has to happen so nothing is lost. */
  private async notFired(followUpId: string, revision: number | undefined): Promise<FireOutcome> {
    const current = await followUpRepository.notFiredState(this.dataSource, followUpId);
    const nothing: FireOutcome = { fired: false, notified: 0 };
    if (!current) return nothing;
    // The fire committed but its e-mails may not have been queued (the worker died, or the add
    // failed): queue them again. Their ids are fixed, so mail already queued is not sent twice.
    if (current.status === 'fired' || current.status === 'done') {
      if (!this.mail.enabled) return nothing;
      const told = await followUpRepository.recipientsOf(this.dataSource, followUpId);
      if (told.length) await this.mail.queue({ id: current.id, caseId: current.case_id, kind: current.kind }, current.reference, told);
      return { ...nothing, mailQueued: told.length };
    }
    if (current.status !== 'scheduled' || (revision !== undefined && current.revision !== revision)) return nothing;
    if (current.early) return { ...nothing, notDueUntil: new Date(current.due_at) };
    // The fire statement leaves deadline re-triages alone: they re-triage the case as they fire.
    if (current.kind === 'deadline_retriage') return this.deadlines.fire({ id: current.id, caseId: current.case_id }, revision);
    if (current.kind === 'closure_offer') {
      await this.scheduler.transaction(this.dataSource, (_manager, replan) => replan(current.case_id));
      return { ...nothing, replanned: true };
    }
    return nothing;
  }
}
