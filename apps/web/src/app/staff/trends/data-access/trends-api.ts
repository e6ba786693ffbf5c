import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { API_PREFIX, API_ROUTES, TREND_WINDOW_DAYS, TrendsResponse } from '@sg/contracts';
import { Observable } from 'rxjs';

/** The contract's route, typed against it (the contracts library is not loaded at run time). */
export const TRENDS_PATH: `/${typeof API_PREFIX}/${(typeof API_ROUTES)['trends']}` = '/api/trends';

/** The windows the page offers: the contract's list. */
export const TREND_WINDOWS: typeof TREND_WINDOW_DAYS = [7, 30, 90];
export type TrendWindow = (typeof TREND_WINDOWS)[number];

/** The browser's own zone, so "today" and the weeks are the supervisor's. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

@Injectable()
export class TrendsApi {
  private readonly http = inject(HttpClient);

  trends(days: number, timeZone = browserTimeZone()): Observable<TrendsResponse> {
    return this.http.get<TrendsResponse>(TRENDS_PATH, { params: { days, tz: timeZone } });
  }
}
