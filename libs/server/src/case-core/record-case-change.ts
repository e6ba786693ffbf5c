import { TimelineEvent } from '@sg/domain';
import { EntityManager } from 'typeorm';
import { recordAudit } from '../audit/record-audit';
import { StaffPrincipal } from '../auth/staff-principal';
import { caseEventRepository } from './case-event.repository';

/** A staff change to a case's parts: one line on the timeline and one audit row, in the caller's transaction. */
export async function recordCaseChange(
  manager: EntityManager,
  staff: StaffPrincipal,
  caseId: string,
  timeline: TimelineEvent,
  audit: { action: string; before?: unknown; after?: unknown },
): Promise<void> {
  await caseEventRepository.insert(manager, { caseId, actorKind: 'staff', actorId: staff.id, event: timeline });
  await recordAudit(manager, { actorId: staff.id, caseId, ...audit });
}
