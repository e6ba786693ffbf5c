import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CASE_AGE_BANDS, QueueHealth } from '@sg/contracts';
import { PRIORITIES } from '@sg/domain';
import { DataSource } from 'typeorm';

/**
 * The supervisor's view, computed in the database with one query per number. Open cases are a
 * small slice of a long history, and each query reads only that slice through a partial index
 * (see the case-work migration), so the cost follows the open workload, not the archive.
 */
@Injectable()
export class QueueHealthService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async health(): Promise<QueueHealth> {
    const [grid, pastTarget, pastTargetCount, load] = await Promise.all([
      this.dataSource.query(
        `SELECT priority_rank AS rank,
                CASE WHEN created_at > now() - interval '1 hour' THEN 0
                     WHEN created_at > now() - interval '1 day' THEN 1
                     WHEN created_at > now() - interval '7 days' THEN 2 ELSE 3 END AS age,
                count(*)::int AS count
           FROM support_case WHERE status IN ('new', 'in_progress', 'waiting')
          GROUP BY 1, 2`,
      ),
      this.dataSource.query(
        `SELECT id, reference, priority, first_response_due_at AS "firstResponseDueAt"
           FROM support_case
          WHERE assignee_id IS NULL AND status IN ('new', 'in_progress', 'waiting') AND first_responded_at IS NULL AND first_response_due_at < now()
          ORDER BY first_response_due_at LIMIT 50`,
      ),
      this.dataSource.query(
        `SELECT count(*)::int AS count FROM support_case
          WHERE assignee_id IS NULL AND status IN ('new', 'in_progress', 'waiting') AND first_responded_at IS NULL AND first_response_due_at < now()`,
      ),
      this.dataSource.query(
        `SELECT u.id, u.display_name AS "displayName", u.role,
                count(c.id)::int AS open,
                count(c.id) FILTER (WHERE c.priority_rank <= 1)::int AS "emergencyOrUrgent",
                count(c.id) FILTER (WHERE c.status = 'waiting')::int AS waiting
           FROM staff_user u
           LEFT JOIN support_case c ON c.assignee_id = u.id AND c.status IN ('new', 'in_progress', 'waiting')
          WHERE u.active AND u.role IN ('caseworker', 'supervisor')
          GROUP BY u.id ORDER BY open DESC, u.display_name`,
      ),
    ]);
    const counts = new Map<string, number>(grid.map((row: { rank: number; age: number; count: number }) => [`${row.rank}:${row.age}`, row.count]));
    return {
      generatedAt: new Date().toISOString(),
      openByPriorityAndAge: PRIORITIES.flatMap((priority, rank) => CASE_AGE_BANDS.map((age, ageIndex) => ({ priority, age, count: counts.get(`${rank}:${ageIndex}`) ?? 0 }))),
      unassignedPastTarget: {
        count: pastTargetCount[0].count,
        cases: pastTarget.map((row: { id: string; reference: string; priority: QueueHealth['unassignedPastTarget']['cases'][number]['priority']; firstResponseDueAt: Date }) => ({ ...row, firstResponseDueAt: new Date(row.firstResponseDueAt).toISOString() })),
      },
      caseworkerLoad: load.map((row: { id: string; displayName: string; role: string; open: number; emergencyOrUrgent: number; waiting: number }) => ({
        staff: { id: row.id, displayName: row.displayName },
        role: row.role,
        open: row.open,
        emergencyOrUrgent: row.emergencyOrUrgent,
        waiting: row.waiting,
      })),
      // Follow-ups are scheduled by the follow-up feature; until it exists there are none.
      overdueFollowUps: 0,
    };
  }
}
