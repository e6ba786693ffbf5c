import { PlannedFollowUp } from './cadence';

export const FOLLOW_UP_STATUSES = ['scheduled', 'fired', 'done', 'cancelled'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** The stored follow-ups, as much as reconciling needs; callers pass their own rows (with ids). */
export interface ExistingFollowUp {
  dedupeKey: string;
  status: FollowUpStatus;
  dueAt: Date;
}

export interface FollowUpReconciliation<E extends ExistingFollowUp> {
  /**
   * To create. Upsert on dedupeKey: a key that was cancelled and is wanted again (a case
   * reopened, a priority raised again) comes back here and the cancelled row is revived.
   */
  toSchedule: PlannedFollowUp[];
  /** Scheduled rows nobody wants any more. */
  toCancel: E[];
  /** Scheduled rows still wanted at a different time. */
  toReschedule: Array<{ existing: E; wanted: PlannedFollowUp }>;
}

/**
 * What to change so the stored follow-ups match the plan. `existing` must be exactly the rows the
 * plan covers (the same subject or subjects): anything else passed in that is scheduled will be
 * cancelled, which is how closing a case cancels everything pending for it.
 *
 * Fired and done rows are history: never moved, cancelled or made again, so a follow-up happens
 * at most once per key. Apply the changes guarded by `status = 'scheduled'`, since the worker may
 * fire a row between planning and writing.
 */
export function reconcileFollowUps<E extends ExistingFollowUp>(existing: readonly E[], wanted: readonly PlannedFollowUp[]): FollowUpReconciliation<E> {
  const result: FollowUpReconciliation<E> = { toSchedule: [], toCancel: [], toReschedule: [] };
  const wantedByKey = new Map<string, PlannedFollowUp>();
  for (const planned of wanted) if (!wantedByKey.has(planned.dedupeKey)) wantedByKey.set(planned.dedupeKey, planned);

  const rowsByKey = new Map<string, E[]>();
  for (const row of existing) rowsByKey.set(row.dedupeKey, [...(rowsByKey.get(row.dedupeKey) ?? []), row]);

  for (const [key, planned] of wantedByKey) {
    const rows = rowsByKey.get(key) ?? [];
    const scheduled = rows.filter((row) => row.status === 'scheduled');
    const happened = rows.some((row) => row.status === 'fired' || row.status === 'done');
    // Keep one live row per key; a duplicate (or one whose twin already fired) is cancelled.
    const keep = happened ? undefined : scheduled[0];
    result.toCancel.push(...scheduled.filter((row) => row !== keep));
    if (keep) {
      if (keep.dueAt.getTime() !== planned.dueAt.getTime()) result.toReschedule.push({ existing: keep, wanted: planned });
    } else if (!happened) {
      result.toSchedule.push(planned);
    }
  }

  for (const row of existing) {
    if (row.status === 'scheduled' && !wantedByKey.has(row.dedupeKey)) result.toCancel.push(row);
  }
  return result;
}
