import * as z from 'zod';
import { caseAccessRequestSchema } from '../case-access/case-access';
import { text } from '../fields/text';
import { RETENTION_LIMITS } from './retention-limits';

/**
 * How long the organisation keeps resolved and closed cases (with their messages, evidence and
 * notes), counted from the last activity on the case. `closedCaseDays` null: not chosen yet, and
 * nothing is purged by age (the person's own deletion requests still are).
 */
export interface RetentionSettings {
  closedCaseDays: number | null;
  /** Days between the person's request to delete their case and the deletion (a server setting). */
  deletionCoolingOffDays: number;
  /** When an admin last saved; null while never set. */
  updatedAt: string | null;
}

/** `PUT /api/organisation/retention` (admins, audited). */
export const retentionSettingsInputSchema = z.strictObject({
  closedCaseDays: z
    .number({ error: () => 'must be a whole number of days, or null to keep cases until you choose' })
    .int('must be a whole number of days')
    .min(RETENTION_LIMITS.minDays, `must be at least ${RETENTION_LIMITS.minDays} days`)
    .max(RETENTION_LIMITS.maxDays, `must be at most ${RETENTION_LIMITS.maxDays} days`)
    .nullable(),
});
export type RetentionSettingsInput = z.input<typeof retentionSettingsInputSchema>;

/** A case's legal hold and the person's deletion request, for the case page. */
export interface CaseRetentionState {
  hold: { reason: string; placedAt: string; placedBy: { id: string; displayName: string } | null } | null;
  /** The person's pending request to delete the case; null when there is none. */
  deletion: { requestedAt: string; executeAfter: string } | null;
}

/** `POST /api/cases/:id/legal-hold`: the reason is required and audited. */
export const legalHoldSchema = z.strictObject({
  reason: text({ error: () => 'is required' })
    .trim()
    .min(RETENTION_LIMITS.holdReasonMin, 'must say why the case is held')
    .max(RETENTION_LIMITS.holdReasonMax, `must be at most ${RETENTION_LIMITS.holdReasonMax} characters`),
});
export type LegalHoldRequest = z.input<typeof legalHoldSchema>;

/** `POST /api/cases/:id/legal-hold/release`: a reason is optional. */
export const legalHoldReleaseSchema = z.strictObject({
  reason: text().trim().max(RETENTION_LIMITS.holdReasonMax, `must be at most ${RETENTION_LIMITS.holdReasonMax} characters`).optional(),
});
export type LegalHoldReleaseRequest = z.input<typeof legalHoldReleaseSchema>;

/** The person's deletion request, opened with the reference and access code (no account). */
export const caseDeletionRequestSchema = caseAccessRequestSchema;
export type CaseDeletionRequest = z.input<typeof caseDeletionRequestSchema>;

/**
 * What the person is told about a deletion request. `pending`: it will happen after
 * `executeAfter` unless cancelled; `none`: nothing asked (or cancelled); `on_hold`: the case is on
 * legal hold, so it cannot be deleted now (nothing else about the hold is said).
 */
export interface CaseDeletionStatus {
  state: 'none' | 'pending' | 'on_hold';
  executeAfter: string | null;
  coolingOffDays: number;
}
