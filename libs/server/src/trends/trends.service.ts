import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TrendsResponse } from '@sg/contracts';
import { LRUCache } from 'lru-cache';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { validationError } from '../http/zod-validation.pipe';
import { assembleTrends, TrendsRows } from './assemble-trends';
import { trendsRepository } from './trends.repository';
import { itemAt, isRecord } from '@sg/domain';

/** How long one window's figures are shared between callers, and how many windows are kept. */
export const TRENDS_SHARE_MS = 30_000;
const MAX_SHARED_WINDOWS = 16;

/** PostgreSQL's "time zone not recognized" (its zone list and the runtime's can differ slightly). */
const INVALID_PARAMETER_VALUE = '22023';

/**
 * The supervisor's trends over the last N days: a handful of aggregate queries (trendsRepository,
 * whose costs follow the window, not the history) in one read-only snapshot, so sections agree,
 * turned into the response by assembleTrends.
 *
 * Trends move slowly and a long window is the costliest thing a supervisor can ask for, so one
 * computation per window and zone is shared for TRENDS_SHARE_MS (`generatedAt` says when).
 */
@Injectable()
export class TrendsService {
  /**
   * lru-cache shares one computation among the callers of a window and zone while it runs (fetchMethod)
   * and keeps its result for TRENDS_SHARE_MS (ttl); a failed computation is not kept.
   */
  private readonly shared: LRUCache<string, TrendsResponse, { days: number; timeZone: string }>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.shared = new LRUCache<string, TrendsResponse, { days: number; timeZone: string }>({
      max: MAX_SHARED_WINDOWS,
      ttl: TRENDS_SHARE_MS,
      // The wall clock, which `generatedAt` reads too (lru-cache's default is performance.now()), read
      // afresh on each lookup (its default reuses a reading for 1 ms): a handful of lookups a minute.
      perf: { now: () => Date.now() },
      ttlResolution: 0,
      fetchMethod: (_key, _stale, { context }) => this.computeInSnapshot(context.days, context.timeZone),
    });
  }

  async trends(days: number, timeZone: string): Promise<TrendsResponse> {
    const result = await this.shared.fetch(`${days}|${timeZone}`, { context: { days, timeZone } });
    // fetch() answers undefined only when fetchMethod does, and computeInSnapshot never does.
    if (!result) throw new Error(`No trends for ${days} days in ${timeZone}`);
    return result;
  }

  private async computeInSnapshot(days: number, timeZone: string): Promise<TrendsResponse> {
    try {
      return await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
        await trendsRepository.readOnly(manager);
        return this.compute(manager, days, timeZone);
      });
    } catch (error) {
      const driverError: unknown = error instanceof QueryFailedError ? error.driverError : undefined;
      if (error instanceof QueryFailedError && isRecord(driverError) && driverError['code'] === INVALID_PARAMETER_VALUE && /time zone/i.test(error.message)) {
        throw validationError([{ path: 'tz', message: 'is not a time zone the database knows' }]);
      }
      throw error;
    }
  }

  private async compute(manager: EntityManager, days: number, timeZone: string): Promise<TrendsResponse> {
    const bounds = await trendsRepository.bounds(manager, timeZone, days);
    const from = itemAt(bounds.dayStarts, 0, 'the start of the trends window');
    const until = itemAt(bounds.dayStarts, bounds.dayStarts.length - 1, 'the end of the trends window');
    const rows: TrendsRows = {
      bounds,
      perDay: await trendsRepository.intakesPerDay(manager, bounds.dayStarts, from, until),
      firstResponse: await trendsRepository.firstResponse(manager, bounds.weekStarts, from, until),
      waitingPastTarget: await trendsRepository.waitingPastTarget(manager),
      takedowns: await trendsRepository.takedowns(manager, from, until),
      reports: await trendsRepository.reports(manager, from, until),
    };
    return assembleTrends({ days, timeZone, followUpTimeScale: this.config.followUpTimeScale, generatedAt: new Date() }, rows);
  }
}
