import { REPORT_AGENCY_KINDS, REPORT_STATUSES } from '@sg/domain';
import * as z from 'zod';
import { staffRefSchema } from '../cases/case-responses';
import { responseSchemaOf } from '../fields/response-schema';
import { ReportView } from './reports';

export const reportViewSchema = responseSchemaOf<ReportView>()(
  z.strictObject({
    id: z.string(),
    caseId: z.string(),
    agencyKind: z.enum(REPORT_AGENCY_KINDS),
    agencyName: z.string(),
    referenceNumber: z.string().nullable(),
    status: z.enum(REPORT_STATUSES),
    allowedTransitions: z.array(z.enum(REPORT_STATUSES)),
    filedAt: z.string().nullable(),
    acknowledgedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    createdAt: z.string(),
    createdBy: staffRefSchema.nullable(),
  }),
);
export const reportListSchema = z.array(reportViewSchema);
