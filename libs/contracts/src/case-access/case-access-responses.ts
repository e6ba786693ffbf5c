import { ACTION_PLAN_STEP_KEYS, LANGUAGES } from '@sg/domain';
import * as z from 'zod';
import { responseSchemaOf } from '../fields/response-schema';
import { contactChoiceSchema, personResourceSchema, replyExpectationSchema, translatableSchema } from '../intake/intake-response';
import type { CaseAccessView } from './case-access';

/** The person's own view of their case: no staff notes, assignee names or internal triage detail. */
export const caseAccessViewSchema = responseSchemaOf<CaseAccessView>()(
  z.strictObject({
    reference: z.string(),
    createdAt: z.string(),
    language: z.enum(LANGUAGES),
    status: translatableSchema,
    actionPlan: z.array(z.strictObject({ key: z.enum(ACTION_PLAN_STEP_KEYS), title: translatableSchema, detail: translatableSchema, done: z.boolean() })),
    resources: z.array(personResourceSchema),
    firstResponseWithin: translatableSchema.nullable(),
    reply: replyExpectationSchema,
    contact: contactChoiceSchema,
    country: z.string(),
    additions: z.array(z.strictObject({ at: z.string(), summary: translatableSchema })),
  }),
);
