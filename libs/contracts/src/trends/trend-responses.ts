import { PRIORITIES, REPORT_AGENCY_KINDS, recordOf } from '@sg/domain';
import * as z from 'zod';
import { responseSchemaOf } from '../fields/response-schema';
import { PriorityCounts, TrendsResponse } from './trends';

const count = z.number().int();
const seconds = z.number().nullable();
const rate = z.number().nullable();
const priority = z.enum(PRIORITIES);
const priorityCounts = responseSchemaOf<PriorityCounts>()(z.strictObject(recordOf(PRIORITIES, () => count)));
const takedownTotals = { requests: count, removed: count, rejected: count, open: count, removalRate: rate, medianSecondsToRemoval: seconds };

export const trendsResponseSchema = responseSchemaOf<TrendsResponse>()(
  z.strictObject({
    generatedAt: z.string(),
    window: z.strictObject({ days: count, timeZone: z.string(), firstDay: z.string(), lastDay: z.string(), from: z.string() }),
    intakes: z.strictObject({
      total: count,
      byPriority: priorityCounts,
      perDay: z.array(z.strictObject({ day: z.string(), total: count, byPriority: priorityCounts })),
    }),
    firstResponse: z.strictObject({
      byPriority: z.array(
        z.strictObject({
          priority,
          targetSeconds: z.number(),
          cases: count,
          responded: count,
          medianSeconds: seconds,
          p90Seconds: seconds,
          withinTarget: count,
          missed: count,
          pending: count,
          attainment: rate,
        }),
      ),
      weekly: z.array(
        z.strictObject({
          weekStart: z.string(),
          priority,
          responded: count,
          medianSeconds: seconds,
          p90Seconds: seconds,
          withinTarget: count,
          missed: count,
          attainment: rate,
        }),
      ),
      waitingPastTargetNow: priorityCounts,
    }),
    takedowns: z.strictObject({ byPlatform: z.array(z.strictObject({ platform: z.string(), ...takedownTotals })), total: z.strictObject(takedownTotals) }),
    reports: z.strictObject({
      byAgencyKind: z.array(
        z.strictObject({
          agencyKind: z.enum(REPORT_AGENCY_KINDS),
          filed: count,
          acknowledged: count,
          actioned: count,
          noAction: count,
          acknowledgementRate: rate,
          medianSecondsToAcknowledgement: seconds,
        }),
      ),
    }),
  }),
);
