import { FOLLOW_UP_KINDS, FOLLOW_UP_STATUSES, FOLLOW_UP_SUBJECT_TYPES } from '@sg/domain';
import * as z from 'zod';
import { responseSchemaOf } from '../fields/response-schema';
import { FollowUpView } from './follow-ups';

export const followUpViewSchema = responseSchemaOf<FollowUpView>()(
  z.strictObject({
    id: z.string(),
    kind: z.enum(FOLLOW_UP_KINDS),
    label: z.string(),
    dueAt: z.string(),
    status: z.enum(FOLLOW_UP_STATUSES),
    subject: z.strictObject({ type: z.enum(FOLLOW_UP_SUBJECT_TYPES), id: z.string(), label: z.string() }),
    firedAt: z.string().nullable(),
    doneAt: z.string().nullable(),
  }),
);
export const followUpListSchema = z.array(followUpViewSchema);
