import type { StaffCreate, StaffMember, StaffUpdate } from '@sg/contracts';

export type StaffRoleCode = StaffMember['role'];

/** What the "Add account" form holds. */
export interface AccountFormValue {
  displayName: string;
  email: string;
  role: StaffRoleCode;
  password: string;
}

/** The form as `POST /api/staff` wants it: trimmed, the email in lower case (as the API stores it). */
export function toStaffCreate(value: AccountFormValue): StaffCreate {
  return {
    email: value.email.trim().toLowerCase(),
    displayName: value.displayName.trim(),
    role: value.role,
    password: value.password,
  };
}

/** A change to one account: only what differs from what it is now, or null when nothing does. */
export function staffChanges(
  member: StaffMember,
  change: { role?: StaffRoleCode; active?: boolean; password?: string; displayName?: string },
): StaffUpdate | null {
  const body: StaffUpdate = {};
  if (change.displayName !== undefined && change.displayName.trim() !== member.displayName) body.displayName = change.displayName.trim();
  if (change.role !== undefined && change.role !== member.role) body.role = change.role;
  if (change.active !== undefined && change.active !== member.active) body.active = change.active;
  if (change.password) body.password = change.password;
  return Object.keys(body).length ? body : null;
}

/** Active people first, then by name; the signed-in admin's own row is not special. */
export function sortAccounts(members: readonly StaffMember[]): StaffMember[] {
  return [...members].sort((a, b) => Number(b.active) - Number(a.active) || a.displayName.localeCompare(b.displayName));
}
