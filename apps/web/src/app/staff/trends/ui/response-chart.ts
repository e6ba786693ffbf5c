import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { FirstResponseWeek } from '@sg/contracts';
import type { Priority } from '@sg/domain';
import { I18n } from '../../../system/i18n/i18n';
import { PRIORITY_LABELS } from '../../ui/labels';
import { bands, labelledIndexes } from '../chart-scale';
import { formatCount, formatDay, formatSeconds, formatShare } from '../trends-format';
import { hostWidth, uniqueId } from './chart-width';
import { itemAt } from '@sg/domain';

const MARGIN = { top: 8, right: 8, bottom: 22, left: 60 };
const HEIGHT = 132;

/**
 * One priority's time to first response, week by week: the median as a bar, the 90th percentile
 * as a tick above it, the target as a dashed line. Each priority gets its own scale, because a
 * 15-minute target and a 48-hour one cannot share an axis.
 */
@Component({
  selector: 'sg-response-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './response-chart.scss',
  template: `
    <svg [attr.width]="width()" [attr.height]="height" role="img" [attr.aria-labelledby]="titleId + ' ' + descId">
      <title [attr.id]="titleId">{{ title() }}</title>
      <desc [attr.id]="descId">{{ summary() }}</desc>
      @for (tick of yTicks(); track tick.label) {
        <line class="grid" [attr.x1]="margin.left" [attr.x2]="width() - margin.right" [attr.y1]="tick.y" [attr.y2]="tick.y" />
        <text class="tick" [class.target-label]="tick.target" [attr.x]="margin.left - 6" [attr.y]="tick.y + 4" text-anchor="end">{{ tick.label }}</text>
      }
      @for (bar of bars(); track bar.weekStart) {
        <g>
          <title>{{ bar.title }}</title>
          @if (bar.medianY !== null) {
            <rect
              [attr.class]="'median fill--' + priority()"
              [attr.x]="bar.x"
              [attr.y]="bar.medianY"
              [attr.width]="bar.width"
              [attr.height]="baselineY - bar.medianY"
            />
          } @else {
            <rect class="none" [attr.x]="bar.x" [attr.y]="baselineY - 2" [attr.width]="bar.width" height="2" />
          }
          @if (bar.p90Y !== null) {
            <line class="p90" [attr.x1]="bar.x - 2" [attr.x2]="bar.x + bar.width + 2" [attr.y1]="bar.p90Y" [attr.y2]="bar.p90Y" />
          }
        </g>
      }
      <line class="target" [attr.x1]="margin.left" [attr.x2]="width() - margin.right" [attr.y1]="targetY()" [attr.y2]="targetY()" />
      <line class="baseline" [attr.x1]="margin.left" [attr.x2]="width() - margin.right" [attr.y1]="baselineY" [attr.y2]="baselineY" />
      @for (label of xLabels(); track label.text) {
        <text class="tick" [attr.x]="label.x" [attr.y]="height - 6" text-anchor="middle">{{ label.text }}</text>
      }
    </svg>
  `,
})
export class ResponseChart {
  private readonly i18n = inject(I18n);
  readonly priority = input.required<Priority>();
  readonly weeks = input.required<FirstResponseWeek[]>();
  readonly targetSeconds = input.required<number>();

  protected readonly width = hostWidth(300);
  protected readonly height = HEIGHT;
  protected readonly margin = MARGIN;
  protected readonly baselineY = HEIGHT - MARGIN.bottom;
  protected readonly titleId = uniqueId('response-chart-title');
  protected readonly descId = uniqueId('response-chart-desc');
  private readonly plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  private readonly plotWidth = computed(() => Math.max(40, this.width() - MARGIN.left - MARGIN.right));

  /** Room above the target line even when every week is well inside it. */
  private readonly top = computed(
    () => Math.max(this.targetSeconds() * 1.5, ...this.weeks().map((week) => Math.max(week.medianSeconds ?? 0, week.p90Seconds ?? 0))) * 1.05,
  );
  private readonly y = computed(() => {
    const top = this.top();
    return (seconds: number) => this.baselineY - (Math.min(seconds, top) / top) * this.plotHeight;
  });
  protected readonly targetY = computed(() => this.y()(this.targetSeconds()));

  protected readonly yTicks = computed(() => [
    { label: formatCount(0, this.i18n.translator()), y: this.baselineY, target: false },
    { label: formatSeconds(this.targetSeconds(), this.i18n.translator()), y: this.targetY(), target: true },
    // The top of the scale, unless it would crowd the target's label.
    ...(this.targetY() - MARGIN.top > 16 ? [{ label: formatSeconds(this.top(), this.i18n.translator()), y: MARGIN.top, target: false }] : []),
  ]);

  protected readonly bars = computed(() => {
    const translator = this.i18n.translator();
    const weeks = this.weeks();
    const y = this.y();
    return bands(weeks.length, this.plotWidth(), 0.6).map((geometry, index) => {
      const week = itemAt(weeks, index, 'week');
      const detail =
        week.responded === 0
          ? translator.t('staff.trends.responseChart.noResponses')
          : translator.t('staff.trends.responseChart.detail', {
              median: formatSeconds(week.medianSeconds, translator),
              p90: formatSeconds(week.p90Seconds, translator),
              share: formatShare(week.attainment, translator),
              count: week.responded,
              n: formatCount(week.responded, translator),
            });
      return {
        weekStart: week.weekStart,
        x: MARGIN.left + geometry.x,
        width: geometry.width,
        medianY: week.medianSeconds === null ? null : y(week.medianSeconds),
        p90Y: week.p90Seconds === null ? null : y(week.p90Seconds),
        title: translator.t('staff.trends.responseChart.week', { day: formatDay(week.weekStart, translator), detail }),
      };
    });
  });

  protected readonly xLabels = computed(() => {
    const weeks = this.weeks();
    const band = this.plotWidth() / Math.max(1, weeks.length);
    const geometry = bands(weeks.length, this.plotWidth(), 0.6);
    return labelledIndexes(weeks.length, band, 60).map((index) => ({
      x: MARGIN.left + itemAt(geometry, index, 'band').centre,
      text: formatDay(itemAt(weeks, index, 'week').weekStart, this.i18n.translator(), 'axis'),
    }));
  });

  protected readonly title = computed(() =>
    this.i18n.t('staff.trends.responseChart.title', {
      priority: this.i18n.t(PRIORITY_LABELS[this.priority()]),
      target: formatSeconds(this.targetSeconds(), this.i18n.translator()),
    }),
  );

  protected readonly summary = computed(() => {
    const translator = this.i18n.translator();
    const answered = this.weeks().filter((week) => week.medianSeconds !== null);
    if (!answered.length) return translator.t('staff.trends.responseChart.noneInPeriod');
    const medians = answered.flatMap((week) => (week.medianSeconds === null ? [] : [week.medianSeconds]));
    const over = medians.filter((median) => median > this.targetSeconds()).length;
    return translator.t('staff.trends.responseChart.summary', {
      from: formatSeconds(Math.min(...medians), translator),
      to: formatSeconds(Math.max(...medians), translator),
      over,
      n: formatCount(over, translator),
    });
  });
}
