import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CASE_AGE_BANDS, QueueHealth } from '@sg/contracts';
import { PRIORITIES } from '@sg/domain';
import { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { CaseEventsService } from '../events/case-events.service';
import { queueHealthRepository } from './queue-health.repository';

/**
 * The supervisor's view, computed in the database with one query per number (queueHealthRepository:
 * each reads only the open slice of the history, so the cost follows the open workload).
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
    const db = this.dataSource;
    const [grid, pastTarget, pastTargetCount, load, overdue] = await Promise.all([
      queueHealthRepository.openByPriorityAndAge(db),
      queueHealthRepository.unassignedPastTarget(db),
      queueHealthRepository.unassignedPastTargetCount(db),
      queueHealthRepository.caseworkerLoad(db),
      queueHealthRepository.overdueFollowUpCount(db),
    ]);
    const counts = new Map<string, number>(grid.map((row) => [`${row.rank}:${row.age}`, row.count]));
    return {
      generatedAt: new Date().toISOString(),
      openByPriorityAndAge: PRIORITIES.flatMap((priority, rank) => CASE_AGE_BANDS.map((age, ageIndex) => ({ priority, age, count: counts.get(`${rank}:${ageIndex}`) ?? 0 }))),
      unassignedPastTarget: {
        count: pastTargetCount,
        cases: pastTarget.map((row) => ({ ...row, firstResponseDueAt: new Date(row.firstResponseDueAt).toISOString() })),
      },
      caseworkerLoad: load.map((row) => ({
        staff: { id: row.id, displayName: row.displayName },
        role: row.role,
        open: row.open,
        emergencyOrUrgent: row.emergencyOrUrgent,
        waiting: row.waiting,
      })),
      overdueFollowUps: overdue,
    };
  }
}
