import { FOLLOW_UP_KIND_LABELS } from '@sg/domain';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { DeadlineRetriage } from './deadline-retriage.handler';
import { FollowUpMail } from './follow-up-mail.handler';
import { FollowUpScheduler } from './follow-up-scheduler.service';
import { followUpRepository } from './follow-up.repository';

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

/**
 * The `fire` job. Exactly once, however many workers run and however often a job is retried:
 * the move from `scheduled` to `fired` is one conditional UPDATE (only one transaction can win
 * it), and the notifications are written in that same transaction, unique per person. A worker
 * killed mid-job rolls back; the retry finds the follow-up still scheduled and does it all.
 * Built and driven by FollowUpProcessor.
 */
export class FollowUpFire {
  private readonly deadlines: DeadlineRetriage;

  constructor(
    private readonly dataSource: DataSource,
    private readonly scheduler: FollowUpScheduler,
    private readonly mail: FollowUpMail,
    private readonly config: AppConfig,
  ) {
    this.deadlines = new DeadlineRetriage(dataSource, scheduler, mail, config);
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
    if (this.mail.enabled && told.length && row.follow_up && row.reference) await this.mail.queue(row.follow_up, row.reference, told.map((t) => t.recipientId));
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
