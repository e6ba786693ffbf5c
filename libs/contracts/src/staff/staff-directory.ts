import * as z from 'zod';
import { text } from '../fields/text';
import { TEXT_LIMITS, TEXT_MINIMUMS } from '../limits';

/** `GET /api/staff`: people a case can be assigned to (supervisors and admins); admins may add `?includeInactive=true`. */
export interface StaffMember {
  id: string;
  displayName: string;
  email: string;
  role: 'caseworker' | 'supervisor' | 'admin';
  active: boolean;
}

const STAFF_ROLE_VALUES = ['caseworker', 'supervisor', 'admin'] as const;
const password = text()
  .min(TEXT_MINIMUMS.staffPassword, `must be at least ${TEXT_MINIMUMS.staffPassword} characters`)
  .max(TEXT_LIMITS.staffPassword, `must be at most ${TEXT_LIMITS.staffPassword} characters`);

/** `POST /api/staff` (admins): a new account; the person signs in with this password. */
export const staffCreateSchema = z.strictObject({
  email: text()
    .trim()
    .toLowerCase()
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an email address')
    .max(TEXT_LIMITS.email),
  displayName: text().trim().min(1, 'is required').max(TEXT_LIMITS.displayName),
  role: z.enum(STAFF_ROLE_VALUES),
  password,
});
export type StaffCreate = z.input<typeof staffCreateSchema>;

/**
 * `PATCH /api/staff/:id` (admins). Deactivating or changing the password ends the person's
 * sessions. Admins cannot deactivate or demote themselves, so there is always an admin.
 */
export const staffUpdateSchema = z
  .strictObject({
    displayName: text().trim().min(1, 'is required').max(TEXT_LIMITS.displayName).optional(),
    role: z.enum(STAFF_ROLE_VALUES).optional(),
    active: z.boolean().optional(),
    password: password.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: 'change at least one thing', path: ['displayName'] });
export type StaffUpdate = z.input<typeof staffUpdateSchema>;
