import { REPORT_AGENCY_KINDS, REPORT_STATUSES, ReportAgencyKind, ReportStatus } from '@sg/domain';
import * as z from 'zod';
import { dateTime } from '../fields/date-time';
import { text } from '../fields/text';
import { TEXT_LIMITS } from '../limits';
import { StaffRef } from '../cases/case-queries';

/** A browser's clock may run a little ahead of the server's: allow that much. */
const FILED_AT_CLOCK_SKEW_MS = 5 * 60_000;

/** `POST /api/cases/:id/reports`: a report to police, a cybercrime unit, the CyberTipline or a platform. */
export const reportCreateSchema = z.strictObject({
  agencyKind: z.enum(REPORT_AGENCY_KINDS),
  agencyName: text().trim().min(1, 'is required').max(TEXT_LIMITS.agencyName),
  referenceNumber: text().trim().max(TEXT_LIMITS.referenceNumber).optional(),
  /** Set when it was already filed (then the status starts as filed). Not in the future. */
  filedAt: dateTime()
    .refine((value) => Date.parse(value) <= Date.now() + FILED_AT_CLOCK_SKEW_MS, 'cannot be in the future')
    .optional(),
});
export type ReportCreate = z.input<typeof reportCreateSchema>;

/** `PATCH /api/reports/:id`: the agency's reference often arrives later; follow-ups stop once it does. */
export const reportUpdateSchema = z
  .strictObject({
    status: z.enum(REPORT_STATUSES).optional(),
    referenceNumber: text().trim().max(TEXT_LIMITS.referenceNumber).nullable().optional(),
  })
  .refine((body) => body.status !== undefined || body.referenceNumber !== undefined, { message: 'change the status or the reference', path: ['status'] });
export type ReportUpdate = z.input<typeof reportUpdateSchema>;

export interface ReportView {
  id: string;
  caseId: string;
  agencyKind: ReportAgencyKind;
  agencyName: string;
  referenceNumber: string | null;
  status: ReportStatus;
  allowedTransitions: ReportStatus[];
  filedAt: string | null;
  acknowledgedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  createdBy: StaffRef | null;
}
