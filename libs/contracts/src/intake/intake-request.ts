import {
  LANGUAGES,
  AGE_BANDS,
  CONTACT_CHANNELS,
  CONTENT_POSTED_ANSWERS,
  DEMANDS,
  INTAKE_CHANNELS,
  SELF_HARM_ANSWERS,
  SUBMITTERS,
  isCountryCode,
  isKnownTimeZone,
} from '@sg/domain';
import * as z from 'zod';
import { dateTime } from '../fields/date-time';
import { text } from '../fields/text';
import { MAX_ALIAS_LENGTH, MAX_CONTENT_URLS, MAX_NARRATIVE_LENGTH, MAX_PLATFORMS, TEXT_LIMITS } from '../limits';

/**
 * `POST /api/intakes`: the one definition of a valid intake, used by the API to validate and
 * document it and by the web form to check answers before sending. Unknown fields are rejected.
 */

const oneOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values, { error: () => `must be one of: ${values.join(', ')} (${what})` });

const yesNoOrNull = (what: string) => z.boolean({ error: () => `must be true, false or null (${what})` }).nullable();

export const httpUrlSchema = text({ error: () => 'must be a web address' })
  .trim()
  .max(TEXT_LIMITS.url, `must be at most ${TEXT_LIMITS.url} characters`)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
    } catch {
      return false;
    }
  }, 'must be a full web address starting with http:// or https://');

const optionalText = (max: number) =>
  text({ error: () => 'must be text' })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .optional();

export const platformEntrySchema = z.strictObject({
  platform: text({ error: () => 'is required (the app or site, e.g. Instagram)' })
    .trim()
    .min(1, 'is required (the app or site, e.g. Instagram)')
    .max(TEXT_LIMITS.platform, `must be at most ${TEXT_LIMITS.platform} characters`),
  offenderHandle: optionalText(TEXT_LIMITS.offenderHandle),
  profileUrl: httpUrlSchema.optional(),
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Why a contact value was refused, as a code in the issue's `params.reason`: the web form turns it
 * into the person's language (the English `message` stays for API clients).
 */
export type ContactValueProblem = 'required' | 'email' | 'phone';
const reason = (why: ContactValueProblem) => ({ reason: why });
const PHONE = /^\+?[0-9 ()-]{6,20}$/;

/**
 * zod 4 skips an object's refinements once any of its fields has a type error, so a 400 would
 * name `contact.canMentionOrganisation` and only after a second try `contact.value`. These checks
 * run whenever the fields they read are usable (`when`), so one answer lists every problem.
 */
const contactFieldsUsable = (value: unknown): boolean => {
  if (!value || typeof value !== 'object') return false;
  const { channel, value: text } = value as { channel?: unknown; value?: unknown };
  return (CONTACT_CHANNELS as readonly unknown[]).includes(channel) && (text === undefined || typeof text === 'string');
};

export const intakeContactSchema = z
  .strictObject({
    channel: oneOf(CONTACT_CHANNELS, 'how we may contact you'),
    value: optionalText(TEXT_LIMITS.contactValue),
    safeTimes: optionalText(TEXT_LIMITS.safeTimes),
    canMentionOrganisation: z.boolean({ error: () => 'must be true or false' }),
    /** True when the person chose "Do not contact me" (not when they skipped the question). */
    declined: z.boolean({ error: () => 'must be true or false' }).optional(),
  })
  .superRefine(
    (contact, ctx) => {
      if (contact.channel === 'none') return;
      if (!contact.value) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: `is required when the contact channel is ${contact.channel}`, params: reason('required') });
      } else if (contact.channel === 'email' && !EMAIL.test(contact.value)) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: 'must be an email address like name@example.com', params: reason('email') });
      } else if (contact.channel !== 'email' && !PHONE.test(contact.value)) {
        ctx.addIssue({ code: 'custom', path: ['value'], message: 'must be a phone number (digits, spaces, + and brackets)', params: reason('phone') });
      }
    },
    { when: (payload) => contactFieldsUsable(payload.value) },
  );

/** Whether a list repeats an answer; items that are not answers at all are reported on their own. */
const repeatsNothing = (list: readonly unknown[]): boolean => {
  const answers = list.filter((item) => typeof item === 'string');
  return new Set(answers).size === answers.length;
};

export const intakeRequestSchema = z.strictObject({
  submittedBy: oneOf(SUBMITTERS, 'who is filling in the form'),
  channel: oneOf(INTAKE_CHANNELS, 'how the intake arrived'),
  alias: optionalText(MAX_ALIAS_LENGTH),
  ageBand: oneOf(AGE_BANDS, 'age now'),
  contentMadeUnder18: yesNoOrNull('whether the content was made under 18'),
  country: text({ error: () => 'is required (a two-letter country code such as US, GB or MY)' }).refine(
    isCountryCode,
    'must be a two-letter country code in capitals, such as US, GB or MY',
  ),
  selfHarm: oneOf(SELF_HARM_ANSWERS, 'thoughts of self-harm'),
  immediateDanger: z.boolean({ error: () => 'must be true or false' }),
  deadlineAt: dateTime(() => 'must be a date and time in ISO 8601 form, e.g. 2026-11-23T18:00:00Z').nullable(),
  demands: z
    .array(oneOf(DEMANDS, 'what they are asking for'), { error: () => 'must be a list' })
    .max(DEMANDS.length, `must have at most ${DEMANDS.length} answers`)
    // Also when an item is not an answer (see contactFieldsUsable for why `when`).
    .refine(repeatsNothing, { message: 'must not repeat an answer', when: (payload) => Array.isArray(payload.value) }),
  contentPosted: oneOf(CONTENT_POSTED_ANSWERS, 'whether anything has been posted'),
  stillInContact: yesNoOrNull('whether you are still in contact'),
  paid: yesNoOrNull('whether you have paid'),
  platforms: z.array(platformEntrySchema, { error: () => 'must be a list' }).max(MAX_PLATFORMS, `must have at most ${MAX_PLATFORMS} entries`),
  contentUrls: z.array(httpUrlSchema, { error: () => 'must be a list' }).max(MAX_CONTENT_URLS, `must have at most ${MAX_CONTENT_URLS} entries`),
  narrative: optionalText(MAX_NARRATIVE_LENGTH),
  /** Staff intakes by phone or chat only: the call notes or the chat, kept sealed and shown in the Conversation tab. */
  transcript: optionalText(TEXT_LIMITS.transcript),
  /** The person's time zone as their browser reports it (IANA, e.g. Europe/London): replies are promised in their time. */
  timeZone: text({ error: () => 'must be a time zone name such as Europe/London' })
    .max(64, 'must be a time zone name such as Europe/London')
    .refine(isKnownTimeZone, 'must be a time zone name such as Europe/London')
    .optional(),
  /** The language the person filled the form in: their plan, messages and nudges use it. English when not said. */
  language: z.enum(LANGUAGES, { error: () => `must be one of ${LANGUAGES.join(', ')}` }).default('en'),
  contact: intakeContactSchema,
  consent: z.strictObject({
    storeData: z.literal(true, { error: () => 'must be true: we cannot keep a case without your consent' }),
    contactMe: z.boolean({ error: () => 'must be true or false' }),
  }),
});

export type IntakeRequest = z.input<typeof intakeRequestSchema>;
export type ParsedIntakeRequest = z.output<typeof intakeRequestSchema>;
