import { LinkedCaseRef } from '@sg/contracts';
import { CaseStatus, Priority } from '@sg/domain';
import { StaffPrincipal } from '../auth/staff-principal';
import { mayWorkCase } from '../case-core/case-access-policy';

/**
 * Another case as this reader may see it: its reference only if they may open it (supervisors
 * always; a caseworker, a case nobody holds or their own), otherwise null: they learn it exists.
 */
export function caseRefFor(
  staff: StaffPrincipal,
  other: { id: string; reference: string; status: CaseStatus; priority: Priority; assigneeId: string | null },
): LinkedCaseRef | null {
  if (!mayWorkCase(staff, other.assigneeId)) return null;
  return { id: other.id, reference: other.reference, status: other.status, priority: other.priority };
}
