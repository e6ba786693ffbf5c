import { ACTION_PLAN_STEP_KEYS, CASE_STATUSES, LANGUAGES, PRIORITIES, TRIAGE_FACTOR_SEVERITY, recordOf } from '@sg/domain';
import { IDENTIFIER_KINDS, IDENTIFIER_SOURCES } from '@sg/domain/identifiers';
import * as z from 'zod';
import { translatableSchema } from '../intake/intake-response';
import { responseSchemaOf } from '../fields/response-schema';
import { CASE_QUEUES } from './case-scopes';
import { AuditEntry, CaseDetail, CaseNote, ContactDetails, EVIDENCE_KINDS, EvidenceEntry } from './case-detail';
import { CaseListResponse, QueueCounts, StaffRef } from './case-queries';

/*
 * The answers of the case endpoints as schemas, for the OpenAPI document; each is held to its
 * interface (`responseSchemaOf`), which the services and the web app use. Times are ISO 8601.
 */

export const staffRefSchema = responseSchemaOf<StaffRef>()(z.strictObject({ id: z.string(), displayName: z.string() }));
export const prioritySchema = z.enum(PRIORITIES);
export const caseStatusSchema = z.enum(CASE_STATUSES);
export const triageFactorSchema = z.strictObject({ key: z.enum(TRIAGE_FACTOR_SEVERITY), priority: prioritySchema, label: z.string() });

export const caseListResponseSchema = responseSchemaOf<CaseListResponse>()(
  z.strictObject({
    items: z.array(
      z.strictObject({
        id: z.string(),
        reference: z.string(),
        priority: prioritySchema,
        status: caseStatusSchema,
        assignee: staffRefSchema.nullable(),
        createdAt: z.string(),
        firstResponseDueAt: z.string(),
        firstRespondedAt: z.string().nullable(),
        deadlineAt: z.string().nullable(),
        triageFactors: z.array(triageFactorSchema),
        ageBand: z.string(),
        country: z.string(),
        version: z.number().int(),
        unreadMessages: z.number().int(),
        seenInOtherCases: z.number().int(),
      }),
    ),
    nextCursor: z.string().nullable().meta({ description: 'Pass as cursor for the next page; null on the last page' }),
  }),
);

export const queueCountsSchema = responseSchemaOf<QueueCounts>()(z.strictObject(recordOf(CASE_QUEUES, () => z.number().int())));

export const caseNoteResponseSchema = responseSchemaOf<CaseNote>()(
  z.strictObject({ id: z.string(), at: z.string(), author: staffRefSchema, body: z.string() }),
);

export const evidenceEntrySchema = responseSchemaOf<EvidenceEntry>()(
  z.strictObject({
    id: z.string(),
    kind: z.enum(EVIDENCE_KINDS),
    platform: z.string().nullable(),
    offenderHandle: z.string().nullable(),
    profileUrl: z.string().nullable(),
    description: z.string(),
    paymentReference: z.string().nullable(),
    seenAt: z.string().nullable(),
    sha256: z.string().nullable(),
    fileName: z.string().nullable(),
    addedAt: z.string(),
    addedBy: staffRefSchema,
    identifiers: z.array(z.strictObject({ id: z.string(), kind: z.enum(IDENTIFIER_KINDS), value: z.string(), secret: z.boolean() })),
  }),
);

export const caseDetailSchema = responseSchemaOf<CaseDetail>()(
  z.strictObject({
    id: z.string(),
    reference: z.string(),
    version: z.number().int().meta({ description: 'Send back in PATCH bodies: a stale version is refused with 409' }),
    status: caseStatusSchema,
    allowedTransitions: z.array(caseStatusSchema),
    priority: prioritySchema,
    triagePriority: prioritySchema,
    triageFactors: z.array(triageFactorSchema),
    priorityOverride: z.strictObject({ priority: prioritySchema, reason: z.string(), by: staffRefSchema.nullable(), at: z.string() }).nullable(),
    firstResponseDueAt: z.string(),
    firstRespondedAt: z.string().nullable(),
    assignee: staffRefSchema.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    facts: z.strictObject({
      submittedBy: z.string(),
      channel: z.string(),
      alias: z.string().nullable(),
      ageBand: z.string(),
      contentMadeUnder18: z.boolean().nullable(),
      country: z.string(),
      selfHarm: z.string(),
      immediateDanger: z.boolean(),
      deadlineAt: z.string().nullable(),
      demands: z.array(z.string()),
      contentPosted: z.string(),
      stillInContact: z.boolean().nullable(),
      paid: z.boolean().nullable(),
      narrative: z.string().nullable(),
    }),
    language: z.enum(LANGUAGES),
    contact: z.strictObject({ channel: z.string(), consentToContact: z.boolean(), hasDetails: z.boolean() }),
    platforms: z.array(
      z.strictObject({ id: z.string(), platform: z.string(), offenderHandle: z.string().nullable(), profileUrl: z.string().nullable(), addedAt: z.string() }),
    ),
    contentUrls: z.array(z.strictObject({ id: z.string(), url: z.string(), addedAt: z.string() })),
    actionPlan: z.array(
      z.strictObject({
        key: z.enum(ACTION_PLAN_STEP_KEYS),
        title: translatableSchema,
        detail: translatableSchema,
        done: z.boolean(),
        doneAt: z.string().nullable(),
      }),
    ),
    evidence: z.array(evidenceEntrySchema),
    notes: z.array(caseNoteResponseSchema),
    timeline: z.array(
      z.strictObject({
        id: z.string(),
        at: z.string(),
        actor: z.strictObject({ kind: z.enum(['person', 'staff', 'system']), staff: staffRefSchema.nullable() }),
        kind: z.string(),
        summary: z.string(),
        data: z.record(z.string(), z.unknown()),
      }),
    ),
    identifiers: z.array(
      z.strictObject({
        kind: z.enum(IDENTIFIER_KINDS),
        value: z.string(),
        sources: z.array(z.enum(IDENTIFIER_SOURCES)),
        otherCases: z.number().int(),
        cases: z
          .array(z.strictObject({ id: z.string(), reference: z.string() }))
          .optional()
          .meta({ description: 'Supervisors and admins only' }),
      }),
    ),
  }),
);

export const contactDetailsSchema = responseSchemaOf<ContactDetails>()(
  z.strictObject({ channel: z.string(), value: z.string().nullable(), safeTimes: z.string().nullable(), canMentionOrganisation: z.boolean() }),
);

export const auditTrailSchema = responseSchemaOf<AuditEntry[]>()(
  z.array(z.strictObject({ id: z.string(), at: z.string(), actor: staffRefSchema.nullable(), action: z.string(), before: z.unknown(), after: z.unknown() })),
);
