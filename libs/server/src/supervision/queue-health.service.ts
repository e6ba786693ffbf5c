import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CASE_AGE_BANDS, QueueHealth } from '@sg/contracts';
import { PRIORITIES } from '@sg/domain';
import { LRUCache } from 'lru-cache';
import { Subscription } from 'rxjs';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { CaseEventsService } from '../events/case-events.service';
import { queueHealthRepository } from './queue-health.repository';

/** The one key of the cache below: there is one queue health per process. */
const KEY = 'health';
/** While a refresh runs, a result up to this many times QUEUE_HEALTH_CACHE_MS old is still served. */
const STALE_FACTOR = 5;

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
  /**
   * lru-cache shares a running computation among its callers (fetchMethod) and forgets a result
   * STALE_FACTOR times QUEUE_HEALTH_CACHE_MS old (ttl); a failed refresh keeps the previous result.
   */
  private readonly cache: LRUCache<typeof KEY, QueueHealth>;
  /** The computation running or last run: the next one starts after it (one at a time). */
  private running: Promise<unknown> = Promise.resolve();
  private readonly subscription: Subscription;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    events: CaseEventsService,
  ) {
    this.cache = new LRUCache<typeof KEY, QueueHealth>({
      max: 1,
      // 0 (sharing off) is lru-cache's "no ttl": health() then refreshes on every call.
      ttl: config.queueHealthCacheMs * STALE_FACTOR,
      // The wall clock, which `generatedAt` reads too, read afresh on each lookup (see health()).
      perf: { now: () => Date.now() },
      ttlResolution: 0,
      // A computation that a case change overtook (invalidate) still answers those who asked before it.
      ignoreFetchAbort: true,
      noDeleteOnFetchRejection: true,
      fetchMethod: () => {
        const computation = this.running.catch(() => undefined).then(() => this.compute());
        this.running = computation;
        return computation;
      },
    });
    this.subscription = events.changes$.subscribe(() => this.invalidate());
  }

  onModuleDestroy(): void {
    this.subscription.unsubscribe();
  }

  /**
   * Something changed: the shared result no longer answers anyone. Deleting it also detaches a
   * computation that is running: its callers still get it, later ones wait for a new one.
   */
  invalidate(): void {
    this.cache.delete(KEY);
  }

  async health(): Promise<QueueHealth> {
    const shareMs = this.config.queueHealthCacheMs;
    // The last result (also while a refresh runs), unless a change deleted it or the ttl did.
    const latest = this.cache.peek(KEY);
    const age = latest ? Date.now() - Date.parse(latest.generatedAt) : Infinity;
    if (latest && age < shareMs) return latest;
    // A refresh already running is shared rather than started again.
    const refresh = this.cache.fetch(KEY, { forceRefresh: true });
    // Past its age but recent enough (and nothing changed since): answer at once, refresh behind.
    // (Checked here too: with sharing off there is no ttl, and nothing is served old.)
    if (latest && age < shareMs * STALE_FACTOR) {
      refresh.catch(() => undefined);
      return latest;
    }
    const value = await refresh;
    // fetch() answers undefined only when fetchMethod does, and compute() never does.
    if (!value) throw new Error('The queue health computation gave no result');
    return value;
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
      openByPriorityAndAge: PRIORITIES.flatMap((priority, rank) =>
        CASE_AGE_BANDS.map((age, ageIndex) => ({ priority, age, count: counts.get(`${rank}:${ageIndex}`) ?? 0 })),
      ),
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
