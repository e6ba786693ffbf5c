import { TAKEDOWN_CHANNELS, TAKEDOWN_STATUSES } from '@sg/domain';
import * as z from 'zod';
import { staffRefSchema } from '../cases/case-responses';
import { responseSchemaOf } from '../fields/response-schema';
import { TakedownView } from './takedowns';

export const takedownViewSchema = responseSchemaOf<TakedownView>()(
  z.strictObject({
    id: z.string(),
    caseId: z.string(),
    platform: z.string(),
    url: z.string().nullable(),
    account: z.string().nullable(),
    channel: z.enum(TAKEDOWN_CHANNELS),
    status: z.enum(TAKEDOWN_STATUSES),
    allowedTransitions: z.array(z.enum(TAKEDOWN_STATUSES)),
    ticketNumber: z.string().nullable(),
    submittedAt: z.string().nullable(),
    acknowledgedAt: z.string().nullable(),
    removedAt: z.string().nullable(),
    rejectedAt: z.string().nullable(),
    escalatedAt: z.string().nullable(),
    reappearedAt: z.string().nullable(),
    previousRequestId: z.string().nullable(),
    createdAt: z.string(),
    createdBy: staffRefSchema.nullable(),
  }),
);
export const takedownListSchema = z.array(takedownViewSchema);
