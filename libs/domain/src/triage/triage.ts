import { firstResponseDue, ResponseTargetPolicy } from './response-target';
import { CaseFacts } from '../intake/intake-facts';
import { FIRST_RESPONSE_TARGET_MINUTES, Priority, priorityRank } from './priority';
import { keysOf } from '../support/typed-records';

/**
 * Every rule that can fire, named so staff can see why a case has its priority. The order is the
 * order of seriousness (`TRIAGE_FACTOR_SEVERITY`): within a priority, self-harm and danger come
 * before everything else, so a queue row's headline (the first factor) never buries them.
 * A label is a catalogue key (`staff.factors.<key>`): the dashboard says it in the reader's language.
 */
export const TRIAGE_FACTORS = {
  self_harm_plan: { priority: 'emergency', label: 'staff.factors.self_harm_plan' },
  immediate_danger: { priority: 'emergency', label: 'staff.factors.immediate_danger' },
  self_harm_thoughts: { priority: 'urgent', label: 'staff.factors.self_harm_thoughts' },
  under_18_now: { priority: 'urgent', label: 'staff.factors.under_18_now' },
  content_made_under_18: { priority: 'urgent', label: 'staff.factors.content_made_under_18' },
  deadline_passed: { priority: 'urgent', label: 'staff.factors.deadline_passed' },
  deadline_within_24h: { priority: 'urgent', label: 'staff.factors.deadline_within_24h' },
  content_posted: { priority: 'high', label: 'staff.factors.content_posted' },
  still_in_contact: { priority: 'high', label: 'staff.factors.still_in_contact' },
  already_paid: { priority: 'high', label: 'staff.factors.already_paid' },
  deadline_within_72h: { priority: 'high', label: 'staff.factors.deadline_within_72h' },
} as const satisfies Record<string, { priority: Priority; label: string }>;

export type TriageFactorKey = keyof typeof TRIAGE_FACTORS;

/** Factor keys, most serious first: priority first, then self-harm and danger before the rest. */
export const TRIAGE_FACTOR_SEVERITY: readonly TriageFactorKey[] = keysOf(TRIAGE_FACTORS);

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
  /** A catalogue key, `staff.factors.<key>`. Rows stored before it was a key hold the English words. */
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
  /** Counts `high` and `standard` targets in the organisation's opening hours (response-target.ts); wins over the two above. */
  policy?: ResponseTargetPolicy;
}

const HOUR_MS = 3_600_000;

/**
 * The moments at which a deadline's factor changes, as hours before the deadline: it comes within
 * 72 hours (`high`), within 24 hours (`urgent`), and passes (`deadline_passed`, still `urgent`:
 * time alone never makes a case an emergency). Triage reads them in real hours, whatever
 * FOLLOW_UP_TIME_SCALE says: the deadline is a clock time the threatener gave, not a duration of
 * ours. The follow-up planner re-triages a case at each (planDeadlineRetriage).
 */
export const DEADLINE_THRESHOLDS = [
  { key: 'within_72h', hoursBefore: 72, factor: 'deadline_within_72h', reason: 'The deadline is less than 72 hours away' },
  { key: 'within_24h', hoursBefore: 24, factor: 'deadline_within_24h', reason: 'The deadline is less than 24 hours away' },
  { key: 'passed', hoursBefore: 0, factor: 'deadline_passed', reason: 'The deadline has passed' },
] as const satisfies ReadonlyArray<{ key: string; hoursBefore: number; factor: TriageFactorKey; reason: string }>;
export type DeadlineThreshold = (typeof DEADLINE_THRESHOLDS)[number];

/** The moment `threshold` is crossed for a deadline. */
export function deadlineThresholdAt(deadlineAt: Date, threshold: Pick<DeadlineThreshold, 'hoursBefore'>): Date {
  return new Date(deadlineAt.getTime() - threshold.hoursBefore * HOUR_MS);
}

/** Which deadline threshold the factors show as crossed (the latest one), if any: the reason a re-triage gives. */
export function deadlineThresholdOf(factors: ReadonlyArray<{ key: string }>): DeadlineThreshold | null {
  return [...DEADLINE_THRESHOLDS].reverse().find((threshold) => factors.some((factor) => factor.key === threshold.factor)) ?? null;
}

function firedKeys(facts: TriageFacts, now: Date): TriageFactorKey[] {
  const fired: TriageFactorKey[] = [];
  if (facts.selfHarm === 'plan_or_intent') fired.push('self_harm_plan');
  if (facts.immediateDanger) fired.push('immediate_danger');
  if (facts.ageBand === 'under_13' || facts.ageBand === '13_17') fired.push('under_18_now');
  if (facts.contentMadeUnder18 === true) fired.push('content_made_under_18');
  if (facts.selfHarm === 'thoughts') fired.push('self_harm_thoughts');
  const deadlineAt = facts.deadlineAt;
  if (deadlineAt) {
    // The latest threshold crossed (passed, then 24 h, then 72 h): one deadline factor at most.
    // A deadline already passed stays urgent: the threat may be carried out at any moment.
    const crossed = [...DEADLINE_THRESHOLDS].reverse().find((threshold) => now.getTime() >= deadlineThresholdAt(deadlineAt, threshold).getTime());
    if (crossed) fired.push(crossed.factor);
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
  const firstResponseDueAt = options.policy ? firstResponseDue(priority, now, options.policy) : new Date(now.getTime() + targets[priority] * 60_000 * scale);
  return { priority, factors, firstResponseDueAt };
}
