import { ActionPlanFacts, ActionPlanStepKey, reconcileActionPlan } from '@sg/domain';
import { EntityManager } from 'typeorm';

/**
 * Brings a case's stored action plan in line with its facts after they changed (a caseworker's
 * correction, the person's own addition): progress on existing steps is kept, steps the new facts
 * call for are added, and a step someone already ticked is never removed. Whatever changed is
 * written on the timeline, so nobody wonders where a step went. In the caller's transaction,
 * which must hold the case row.
 */
export async function reconcileCasePlan(manager: EntityManager, caseId: string, facts: ActionPlanFacts): Promise<{ changed: boolean }> {
  const existing: Array<{ key: ActionPlanStepKey; title: string; detail: string; done: boolean }> = await manager.query(
    `SELECT key, title, detail, done FROM case_plan_step WHERE case_id = $1 ORDER BY position`,
    [caseId],
  );
  const result = reconcileActionPlan(existing, facts);
  if (!result.changed) return { changed: false };
  const keys = result.steps.map((step) => step.key);
  await manager.query(`DELETE FROM case_plan_step WHERE case_id = $1 AND NOT (key = ANY($2::text[]))`, [caseId, keys]);
  await manager.query(
    `INSERT INTO case_plan_step (case_id, key, position, title, detail)
     SELECT $1, s.key, s.position, s.title, s.detail FROM unnest($2::text[], $3::smallint[], $4::text[], $5::text[]) AS s(key, position, title, detail)
     ON CONFLICT (case_id, key) DO UPDATE SET position = EXCLUDED.position, title = EXCLUDED.title, detail = EXCLUDED.detail`,
    [caseId, keys, keys.map((_, index) => index), result.steps.map((step) => step.title), result.steps.map((step) => step.detail)],
  );
  const titles = (wanted: ActionPlanStepKey[]) => wanted.map((key) => (result.steps.find((step) => step.key === key) ?? existing.find((step) => step.key === key))?.title ?? key);
  if (result.added.length || result.removed.length || result.keptDone.length) {
    await manager.query(`INSERT INTO case_event (case_id, actor_kind, kind, data) VALUES ($1, 'system', 'plan_updated', $2)`, [
      caseId,
      JSON.stringify({
        added: titles(result.added),
        removed: result.removed.map((key) => existing.find((step) => step.key === key)?.title ?? key),
        keptDone: titles(result.keptDone),
      }),
    ]);
  }
  return { changed: true };
}
