import { ActionPlanFacts, ActionPlanStepKey, reconcileActionPlan } from '@sg/domain';
import { translatorFor } from '@sg/i18n/server';
import { EntityManager } from 'typeorm';
import { caseEventRepository } from '../case-core/case-event.repository';
import { caseRecordRepository } from './case-record.repository';

/**
 * Brings a case's stored action plan in line with its facts after they changed (a caseworker's
 * correction, the person's own addition): progress on existing steps is kept, steps the new facts
 * call for are added, and a step someone already ticked is never removed. Whatever changed is
 * written on the timeline, so nobody wonders where a step went. In the caller's transaction,
 * which must hold the case row.
 */
export async function reconcileCasePlan(manager: EntityManager, caseId: string, facts: ActionPlanFacts): Promise<{ changed: boolean }> {
  const existing = await caseRecordRepository.planSteps(manager, caseId);
  const result = reconcileActionPlan(existing, facts);
  if (!result.changed) return { changed: false };
  const keys = result.steps.map((step) => step.key);
  await caseRecordRepository.deletePlanStepsExcept(manager, caseId, keys);
  await caseRecordRepository.upsertPlanSteps(manager, caseId, result.steps);
  // The timeline keeps its entries as English sentences, as it always has.
  const english = translatorFor('en');
  const titles = (wanted: ActionPlanStepKey[]) =>
    wanted.map((key) => {
      const title = (result.steps.find((step) => step.key === key) ?? existing.find((step) => step.key === key))?.title;
      return title ? english.text(title) : key;
    });
  if (result.added.length || result.removed.length || result.keptDone.length) {
    await caseEventRepository.insert(manager, {
      caseId,
      actorKind: 'system',
      event: {
        kind: 'plan_updated',
        data: {
          added: titles(result.added),
          removed: titles(result.removed),
          keptDone: titles(result.keptDone),
        },
      },
    });
  }
  return { changed: true };
}
