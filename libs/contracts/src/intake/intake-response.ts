import { ACTION_PLAN_STEP_KEYS, ActionPlanStep, ContactChoice, ReplyExpectation, RESOURCE_PURPOSES, Translatable } from '@sg/domain';
import * as z from 'zod';
import { resourceTextsResponseShape } from '../resources/resource-directory';
import { responseSchemaOf } from '../fields/response-schema';
import type { PersonResource } from '../resources/resource-texts';

/** Open now, when it next opens, and the reply target (ISO times; the page words them in the person's time zone). */
export const replyExpectationSchema = z.strictObject({
  openNow: z.boolean(),
  nextOpeningAt: z.string().nullable(),
  replyBy: z.string().nullable(),
}) satisfies z.ZodType<ReplyExpectation>;

/** Words as a catalogue key and its parameters (`Translatable`), for the OpenAPI document. */
export const translatableSchema = z.strictObject({
  key: z.string().meta({ example: 'person.firstResponse.withinHours' }),
  params: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .optional()
    .meta({ example: { hours: 1 } }),
}) satisfies z.ZodType<Translatable>;

/** `201` from `POST /api/intakes`. The access code is shown once here and never again. */
export interface IntakeResponse {
  /** The case reference, e.g. `SG-7K3M-9QXD`. */
  reference: string;
  /** With the reference, lets the person come back without an account. Store nowhere. */
  accessCode: string;
  actionPlan: ActionPlanStep[];
  /** Each with its words in every person language: the page shows the tab's language. */
  resources: PersonResource[];
  /**
   * When someone aims to reach out, as a key (`person.firstResponse.*`: "within an hour"), the same
   * as CaseAccessView's; null if they asked not to be contacted.
   */
  firstResponseWithin: Translatable | null;
  /** How (and whether) the person asked to be contacted, never the contact detail itself. */
  contact: ContactChoice;
  /** The country they gave (ISO 3166-1 alpha-2): their pages show its emergency number. */
  country: string;
  /** Whether the team is open now and when to expect a reply (absent from answers replayed from before it existed). */
  reply?: ReplyExpectation;
  /** Only for staff recording an intake: the new case's id, to open it. Never sent to the public. */
  caseId?: string;
}

/** `ContactChoice` as a schema, for the OpenAPI document. */
export const contactChoiceSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('by_channel'), channel: z.enum(['email', 'phone', 'sms']) }),
    z.strictObject({ kind: z.literal('declined') }),
    z.strictObject({ kind: z.literal('not_said') }),
  ])
  .meta({ description: 'How the person asked to be contacted: by a channel, asked not to be, or did not say' }) satisfies z.ZodType<ContactChoice>;

/** A matched resource with its words in every person language (the intake answer's and the case's). */
export const personResourceSchema = responseSchemaOf<PersonResource>()(
  z.strictObject({
    key: z.string(),
    name: z.string(),
    contact: z.string(),
    url: z.string().optional(),
    purpose: z.enum(RESOURCE_PURPOSES),
    reason: translatableSchema,
    ...resourceTextsResponseShape,
  }),
);

/**
 * The same answer as a schema, for the OpenAPI document (the API never parses its own answers).
 * `responseSchemaOf` keeps it in step with the interface above, both ways.
 */
export const intakeResponseSchema = responseSchemaOf<IntakeResponse>()(
  z.strictObject({
    reference: z.string().meta({ description: 'The case reference, e.g. SG-7K3M-9QXD', example: 'SG-7K3M-9QXD' }),
    accessCode: z.string().meta({ description: 'Shown once; with the reference it opens the case without an account', example: 'Q7KM-3XPD-9RTA-2WZC' }),
    actionPlan: z.array(z.strictObject({ key: z.enum(ACTION_PLAN_STEP_KEYS), title: translatableSchema, detail: translatableSchema, done: z.boolean() })),
    resources: z.array(personResourceSchema),
    firstResponseWithin: translatableSchema.nullable().meta({
      description: 'When someone aims to reach out, as a catalogue key (person.firstResponse.*) and its parameters; null if they asked not to be contacted',
    }),
    contact: contactChoiceSchema,
    country: z.string().meta({ description: 'The country given, ISO 3166-1 alpha-2', example: 'MY' }),
    reply: replyExpectationSchema.optional(),
    caseId: z.uuid().optional().meta({ description: 'Staff intakes only: the new case, to open it' }),
  }),
);
