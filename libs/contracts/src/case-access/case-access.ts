import * as z from 'zod';
import { dateTime } from '../fields/date-time';
import { text } from '../fields/text';
import { ActionPlanStep, ACTION_PLAN_STEP_KEYS, ContactChoice, ReplyExpectation } from '@sg/domain';
import type { PersonResource } from '../resources/resource-texts';
import { CONTENT_POSTED_ANSWERS, Language, LANGUAGES, Translatable } from '@sg/domain';
import { httpUrlSchema, platformEntrySchema } from '../intake/intake-request';
import { MAX_CONTENT_URLS, MAX_PLATFORMS, TEXT_LIMITS } from '../limits';

/**
 * The person's own view of their case, opened with the reference and access code (no account).
 * It never carries staff notes, assignee names or internal triage detail.
 */
export const caseAccessRequestSchema = z.strictObject({
  reference: text({ error: () => 'is required' })
    .trim()
    .toUpperCase()
    .regex(/^SG-[0-9A-Z]{4}-[0-9A-Z]{4}$/, 'must look like SG-XXXX-XXXX'),
  // Typed as people type it: lower case, without the dashes, or with spaces instead of dashes.
  accessCode: text({ error: () => 'is required' })
    .transform((code) => code.toUpperCase().replace(/[\s-]/g, ''))
    .pipe(text().regex(/^[0-9A-Z]{16}$/, 'must look like XXXX-XXXX-XXXX-XXXX'))
    .transform((code) => (code.match(/.{4}/g) ?? []).join('-')),
});
export type CaseAccessRequest = z.input<typeof caseAccessRequestSchema>;

export interface CaseAccessView {
  reference: string;
  createdAt: string;
  /** The language the case is in (chosen at intake, changed with PUT current/language): nudges use it. */
  language: Language;
  /** The status in words, as a key: `person.caseStatus.<status>` (English in CASE_STATUS_FOR_PUBLIC). */
  status: Translatable;
  actionPlan: ActionPlanStep[];
  /** Each with its words in every person language: the page shows the tab's language. */
  resources: PersonResource[];
  /** When someone aims to reach out (`person.firstResponse.*`: "within an hour"); null once they have, or if not to be contacted. */
  firstResponseWithin: Translatable | null;
  /** Whether the team is open now and when to expect a reply (in the conversation, or through their channel). */
  reply: ReplyExpectation;
  /** How (and whether) they asked to be contacted; never the contact detail itself. */
  contact: ContactChoice;
  /** The country they gave (ISO 3166-1 alpha-2): the page shows its emergency number. */
  country: string;
  /**
   * What the person has added since, newest first, one line per thing added (`person.additions.*`:
   * "Added 2 links"); an addition of several things is several lines with the same `at`.
   */
  additions: Array<{ at: string; summary: Translatable }>;
}

/**
 * `PUT /api/case-access/current/language` (header X-Case-Session): the person switched language on
 * /my-case, so their messages and nudges follow. Answers 204.
 */
export const caseLanguageSchema = z.strictObject({ language: z.enum(LANGUAGES, { error: () => `must be one of ${LANGUAGES.join(', ')}` }) });
export type CaseLanguageRequest = z.input<typeof caseLanguageSchema>;

/** What the person may add later: any of these, at least one. Facts that change re-run triage. */
const additionFields = {
  note: text().trim().min(1).max(TEXT_LIMITS.caseAccessNote, `must be at most ${TEXT_LIMITS.caseAccessNote} characters`).optional(),
  deadlineAt: dateTime(() => 'must be a date and time in ISO 8601 form')
    .nullable()
    .optional(),
  contentPosted: z.enum(CONTENT_POSTED_ANSWERS).optional(),
  platforms: z.array(platformEntrySchema).max(MAX_PLATFORMS).optional(),
  contentUrls: z.array(httpUrlSchema).max(MAX_CONTENT_URLS).optional(),
};
const addsSomething = (body: { note?: string; deadlineAt?: string | null; contentPosted?: string; platforms?: unknown[]; contentUrls?: unknown[] }) =>
  body.note !== undefined ||
  body.deadlineAt !== undefined ||
  body.contentPosted !== undefined ||
  (body.platforms?.length ?? 0) > 0 ||
  (body.contentUrls?.length ?? 0) > 0;
const ADD_SOMETHING = { message: 'add at least one thing: a note, a deadline, whether content is posted, a platform or a link', path: ['note'] };

/** Adding information with the reference and code. */
export const caseAdditionSchema = caseAccessRequestSchema.extend(additionFields).refine(addsSomething, ADD_SOMETHING);
export type CaseAdditionRequest = z.input<typeof caseAdditionSchema>;

/** The same within a conversation session (`POST /api/case-access/current/additions`, header X-Case-Session). */
export const sessionAdditionSchema = z.strictObject(additionFields).refine(addsSomething, ADD_SOMETHING);
export type SessionAdditionRequest = z.input<typeof sessionAdditionSchema>;

export const planStepUpdateSchema = caseAccessRequestSchema.extend({
  key: z.enum(ACTION_PLAN_STEP_KEYS),
  done: z.boolean(),
});
export type PlanStepUpdateRequest = z.input<typeof planStepUpdateSchema>;

/** Ticking a step within a conversation session (`POST /api/case-access/current/plan-steps`). */
export const sessionPlanStepSchema = z.strictObject({ key: z.enum(ACTION_PLAN_STEP_KEYS), done: z.boolean() });
export type SessionPlanStepRequest = z.input<typeof sessionPlanStepSchema>;
