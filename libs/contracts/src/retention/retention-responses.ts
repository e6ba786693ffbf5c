import * as z from 'zod';
import { responseSchemaOf } from '../fields/response-schema';
import { CaseDeletionStatus, CaseRetentionState, RetentionSettings } from './retention';

export const retentionSettingsSchema = responseSchemaOf<RetentionSettings>()(
  z.strictObject({ closedCaseDays: z.number().int().nullable(), deletionCoolingOffDays: z.number().int(), updatedAt: z.string().nullable() }),
);

export const caseRetentionStateSchema = responseSchemaOf<CaseRetentionState>()(
  z.strictObject({
    hold: z
      .strictObject({ reason: z.string(), placedAt: z.string(), placedBy: z.strictObject({ id: z.string(), displayName: z.string() }).nullable() })
      .nullable(),
    deletion: z.strictObject({ requestedAt: z.string(), executeAfter: z.string() }).nullable(),
  }),
);

export const caseDeletionStatusSchema = responseSchemaOf<CaseDeletionStatus>()(
  z.strictObject({ state: z.enum(['none', 'pending', 'on_hold']), executeAfter: z.string().nullable(), coolingOffDays: z.number().int() }),
);
