/**
 * The case lifecycle: new (triaged, nobody holds it) → in_progress (claimed or assigned)
 * ⇄ waiting (on the person, a platform or police) → resolved → closed. Waiting may go straight
 * to resolved; a resolved or closed case can be reopened to in_progress.
 */
export const CASE_STATUSES = ['new', 'in_progress', 'waiting', 'resolved', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which a case still needs work (it counts in queues and workload). */
export const OPEN_CASE_STATUSES: readonly CaseStatus[] = ['new', 'in_progress', 'waiting'];

const TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  new: ['in_progress'],
  in_progress: ['waiting', 'resolved'],
  waiting: ['in_progress', 'resolved'],
  resolved: ['closed', 'in_progress'],
  closed: ['in_progress'],
};

export const CASE_STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  new: 'New',
  in_progress: 'In progress',
  waiting: 'Waiting',
  resolved: 'Resolved',
  closed: 'Closed',
};

export function allowedCaseTransitions(from: CaseStatus): readonly CaseStatus[] {
  return TRANSITIONS[from];
}

export function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === 'string' && (CASE_STATUSES as readonly string[]).includes(value);
}

/** Why a status change is refused, in words a caseworker understands; null when it is allowed. */
export function caseTransitionProblem(from: CaseStatus, to: CaseStatus): string | null {
  if (from === to) return `The case is already ${CASE_STATUS_LABELS[to].toLowerCase()}.`;
  if (TRANSITIONS[from].includes(to)) return null;
  if (from === 'new') return 'Claim or assign the case first: a new case moves to "In progress" when someone takes it.';
  const allowed = TRANSITIONS[from].map((status) => `"${CASE_STATUS_LABELS[status]}"`).join(' or ');
  return `A case that is "${CASE_STATUS_LABELS[from]}" can only move to ${allowed}.`;
}
