import { Priority, StaffRole, present } from '@sg/domain';
import { DataSource, EntityManager } from 'typeorm';

/** Open cases at one priority in one age band. */
export interface OpenCaseGridRow {
  /** Index into PRIORITIES. */
  rank: number;
  /** Index into CASE_AGE_BANDS: under an hour, a day, a week, older. */
  age: number;
  count: number;
}

/** An open, unassigned case not yet responded to and past its first-response due time. */
export interface UnassignedPastTargetRow {
  id: string;
  reference: string;
  priority: Priority;
  firstResponseDueAt: Date;
}

/** One active caseworker's or supervisor's open cases. */
export interface CaseworkerLoadRow {
  id: string;
  displayName: string;
  role: StaffRole;
  open: number;
  emergencyOrUrgent: number;
  waiting: number;
}

/**
 * The supervisor's queue-health numbers, one query each. Open cases are a small slice of a long
 * history, and each query reads only that slice through a partial index (see the case-work
 * migration), so the cost follows the open workload, not the archive. Independent of each other:
 * callers may run them at once on the pool.
 */
export const queueHealthRepository = {
  /** Open cases per priority and age band (0 under an hour, 1 under a day, 2 under a week, 3 older); empty cells have no row. */
  openByPriorityAndAge(db: DataSource | EntityManager): Promise<OpenCaseGridRow[]> {
    return db.query<OpenCaseGridRow[]>(
      `SELECT priority_rank AS rank,
                CASE WHEN created_at > now() - interval '1 hour' THEN 0
                     WHEN created_at > now() - interval '1 day' THEN 1
                     WHEN created_at > now() - interval '7 days' THEN 2 ELSE 3 END AS age,
                count(*)::int AS count
           FROM support_case WHERE status IN ('new', 'in_progress', 'waiting')
          GROUP BY 1, 2`,
    );
  },

  /** The first 50 open, unassigned cases past their first-response target, most pressing first. */
  unassignedPastTarget(db: DataSource | EntityManager): Promise<UnassignedPastTargetRow[]> {
    return db.query<UnassignedPastTargetRow[]>(
      `SELECT id, reference, priority, first_response_due_at AS "firstResponseDueAt"
           FROM support_case
          WHERE assignee_id IS NULL AND status IN ('new', 'in_progress', 'waiting') AND first_responded_at IS NULL AND first_response_due_at < now()
          ORDER BY priority_rank, first_response_due_at LIMIT 50`,
    );
  },

  /** How many open, unassigned cases are past their first-response target (all of them, not just the listed 50). */
  async unassignedPastTargetCount(db: DataSource | EntityManager): Promise<number> {
    const [row] = await db.query<Array<{ count: number }>>(
      `SELECT count(*)::int AS count FROM support_case
          WHERE assignee_id IS NULL AND status IN ('new', 'in_progress', 'waiting') AND first_responded_at IS NULL AND first_response_due_at < now()`,
    );
    return present(row, 'the unassigned past-target count').count;
  },

  /** Every active caseworker and supervisor with their open, emergency-or-urgent and waiting cases, busiest first. */
  caseworkerLoad(db: DataSource | EntityManager): Promise<CaseworkerLoadRow[]> {
    return db.query<CaseworkerLoadRow[]>(
      `WITH load AS (
           SELECT assignee_id, count(*)::int AS open,
                  count(*) FILTER (WHERE priority_rank <= 1)::int AS urgent,
                  count(*) FILTER (WHERE status = 'waiting')::int AS waiting
             FROM support_case WHERE assignee_id IS NOT NULL AND status IN ('new', 'in_progress', 'waiting')
            GROUP BY assignee_id
         )
         SELECT u.id, u.display_name AS "displayName", u.role, coalesce(l.open, 0) AS open,
                coalesce(l.urgent, 0) AS "emergencyOrUrgent", coalesce(l.waiting, 0) AS waiting
           FROM staff_user u LEFT JOIN load l ON l.assignee_id = u.id
          WHERE u.active AND u.role IN ('caseworker', 'supervisor')
          ORDER BY open DESC, u.display_name`,
    );
  },

  /**
   * Follow-ups past due on open cases: fired and nobody has marked them done yet, or still
   * scheduled past their time (the worker was down). The same follow-ups put a case in the
   * Overdue queue.
   */
  async overdueFollowUpCount(db: DataSource | EntityManager): Promise<number> {
    const [row] = await db.query<Array<{ count: number }>>(
      `SELECT count(*)::int AS count FROM follow_up f JOIN support_case c ON c.id = f.case_id
          WHERE c.status IN ('new', 'in_progress', 'waiting') AND (f.status = 'fired' OR (f.status = 'scheduled' AND f.due_at < now()))`,
    );
    return present(row, 'the overdue follow-up count').count;
  },
};
