import { EntityManager } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { StaffPrincipal } from '../auth/staff-principal';

/** A staff change to a case's parts: one line on the timeline and one audit row, in the caller's transaction. */
export async function recordCaseChange(
  manager: EntityManager,
  staff: StaffPrincipal,
  caseId: string,
  timeline: { kind: string; data: Record<string, unknown> },
  audit: { action: string; before?: unknown; after?: unknown },
): Promise<void> {
  await manager.query(`INSERT INTO case_event (case_id, actor_kind, actor_id, kind, data) VALUES ($1, 'staff', $2, $3, $4)`, [caseId, staff.id, timeline.kind, JSON.stringify(timeline.data)]);
  await recordAudit(manager, { actorId: staff.id, caseId, ...audit });
}
