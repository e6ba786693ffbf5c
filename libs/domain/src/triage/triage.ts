import { CaseFacts } from '../intake/intake-facts';
import { FIRST_RESPONSE_TARGET_MINUTES, Priority, priorityRank } from './priority';

/**
 * Every rule that can fire, named so staff can see why a case has its priority. The order is the
 * order of seriousness (`TRIAGE_FACTOR_SEVERITY`): within a priority, self-harm and danger come
 * before everything else, so a queue row's headline (the first factor) never buries them.
 */
export const TRIAGE_FACTORS = {
  self_harm_plan: { priority: 'emergency', label: 'Has a plan or intent to self-harm' },
  immediate_danger: { priority: 'emergency', label: 'In immediate danger' },
  self_harm_thoughts: { priority: 'urgent', label: 'Thoughts of self-harm' },
  under_18_now: { priority: 'urgent', label: 'Under 18 now' },
  content_made_under_18: { priority: 'urgent', label: 'Content was made when under 18' },
  deadline_within_24h: { priority: 'urgent', label: "The threatener's deadline is within 24 hours" },
  content_posted: { priority: 'high', label: 'Content has already been posted' },
  still_in_contact: { priority: 'high', label: 'Still in contact with the threatener' },
  already_paid: { priority: 'high', label: 'Has already paid' },
  deadline_within_72h: { priority: 'high', label: "The threatener's deadline is within 72 hours" },
} as const satisfies Record<string, { priority: Priority; label: string }>;

export type TriageFactorKey = keyof typeof TRIAGE_FACTORS;

/** Factor keys, most serious first: priority first, then self-harm and danger before the rest. */
export const TRIAGE_FACTOR_SEVERITY = Object.keys(TRIAGE_FACTORS) as readonly TriageFactorKey[];

/** Most serious first, so `factors[0]` is the headline. Unknown keys (older data) go last. */
export function sortFactorsBySeverity<T extends { key: string; priority: Priority }>(factors: readonly T[]): T[] {
  const severity = (key: string) => {
    const index = (TRIAGE_FACTOR_SEVERITY as readonly string[]).indexOf(key);
    return index < 0 ? TRIAGE_FACTOR_SEVERITY.length : index;
  };
  return [...factors].sort((a, b) => priorityRank(a.priority) - priorityRank(b.priority) || severity(a.key) - severity(b.key));
}

export interface TriageFactor {
  key: TriageFactorKey;
  priority: Priority;
  label: string;
}

export interface TriageResult {
  priority: Priority;
  /** Every factor that fired, most pressing first. Empty for `standard`. */
  factors: TriageFactor[];
  firstResponseDueAt: Date;
}

export type TriageFacts = Pick<
  CaseFacts,
  'ageBand' | 'contentMadeUnder18' | 'selfHarm' | 'immediateDanger' | 'deadlineAt' | 'contentPosted' | 'stillInContact' | 'paid'
>;

export interface TriageOptions {
  /** Override the default first-response targets (e.g. an organisation's own SLAs). */
  targetMinutes?: Readonly<Record<Priority, number>>;
  /** Multiplies every target; FOLLOW_UP_TIME_SCALE lets demos run a week in seconds. */
  timeScale?: number;
}

const HOUR_MS = 3_600_000;

function firedKeys(facts: TriageFacts, now: Date): TriageFactorKey[] {
  const fired: TriageFactorKey[] = [];
  if (facts.selfHarm === 'plan_or_intent') fired.push('self_harm_plan');
  if (facts.immediateDanger) fired.push('immediate_danger');
  if (facts.ageBand === 'under_13' || facts.ageBand === '13_17') fired.push('under_18_now');
  if (facts.contentMadeUnder18 === true) fired.push('content_made_under_18');
  if (facts.selfHarm === 'thoughts') fired.push('self_harm_thoughts');
  if (facts.deadlineAt) {
    // A deadline already passed is at least as pressing as one about to pass.
    const hoursLeft = (facts.deadlineAt.getTime() - now.getTime()) / HOUR_MS;
    if (hoursLeft <= 24) fired.push('deadline_within_24h');
    else if (hoursLeft <= 72) fired.push('deadline_within_72h');
  }
  if (facts.contentPosted === 'yes') fired.push('content_posted');
  if (facts.stillInContact === true) fired.push('still_in_contact');
  if (facts.paid === true) fired.push('already_paid');
  return fired;
}

/**
 * Triage by the organisation's table: the highest rule that fires wins, and every rule that
 * fired is returned so the person working the case can see why. Pure: same facts and clock,
 * same answer. Age unknown does not raise priority (it only widens the routes shown).
 */
export function triage(facts: TriageFacts, now: Date, options: TriageOptions = {}): TriageResult {
  const factors = sortFactorsBySeverity(firedKeys(facts, now).map((key): TriageFactor => ({ key, ...TRIAGE_FACTORS[key] })));
  const priority: Priority = factors[0]?.priority ?? 'standard';
  const targets = options.targetMinutes ?? FIRST_RESPONSE_TARGET_MINUTES;
  const scale = options.timeScale ?? 1;
  const firstResponseDueAt = new Date(now.getTime() + targets[priority] * 60_000 * scale);
  return { priority, factors, firstResponseDueAt };
}
