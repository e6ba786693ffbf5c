import * as z from 'zod';
import { responseSchemaOf } from '../fields/response-schema';
import { HealthResponse } from './health-response';

/*
 * `GET /api/health` as a schema, for the OpenAPI document (Terminus' own schema there is a generic
 * record, which would type every part as unknown). A part is an open object: Terminus adds what
 * each check reports beside `status` (e.g. the queue's job counts under `system`).
 */
const part = { status: z.enum(['up', 'down']), message: z.string().optional() };
const healthComponentSchema = z.looseObject(part);
const count = z.number().int();

export const healthResponseSchema = responseSchemaOf<HealthResponse>()(
  z.strictObject({
    status: z.enum(['ok', 'error', 'shutting_down']),
    info: z.record(z.string(), healthComponentSchema).optional().meta({ description: 'The parts that are up' }),
    error: z.record(z.string(), healthComponentSchema).optional().meta({ description: 'The parts that are down (a 503)' }),
    details: z.strictObject({
      database: healthComponentSchema,
      queue: z.looseObject({ ...part, backend: z.enum(['postgres', 'redis']) }),
      workers: z.looseObject({
        ...part,
        count: count.nullable(),
        lastHeartbeatAt: z.string().nullable().optional(),
        attention: z.boolean().nullable().optional(),
        staleAfterSeconds: count.optional(),
        heartbeatStale: z.boolean().optional(),
        sweep: z.strictObject({ scheduled: z.boolean(), nextRunAt: z.string().nullable(), stale: z.boolean() }).optional(),
      }),
      followUps: z.looseObject({
        ...part,
        attention: z.boolean().nullable(),
        overdue: count.optional(),
        overdueAfterMinutes: count.optional(),
        oldestOverdueDueAt: z.string().nullable().optional(),
        failedJobs: count.optional(),
        jobs: z.record(z.string(), count).optional(),
      }),
      auditChain: z
        .looseObject({
          ...part,
          attention: z.boolean().nullable(),
          checkedLinks: count.optional(),
          brokenAuditIds: z.array(z.string()).optional(),
          headPosition: z.string().nullable().optional(),
        })
        .optional(),
    }),
  }),
);
