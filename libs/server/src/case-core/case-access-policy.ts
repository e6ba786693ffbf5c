import { ForbiddenException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { staffUserRepository } from '../accounts/staff-user.repository';
import { StaffPrincipal } from '../auth/staff-principal';

/** The rule itself: everything for supervisors and admins; for caseworkers, unheld cases and their own. */
export function mayWorkCase(staff: StaffPrincipal, assigneeId: string | null): boolean {
  return seesEverything(staff) || assigneeId === null || assigneeId === staff.id;
}

/** Supervisors and admins see and act on every case. */
export function seesEverything(staff: StaffPrincipal): boolean {
  return staff.role === 'supervisor' || staff.role === 'admin';
}

/**
 * Caseworkers may work a case that nobody holds yet (to triage and claim it) or that is theirs.
 * Anything else needs a supervisor: the reason to see a case is that you work it.
 */
export function assertMayWorkCase(staff: StaffPrincipal, assigneeId: string | null): void {
  if (mayWorkCase(staff, assigneeId)) return;
  throw new ForbiddenException('This case is assigned to someone else. Ask a supervisor to reassign it.');
}

/**
 * Opening a case page: the same rule, and a refusal that says who holds the case (a caseworker
 * who just lost a claim race, or whose case was reassigned, needs to know whom to talk to).
 */
export async function assertMayOpenCase(manager: EntityManager, staff: StaffPrincipal, assigneeId: string | null): Promise<void> {
  if (mayWorkCase(staff, assigneeId) || assigneeId === null) return;
  const name = (await staffUserRepository.displayName(manager, assigneeId)) ?? 'Someone else';
  throw new ForbiddenException({
    statusCode: 403,
    error: 'Forbidden',
    message: `${name} holds this case. Ask them or a supervisor if you need it.`,
    holder: { displayName: name },
  });
}
