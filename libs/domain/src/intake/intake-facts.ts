/**
 * The facts a person gives at intake, as the domain sees them. Every question can be skipped
 * except consent, so each fact has an explicit "don't know" value (`unknown`, `null`, ...).
 */
export const SUBMITTERS = ['victim', 'parent_or_guardian', 'trusted_adult', 'staff'] as const;
export type Submitter = (typeof SUBMITTERS)[number];

export const INTAKE_CHANNELS = ['web', 'phone', 'chat', 'email'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

export const AGE_BANDS = ['under_13', '13_17', '18_plus', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const SELF_HARM_ANSWERS = ['none', 'thoughts', 'plan_or_intent', 'prefer_not_to_say'] as const;
export type SelfHarmAnswer = (typeof SELF_HARM_ANSWERS)[number];

export const DEMANDS = ['money', 'more_images', 'meeting', 'relationship', 'other'] as const;
export type Demand = (typeof DEMANDS)[number];

export const CONTENT_POSTED_ANSWERS = ['yes', 'no', 'unknown'] as const;
export type ContentPostedAnswer = (typeof CONTENT_POSTED_ANSWERS)[number];

export const CONTACT_CHANNELS = ['email', 'phone', 'sms', 'none'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/**
 * What the person said about being contacted, told back to them as it is: "asked us not to" and
 * "did not say" are different answers, and someone who chose a channel keeps being told so after
 * a caseworker has picked the case up.
 */
export type ContactChoice = { kind: 'by_channel'; channel: Exclude<ContactChannel, 'none'> } | { kind: 'declined' } | { kind: 'not_said' };

export function contactChoiceOf(channel: ContactChannel, consentToContact: boolean, declined: boolean): ContactChoice {
  if (channel !== 'none' && consentToContact) return { kind: 'by_channel', channel };
  return declined ? { kind: 'declined' } : { kind: 'not_said' };
}

/** The facts triage and the action plan are computed from. */
export interface CaseFacts {
  submittedBy: Submitter;
  ageBand: AgeBand;
  contentMadeUnder18: boolean | null;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  selfHarm: SelfHarmAnswer;
  immediateDanger: boolean;
  /** The extortionist's deadline, if the person knows it. */
  deadlineAt: Date | null;
  demands: readonly Demand[];
  contentPosted: ContentPostedAnswer;
  stillInContact: boolean | null;
  paid: boolean | null;
}

/** Under 18 now, or the content was made when under 18: the child-protection routes apply. */
export function isMinorCase(facts: Pick<CaseFacts, 'ageBand' | 'contentMadeUnder18'>): boolean {
  return facts.ageBand === 'under_13' || facts.ageBand === '13_17' || facts.contentMadeUnder18 === true;
}

/**
 * Which takedown and reporting routes to show. An unknown age counts as possibly a minor for
 * routing (both routes are shown), never for priority.
 */
export function routesFor(facts: Pick<CaseFacts, 'ageBand' | 'contentMadeUnder18'>): { minor: boolean; adult: boolean } {
  if (isMinorCase(facts)) return { minor: true, adult: false };
  if (facts.ageBand === '18_plus' && facts.contentMadeUnder18 === false) return { minor: false, adult: true };
  // Age unknown, or an adult unsure when the content was made: show both routes.
  return { minor: true, adult: true };
}

export function hasSelfHarmRisk(facts: Pick<CaseFacts, 'selfHarm' | 'immediateDanger'>): boolean {
  return facts.immediateDanger || facts.selfHarm === 'thoughts' || facts.selfHarm === 'plan_or_intent';
}
