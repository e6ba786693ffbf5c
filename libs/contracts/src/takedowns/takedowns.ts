import { TAKEDOWN_CHANNELS, TAKEDOWN_STATUSES, TakedownChannel, TakedownStatus } from '@sg/domain';
import * as z from 'zod';
import { text } from '../fields/text';
import { TEXT_LIMITS } from '../limits';
import { httpUrlSchema } from '../intake/intake-request';
import { StaffRef } from '../cases/case-queries';

/**
 * `POST /api/cases/:id/takedowns`: one request per URL or account per platform (a second one for
 * the same target is 409). The target is the content's URL, or an account (a handle or profile
 * name) when the whole account is to be taken down; at least one.
 */
export const takedownCreateSchema = z
  .strictObject({
    platform: text().trim().min(1, 'is required').max(TEXT_LIMITS.platform),
    url: httpUrlSchema.optional(),
    account: text().trim().min(1, 'must not be blank').max(TEXT_LIMITS.takedownAccount, `must be at most ${TEXT_LIMITS.takedownAccount} characters`).optional(),
    channel: z.enum(TAKEDOWN_CHANNELS),
    ticketNumber: text().trim().max(TEXT_LIMITS.ticketNumber).optional(),
  })
  .refine((body) => body.url !== undefined || body.account !== undefined, {
    message: 'or account is required: the address of the content, or the account (handle) to take down',
    path: ['url'],
  });
export type TakedownCreate = z.input<typeof takedownCreateSchema>;

/** `PATCH /api/takedowns/:id`: a lifecycle move (checked; an illegal one is 409) and/or the ticket number. */
export const takedownUpdateSchema = z
  .strictObject({
    status: z.enum(TAKEDOWN_STATUSES).optional(),
    ticketNumber: text().trim().max(TEXT_LIMITS.ticketNumber).nullable().optional(),
  })
  .refine((body) => body.status !== undefined || body.ticketNumber !== undefined, { message: 'change the status or the ticket number', path: ['status'] });
export type TakedownUpdate = z.input<typeof takedownUpdateSchema>;

export interface TakedownView {
  id: string;
  caseId: string;
  platform: string;
  /** The content's address; null when the request targets an account. */
  url: string | null;
  /** The account (handle) to take down, when that is the target. */
  account: string | null;
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
