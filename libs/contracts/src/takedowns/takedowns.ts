import { TAKEDOWN_CHANNELS, TAKEDOWN_STATUSES, TakedownChannel, TakedownStatus } from '@sg/domain';
import * as z from 'zod';
import { httpUrlSchema } from '../intake/intake-request';
import { StaffRef } from '../cases/case-queries';

/** `POST /api/cases/:id/takedowns`: one request per URL or account per platform. */
export const takedownCreateSchema = z.strictObject({
  platform: z.string().trim().min(1, 'is required').max(80),
  url: httpUrlSchema,
  channel: z.enum(TAKEDOWN_CHANNELS),
  ticketNumber: z.string().trim().max(200).optional(),
});
export type TakedownCreate = z.input<typeof takedownCreateSchema>;

/** `PATCH /api/takedowns/:id`: a lifecycle move (checked; an illegal one is 409) and/or the ticket number. */
export const takedownUpdateSchema = z
  .strictObject({
    status: z.enum(TAKEDOWN_STATUSES).optional(),
    ticketNumber: z.string().trim().max(200).nullable().optional(),
  })
  .refine((body) => body.status !== undefined || body.ticketNumber !== undefined, { message: 'change the status or the ticket number', path: ['status'] });
export type TakedownUpdate = z.input<typeof takedownUpdateSchema>;

export interface TakedownView {
  id: string;
  caseId: string;
  platform: string;
  url: string;
  channel: TakedownChannel;
  status: TakedownStatus;
  allowedTransitions: TakedownStatus[];
  ticketNumber: string | null;
  /** When each step happened (null until it has). */
  submittedAt: string | null;
  acknowledgedAt: string | null;
  removedAt: string | null;
  rejectedAt: string | null;
  escalatedAt: string | null;
  reappearedAt: string | null;
  /** Set on a request opened because removed content reappeared. */
  previousRequestId: string | null;
  createdAt: string;
  createdBy: StaffRef | null;
}
