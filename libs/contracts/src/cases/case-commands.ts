import { ACTION_PLAN_STEP_KEYS, AGE_BANDS, CASE_STATUSES, CONTENT_POSTED_ANSWERS, PRIORITIES, SELF_HARM_ANSWERS } from '@sg/domain';
import { IDENTIFIER_KINDS, IDENTIFIER_MAX_LENGTH, normaliseIdentifier } from '@sg/domain/identifiers';
import * as z from 'zod';
import { dateTime } from '../fields/date-time';
import { text } from '../fields/text';
import { TEXT_LIMITS, TEXT_MINIMUMS } from '../limits';
import { EVIDENCE_KINDS } from './case-detail';
import { httpUrlSchema } from '../intake/intake-request';

/**
 * `PATCH /api/cases/:id`: every change carries the `version` it was based on; a stale one is
 * refused with 409 `{ statusCode, error, message, current }`, `current` being the case as it is
 * now (a CaseDetail), so two people never overwrite each other silently.
 */
export const caseUpdateSchema = z
  .strictObject({
    version: z
      .number({ error: () => 'is required: the version of the case you are changing' })
      .int()
      .min(1),
    status: z.enum(CASE_STATUSES).optional(),
    /** Set with a reason (audited), or null to go back to the computed priority. */
    priorityOverride: z
      .strictObject({
        priority: z.enum(PRIORITIES),
        reason: text()
          .trim()
          .min(TEXT_MINIMUMS.overrideReason, `must say why (at least ${TEXT_MINIMUMS.overrideReason} characters)`)
          .max(TEXT_LIMITS.overrideReason),
      })
      .nullable()
      .optional(),
    /**
     * Facts a caseworker may correct (often learned on the phone). Each one runs triage again and
     * brings the action plan up to date (progress kept, ticked steps never dropped).
     */
    ageBand: z.enum(AGE_BANDS).optional(),
    contentMadeUnder18: z.boolean().nullable().optional(),
    selfHarm: z.enum(SELF_HARM_ANSWERS).optional(),
    immediateDanger: z.boolean().optional(),
    deadlineAt: dateTime(() => 'must be an ISO 8601 date-time with a time zone')
      .nullable()
      .optional(),
    contentPosted: z.enum(CONTENT_POSTED_ANSWERS).optional(),
    stillInContact: z.boolean().nullable().optional(),
    paid: z.boolean().nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 1, { message: 'change at least one thing besides version', path: ['version'] });
export type CaseUpdate = z.input<typeof caseUpdateSchema>;

/**
 * `POST /api/cases/:id/assign` (supervisors and admins). `expectedAssigneeId` is who the caller
 * saw holding the case (null: nobody); if someone else has taken or moved it since, the answer
 * is 409 with the current case, so two supervisors acting on the same stale row never undo each
 * other. Leave it out to assign whoever holds it now.
 */
export const caseAssignSchema = z.strictObject({
  assigneeId: text().uuid('must be a staff id'),
  expectedAssigneeId: text().uuid('must be a staff id or null').nullable().optional(),
});
export type CaseAssign = z.input<typeof caseAssignSchema>;

/** `PATCH /api/cases/:id/plan-steps/:key` */
export const planStepToggleSchema = z.strictObject({ done: z.boolean() });
export const planStepKeySchema = z.enum(ACTION_PLAN_STEP_KEYS);

/** `POST /api/cases/:id/notes` */
export const caseNoteSchema = z.strictObject({ body: text().trim().min(1, 'is required').max(TEXT_LIMITS.note) });

/**
 * An offender identifier recorded with evidence: it must be one of its kind (phone numbers in
 * international form, `+…`). A gift-card code is stored encrypted and matched by a keyed hash.
 */
export const evidenceIdentifierSchema = z
  .strictObject({ kind: z.enum(IDENTIFIER_KINDS), value: text().trim().min(1, 'is required').max(IDENTIFIER_MAX_LENGTH) })
  .refine((identifier) => normaliseIdentifier(identifier.kind, identifier.value).ok, { message: 'is not a valid identifier of that kind', path: ['value'] });

/** `POST /api/cases/:id/evidence`: text only; a file is represented by its browser-side SHA-256. */
export const evidenceSchema = z.strictObject({
  kind: z.enum(EVIDENCE_KINDS),
  platform: text().trim().max(TEXT_LIMITS.platform).optional(),
  offenderHandle: text().trim().max(TEXT_LIMITS.offenderHandle).optional(),
  profileUrl: httpUrlSchema.optional(),
  description: text().trim().min(1, 'is required').max(TEXT_LIMITS.evidenceDescription),
  paymentReference: text().trim().max(TEXT_LIMITS.paymentReference).optional(),
  seenAt: dateTime().optional(),
  sha256: text()
    .regex(/^[a-f0-9]{64}$/, 'must be a SHA-256 in lower-case hex')
    .optional(),
  fileName: text().trim().max(TEXT_LIMITS.fileName).optional(),
  identifiers: z.array(evidenceIdentifierSchema).max(20).optional(),
});
export type EvidenceInput = z.input<typeof evidenceSchema>;

/**
 * `PUT /api/cases/:id/evidence/:evidenceId`: the entry as it should now be (fields left out are
 * cleared). Its typed identifiers are replaced by `identifiers`: each one new (`{ kind, value }`)
 * or one the entry already holds, kept as it is (`{ keep: id }`, how a sealed gift card stays).
 */
export const evidenceIdentifierKeepSchema = z.strictObject({ keep: text().uuid("must be the id of one of this evidence entry's identifiers") });
export const evidenceUpdateSchema = evidenceSchema.extend({
  identifiers: z
    .array(z.union([evidenceIdentifierSchema, evidenceIdentifierKeepSchema]))
    .max(20)
    .optional(),
});
export type EvidenceUpdate = z.input<typeof evidenceUpdateSchema>;

/** `POST /api/cases/:id/contact-reveal`: the reason is kept in the audit log. */
export const contactRevealSchema = z.strictObject({
  reason: text().trim().min(TEXT_MINIMUMS.contactRevealReason, 'must say why').max(TEXT_LIMITS.contactRevealReason),
});
