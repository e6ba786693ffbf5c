import { deadlineThresholdOf, Priority, priorityRank, TimelineEvent } from '@sg/domain';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { caseEventRepository } from '../case-core/case-event.repository';
import { notifyCaseChange } from '../case-core/case-notifier';
import { retriage } from '../case-core/retriage';
import { loadResponseTargetPolicy } from '../organisation/response-target-policy';
import { supportCaseRepository } from '../case-core/support-case.repository';
import type { FireOutcome } from './follow-up-fire.handler';
import { FollowUpMail } from './follow-up-mail.handler';
import { FollowUpScheduler } from './follow-up-scheduler.service';
import { followUpRepository } from './follow-up.repository';

/** Priorities that call people to the case when a deadline raises it to them, as a new case of that priority would. */
const ALERTING: readonly Priority[] = ['emergency', 'urgent'];

/**
 * Fires a `deadline_retriage` follow-up: the case's deadline came within 72 h, within 24 h, or
 * passed, so its triage is computed again with the clock. Unlike the other kinds it tells nobody
 * by itself (a factor moving is not work); only a case raised to urgent or emergency calls its
 * holder and the supervisors, like a new case of that priority.
 *
 * Exactly once, as every fire: one transaction holds the case (as replanning does, so the two
 * never deadlock), claims the follow-up with the conditional UPDATE, re-triages, writes the
 * timeline entry, the notifications and the live update, and replans. A second worker waits for
 * the case, then its claim matches no row; a worker killed midway rolls all of it back and the
 * retried job does it again. Built by FollowUpFire, for the follow-ups the fire statement leaves to it.
 */
export class DeadlineRetriage {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scheduler: FollowUpScheduler,
    private readonly mail: FollowUpMail,
    private readonly config: AppConfig,
  ) {}

  async fire(followUp: { id: string; caseId: string }, revision: number | undefined): Promise<FireOutcome> {
    const outcome = await this.scheduler.transaction(this.dataSource, async (manager, replan) => {
      const state = await supportCaseRepository.state(manager, followUp.caseId, true);
      const claimed = state && (await followUpRepository.claimDeadlineRetriage(manager, { followUpId: followUp.id, revision: revision ?? null }));
      if (!state || !claimed) return null;

      // As of the moment it was due at the latest: a worker whose clock is a little behind the
      // database's must not triage just before the threshold it was planned for.
      const at = new Date(claimed.at);
      const stored = await supportCaseRepository.detail(manager, state.id);
      const next = retriage(state, state, at, await loadResponseTargetPolicy(manager, this.config));
      const factorsBefore = (stored?.triage_factors ?? []).map((factor) => factor.key).join(',');
      const factorsChanged = next.factors.map((factor) => factor.key).join(',') !== factorsBefore;
      // Already counted (a change of facts re-triaged the case since it was planned): nothing to say.
      if (!next.changed && !factorsChanged) {
        await followUpRepository.settleUntold(manager, claimed.id);
        return { reference: state.reference, told: [] };
      }

      await supportCaseRepository.applyChange(manager, state.id, {
        triage_priority: next.triagePriority,
        triage_factors: JSON.stringify(next.factors),
        triaged_at: 'now()',
        priority: next.priority,
        priority_rank: next.priorityRank,
        first_response_due_at: next.firstResponseDueAt,
      });
      const threshold = deadlineThresholdOf(next.factors);
      const event: TimelineEvent = {
        kind: 'case_retriaged',
        data: {
          from: state.triagePriority,
          to: next.triagePriority,
          factors: next.factors.map((factor) => factor.key),
          reason: threshold?.reason ?? 'The deadline moved past a threshold',
          // The override stands; the timeline shows what triage would have said beside it.
          ...(state.priorityOverride ? { override: state.priorityOverride } : {}),
        },
      };
      await caseEventRepository.insert(manager, { caseId: state.id, actorKind: 'system', event });

      const raised = priorityRank(next.priority) < priorityRank(state.priority) && ALERTING.includes(next.priority);
      const told = raised
        ? await followUpRepository.notifyFired(manager, {
            followUpId: claimed.id,
            title: `Now ${next.priority}: ${(threshold?.reason ?? 'the deadline is near').toLowerCase()}`,
          })
        : [];
      // Told nobody: nothing for anyone to mark done, so it is settled now (it must not sit in Overdue).
      if (!told.length) await followUpRepository.settleUntold(manager, claimed.id);
      // Queues and open case pages re-read; a case raised to emergency raises the banner like a new one.
      await notifyCaseChange(manager, 'case.updated', {
        id: state.id,
        reference: state.reference,
        priority: next.priority,
        status: state.status,
        assigneeId: state.assigneeId,
      });
      // A higher priority adds wellbeing checks and brings the escalation forward; the stored triage
      // time drops the thresholds it has now counted.
      await replan(state.id);
      return { reference: state.reference, told };
    });
    if (!outcome) return { fired: false, notified: 0 };
    if (this.mail.enabled && outcome.told.length) {
      await this.mail.queue(
        { id: followUp.id, caseId: followUp.caseId, kind: 'deadline_retriage' },
        outcome.reference,
        outcome.told.map((t) => t.recipientId),
      );
    }
    return { fired: true, notified: outcome.told.length };
  }
}
