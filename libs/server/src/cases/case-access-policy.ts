import { ForbiddenException } from '@nestjs/common';
import { StaffPrincipal } from '../auth/staff-principal';

/** Supervisors and admins see and act on every case. */
export function seesEverything(staff: StaffPrincipal): boolean {
  return staff.role === 'supervisor' || staff.role === 'admin';
}

/**
 * Caseworkers may work a case that nobody holds yet (to triage and claim it) or that is theirs.
 * Anything else needs a supervisor: the reason to see a case is that you work it.
 */
export function assertMayWorkCase(staff: StaffPrincipal, assigneeId: string | null): void {
  if (seesEverything(staff) || assigneeId === null || assigneeId === staff.id) return;
  throw new ForbiddenException('This case is assigned to someone else. Ask a supervisor to reassign it.');
}
