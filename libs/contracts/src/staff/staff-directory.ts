/** `GET /api/staff`: people a case can be assigned to (supervisors and admins). */
export interface StaffMember {
  id: string;
  displayName: string;
  email: string;
  role: 'caseworker' | 'supervisor' | 'admin';
  active: boolean;
}
