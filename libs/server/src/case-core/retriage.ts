import { CLOCK_ONLY_POLICY, firstResponseDue, Priority, priorityRank, ResponseTargetPolicy, triage, TriageFacts, TriageFactor } from '@sg/domain';

export interface CurrentTriage {
  triagePriority: Priority;
  priorityOverride: Priority | null;
  firstResponseDueAt: Date;
  firstRespondedAt: Date | null;
  createdAt: Date;
}

export interface Retriage {
  triagePriority: Priority;
  factors: TriageFactor[];
  /** The priority in force: a caseworker's override still wins over a recomputed priority. */
  priority: Priority;
  priorityRank: number;
  firstResponseDueAt: Date;
  changed: boolean;
}

/**
 * Triage again after facts changed (a new deadline, content found posted). If the case has not
 * had its first response yet and the priority rose, the first response becomes due sooner; a
 * lower priority never pushes an existing target later.
 */
export function retriage(facts: TriageFacts, current: CurrentTriage, now: Date, targets: number | ResponseTargetPolicy = 1): Retriage {
  // A bare number is a time scale with every target on the clock (as before opening hours).
  const policy: ResponseTargetPolicy = typeof targets === 'number' ? { ...CLOCK_ONLY_POLICY, timeScale: targets } : targets;
  const result = triage(facts, now, { policy });
  const priority = current.priorityOverride ?? result.priority;
  let firstResponseDueAt = current.firstResponseDueAt;
  if (!current.firstRespondedAt) {
    const sooner = firstResponseDue(priority, now, policy);
    if (sooner < firstResponseDueAt) firstResponseDueAt = sooner;
  }
  return {
    triagePriority: result.priority,
    factors: result.factors,
    priority,
    priorityRank: priorityRank(priority),
    firstResponseDueAt,
    changed: result.priority !== current.triagePriority,
  };
}
