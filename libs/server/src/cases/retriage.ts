import { FIRST_RESPONSE_TARGET_MINUTES, Priority, priorityRank, triage, TriageFacts, TriageFactor } from '@sg/domain';

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
export function retriage(facts: TriageFacts, current: CurrentTriage, now: Date, timeScale = 1): Retriage {
  const result = triage(facts, now, { timeScale });
  const priority = current.priorityOverride ?? result.priority;
  let firstResponseDueAt = current.firstResponseDueAt;
  if (!current.firstRespondedAt) {
    const sooner = new Date(now.getTime() + FIRST_RESPONSE_TARGET_MINUTES[priority] * 60_000 * timeScale);
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
