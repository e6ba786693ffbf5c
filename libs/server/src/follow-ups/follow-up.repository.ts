import { FollowUpAudience, FollowUpKind, FollowUpStatus, PROMPTED_FOLLOW_UP_KINDS } from '@sg/domain';
import { EntityManager } from 'typeorm';

/** A follow-up row as the job planner needs it. */
export interface FollowUpScheduleRow {
  id: string;
  due_at: Date;
  revision: number;
}

/**
 * Follow-up SQL. Only what prompted follow-ups changed lives here so far; the scheduler's and processor's
 * statements move here with the rest of the typed-persistence work (issue 9).
 */
export const followUpRepository = {
  /**
   * A case's follow-ups that its plan owns, locked for replanning. Prompted ones (raised by
   * something that happened) are not the plan's to move or cancel.
   */
  lockPlanned(manager: EntityManager, caseId: string): Promise<Array<{ id: string; dedupe_key: string; status: FollowUpStatus; due_at: Date }>> {
    return manager.query(`SELECT id, dedupe_key, status, due_at FROM follow_up WHERE case_id = $1 AND kind <> ALL($2::text[]) FOR UPDATE`, [caseId, PROMPTED_FOLLOW_UP_KINDS]);
  },

  /** A follow-up due now on the case itself; nothing when one with `dedupeKey` exists already. */
  insertDueNow(manager: EntityManager, followUp: { caseId: string; kind: FollowUpKind; dedupeKey: string; audience: FollowUpAudience }): Promise<FollowUpScheduleRow[]> {
    return manager.query<FollowUpScheduleRow[]>(
      `INSERT INTO follow_up (case_id, kind, subject_type, subject_id, dedupe_key, audience, due_at)
       VALUES ($1, $2, 'case', $1, $3, $4, now())
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id, due_at, revision`,
      [followUp.caseId, followUp.kind, followUp.dedupeKey, followUp.audience],
    );
  },
};
