import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router, RouterLink } from '@angular/router';
import type { FirstResponseWeek, TrendsResponse } from '@sg/contracts';
import { PRIORITIES, Priority } from '@sg/domain';
import { EMPTY, catchError, finalize, interval, startWith, switchMap, tap } from 'rxjs';
import { I18n } from '../../system/i18n/i18n';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { WhenPipe } from '../ui/when';
import { problemMessage } from '../ui/http-errors';
import { PRIORITY_LABELS, REPORT_AGENCY_KIND_LABELS } from '../ui/labels';
import { PriorityChip } from '../ui/priority-chip';
import { TREND_WINDOWS, TrendWindow, TrendsApi } from './data-access/trends-api';
import { DayStyle, formatCount, formatDay, formatSeconds, formatShare } from './trends-format';
import { IntakeChart } from './ui/intake-chart';
import { ResponseChart } from './ui/response-chart';
import { PlatformPipe } from '../ui/platform-pipe';
import { DownloadsApi } from '../data-access/downloads-api';
import { saveDownload } from '../ui/save-download';

/** Trends move slowly; the page looks again every few minutes while it is open. */
const REFRESH_MS = 5 * 60_000;

/**
 * Supervisors: how the service has done over the last 7, 30 or 90 days. Charts where the point
 * is comparing over time, tables where the numbers are worked with; every chart has its numbers
 * as a table too. Numbers that match a queue open it.
 */
@Component({
  selector: 'sg-trends-page',
  imports: [
    PlatformPipe,
    RouterLink,
    WhenPipe,
    TranslatePipe,
    MatButton,
    MatButtonToggleGroup,
    MatButtonToggle,
    MatProgressBar,
    PriorityChip,
    IntakeChart,
    ResponseChart,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './trends-page.html',
  styleUrl: './trends-page.scss',
})
export class TrendsPage {
  private readonly api = inject(TrendsApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  private readonly downloads = inject(DownloadsApi);

  /** `?days=` (bound by the router); anything but an offered window reads as 30. */
  readonly days = input<string>();

  protected readonly windows = TREND_WINDOWS;
  protected readonly window = computed<TrendWindow>(() => TREND_WINDOWS.find((days) => String(days) === this.days()) ?? 30);
  protected readonly trends = signal<TrendsResponse | null>(null);
  protected readonly loading = signal(true);
  protected readonly problem = signal<string | null>(null);
  protected readonly showIntakeNumbers = signal(false);
  protected readonly showWeeklyNumbers = signal(false);
  protected readonly downloading = signal(false);
  protected readonly downloadProblem = signal<string | null>(null);

  protected readonly priorities = PRIORITIES;
  protected readonly priorityLabels = PRIORITY_LABELS;
  protected readonly agencyLabels = REPORT_AGENCY_KIND_LABELS;
  /** Numbers, durations, shares and days in the reader's language (read through the signal, so they follow a change). */
  protected readonly n = (value: number) => formatCount(value, this.i18n.translator());
  protected readonly formatSeconds = (seconds: number | null) => formatSeconds(seconds, this.i18n.translator());
  protected readonly formatShare = (share: number | null) => formatShare(share, this.i18n.translator());
  protected readonly formatDay = (day: string, style?: DayStyle) => formatDay(day, this.i18n.translator(), style);

  protected readonly today = computed(() => this.trends()?.intakes.perDay.at(-1)?.total ?? 0);
  /** Within target over every priority: the one number a supervisor reports upwards. */
  protected readonly attainment = computed(() => {
    const rows = this.trends()?.firstResponse.byPriority ?? [];
    const within = rows.reduce((sum, row) => sum + row.withinTarget, 0);
    const decided = rows.reduce((sum, row) => sum + row.withinTarget + row.missed, 0);
    return { within, decided, share: decided ? within / decided : null };
  });
  protected readonly waitingNow = computed(() => {
    const waiting = this.trends()?.firstResponse.waitingPastTargetNow;
    return waiting ? PRIORITIES.reduce((sum, priority) => sum + waiting[priority], 0) : 0;
  });
  protected readonly weeksByPriority = computed(() => {
    const weekly = this.trends()?.firstResponse.weekly ?? [];
    return new Map<Priority, FirstResponseWeek[]>(PRIORITIES.map((priority) => [priority, weekly.filter((week) => week.priority === priority)]));
  });
  protected readonly weekStarts = computed(() => [...new Set((this.trends()?.firstResponse.weekly ?? []).map((week) => week.weekStart))]);

  constructor() {
    toObservable(this.window)
      .pipe(
        switchMap((days) =>
          interval(REFRESH_MS).pipe(
            startWith(0),
            tap(() => this.loading.set(true)),
            switchMap(() =>
              this.api.trends(days).pipe(
                catchError((error: unknown) => {
                  this.problem.set(problemMessage(this.i18n, error, this.i18n.t('staff.trends.loadFailed')));
                  return EMPTY;
                }),
                finalize(() => this.loading.set(false)),
              ),
            ),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((trends) => {
        this.problem.set(null);
        this.trends.set(trends);
      });
  }

  /** The funders' CSV (last 12 months, aggregates only, small cells suppressed by the server). */
  protected downloadFundersCsv(): void {
    this.downloadProblem.set(null);
    this.downloading.set(true);
    this.downloads
      .fundersCsv()
      .pipe(finalize(() => this.downloading.set(false)))
      .subscribe({
        next: (response) => saveDownload(response, 'funders.csv'),
        error: (error: unknown) => this.downloadProblem.set(this.i18n.t('staff.trends.fundersCsv.failed', { reason: problemMessage(this.i18n, error) })),
      });
  }

  protected choose(days: TrendWindow): void {
    void this.router.navigate([], { queryParams: { days }, queryParamsHandling: 'merge', replaceUrl: true });
  }

  protected week(priority: Priority, weekStart: string): FirstResponseWeek | undefined {
    return this.weeksByPriority()
      .get(priority)
      ?.find((week) => week.weekStart === weekStart);
  }
}
