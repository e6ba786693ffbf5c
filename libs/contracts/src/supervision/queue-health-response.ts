import { PRIORITIES } from '@sg/domain';
import * as z from 'zod';
import { staffRefSchema } from '../cases/case-responses';
import { responseSchemaOf } from '../fields/response-schema';
import { CASE_AGE_BANDS, QueueHealth } from './queue-health';

const count = z.number().int();

export const queueHealthSchema = responseSchemaOf<QueueHealth>()(
  z.strictObject({
    generatedAt: z.string(),
    openByPriorityAndAge: z.array(z.strictObject({ priority: z.enum(PRIORITIES), age: z.enum(CASE_AGE_BANDS), count })),
    unassignedPastTarget: z.strictObject({
      count,
      cases: z.array(z.strictObject({ id: z.string(), reference: z.string(), priority: z.enum(PRIORITIES), firstResponseDueAt: z.string() })),
    }),
    caseworkerLoad: z.array(z.strictObject({ staff: staffRefSchema, role: z.string(), open: count, emergencyOrUrgent: count, waiting: count })),
    overdueFollowUps: count,
  }),
);
