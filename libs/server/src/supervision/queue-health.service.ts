import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CASE_AGE_BANDS, QueueHealth } from '@sg/contracts';
import { PRIORITIES } from '@sg/domain';
import { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { CaseEventsService } from '../events/case-events.service';

/**
 * The supervisor's view, computed in the database with one query per number. Open cases are a
 * small slice of a long history, and each query reads only that slice through a partial index
 * (see the case-work migration), so the cost follows the open workload, not the archive.
 *
 * Many supervisors refreshing at once would each pay for the same counts, so the result is
 * shared: callers within QUEUE_HEALTH_CACHE_MS get the last result (its `generatedAt` says
 * when), at most one computation runs at a time, and while it runs callers get the previous
 * result if it is no older than five times that. Any case change (from any API process or the
 * worker, through LISTEN/NOTIFY) makes the shared result stale at once: the next caller waits
 * for numbers computed after the change, so a supervisor who just assigned a case never sees it
 * still listed as unassigned.
 */
@Injectable()
export class QueueHealthService implements OnModuleDestroy {
  private latest: { at: number; generation: number; value: QueueHealth } | undefined;
  private inFlight: { generation: number; promise: Promise<QueueHealth> } | undefined;
  /** Bumped by every case change; a result computed in an older generation is not served. */
  private generation = 0;
  private readonly subscription: Subscription;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    events: CaseEventsService,
  ) {
    this.subscription = events.changes$.subscribe(() => this.invalidate());
  }

  onModuleDestroy(): void {
    this.subscription.unsubscribe();
  }

  /** Something changed: the shared result no longer answers anyone. */
  invalidate(): void {
    this.generation += 1;
  }

  async health(): Promise<QueueHealth> {
    const latest = this.latest?.generation === this.generation ? this.latest : undefined;
    if (latest && Date.now() - latest.at < this.config.queueHealthCacheMs) return latest.value;
    const refresh = this.refresh();
    // Past its age but recent enough (and nothing changed since): answer at once, refresh behind.
    if (latest && Date.now() - latest.at < this.config.queueHealthCacheMs * 5) {
      refresh.catch(() => undefined);
      return latest.value;
    }
    return refresh;
  }

  /** One computation at a time; one started before the latest change is followed by a fresh one. */
  private refresh(): Promise<QueueHealth> {
    const generation = this.generation;
    if (this.inFlight?.generation === generation) return this.inFlight.promise;
    const previous = this.inFlight?.promise.catch(() => undefined) ?? Promise.resolve();
    const promise = previous
      .then(() => this.compute())
      .then((value) => {
        this.latest = { at: Date.now(), generation, value };
        return value;
      })
      .finally(() => {
        if (this.inFlight?.promise === promise) this.inFlight = undefined;
      });
    this.inFlight = { generation, promise };
    return promise;
  }

  private async compute(): Promise<QueueHealth> {
    const [grid, pastTarget, pastTargetCount, load, overdue] = await Promise.all([
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
          ORDER BY priority_rank, first_response_due_at LIMIT 50`,
      ),
      this.dataSource.query(
        `SELECT count(*)::int AS count FROM support_case
          WHERE assignee_id IS NULL AND status IN ('new', 'in_progress', 'waiting') AND first_responded_at IS NULL AND first_response_due_at < now()`,
      ),
      this.dataSource.query(
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
      ),
      // Past due on open cases: fired and nobody has marked them done yet, or still scheduled past
      // their time (the worker was down). The same follow-ups put a case in the Overdue queue.
      this.dataSource.query(
        `SELECT count(*)::int AS count FROM follow_up f JOIN support_case c ON c.id = f.case_id
          WHERE c.status IN ('new', 'in_progress', 'waiting') AND (f.status = 'fired' OR (f.status = 'scheduled' AND f.due_at < now()))`,
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
      overdueFollowUps: overdue[0].count,
    };
  }
}
