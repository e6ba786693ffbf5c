import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TrendsResponse } from '@sg/contracts';
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
  private readonly shared = new Map<string, { at: number; result: Promise<TrendsResponse> }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  trends(days: number, timeZone: string): Promise<TrendsResponse> {
    const key = `${days}|${timeZone}`;
    const entry = this.shared.get(key);
    if (entry && Date.now() - entry.at < TRENDS_SHARE_MS) return entry.result;
    const result = this.computeInSnapshot(days, timeZone);
    // Newest last, so the first key is the one to forget when too many windows are held.
    this.shared.delete(key);
    this.shared.set(key, { at: Date.now(), result });
    const oldest = this.shared.keys().next();
    if (this.shared.size > MAX_SHARED_WINDOWS && !oldest.done) this.shared.delete(oldest.value);
    result.catch(() => {
      if (this.shared.get(key)?.result === result) this.shared.delete(key);
    });
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
