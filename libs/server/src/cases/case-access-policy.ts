import { ForbiddenException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
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

/**
 * Opening a case page: the same rule, and a refusal that says who holds the case (a caseworker
 * who just lost a claim race, or whose case was reassigned, needs to know whom to talk to).
 */
export async function assertMayOpenCase(manager: EntityManager, staff: StaffPrincipal, assigneeId: string | null): Promise<void> {
  if (seesEverything(staff) || assigneeId === null || assigneeId === staff.id) return;
  const [holder]: Array<{ display_name: string }> = await manager.query(`SELECT display_name FROM staff_user WHERE id = $1`, [assigneeId]);
  const name = holder?.display_name ?? 'Someone else';
  throw new ForbiddenException({ statusCode: 403, error: 'Forbidden', message: `${name} holds this case. Ask them or a supervisor if you need it.`, holder: { displayName: name } });
}
