import * as z from 'zod';
import { responseSchemaOf } from '../fields/response-schema';
import { StaffMember } from './staff-directory';

export const staffMemberSchema = responseSchemaOf<StaffMember>()(
  z.strictObject({ id: z.string(), displayName: z.string(), email: z.string(), role: z.enum(['caseworker', 'supervisor', 'admin']), active: z.boolean() }),
);
export const staffListSchema = z.array(staffMemberSchema);
