import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { IntakeDay } from '@sg/contracts';
import { PRIORITIES, Priority, itemAt } from '@sg/domain';
import { I18n } from '../../../system/i18n/i18n';
import { TranslatePipe } from '../../../system/i18n/translate.pipe';
import { PRIORITY_LABELS } from '../../ui/labels';
import { bands, labelledIndexes, niceTicks } from '../chart-scale';
import { formatCount, formatDay } from '../trends-format';
import { hostWidth, uniqueId } from './chart-width';

const MARGIN = { top: 10, right: 8, bottom: 24, left: 52 };
const HEIGHT = 220;
/** Bottom to top: the most pressing sits on the axis, where its height is easiest to read. */
const STACK: readonly Priority[] = PRIORITIES;
const MARKS: Record<Priority, string> = { emergency: '▲', urgent: '◆', high: '●', standard: '○' };

/** Intakes per day, stacked by priority, with a legend and a one-sentence summary for screen readers. */
@Component({
  selector: 'sg-intake-chart',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './intake-chart.scss',
  template: `
    <ul class="legend" [attr.aria-label]="'staff.trends.intakeChart.legend' | t">
      @for (item of legend(); track item.priority) {
        <li>
          <span class="swatch" [class]="'swatch swatch--' + item.priority" aria-hidden="true"></span>
          <span
            ><span aria-hidden="true">{{ item.mark }} </span>{{ item.label }}</span
          >
          <span class="value">{{ item.count }}</span>
        </li>
      }
    </ul>
    <svg [attr.width]="width()" [attr.height]="height" role="img" [attr.aria-labelledby]="titleId + ' ' + descId">
      <title [attr.id]="titleId">{{ title() }}</title>
      <desc [attr.id]="descId">{{ summary() }}</desc>
      @for (tick of yTicks(); track tick.value) {
        <line class="grid" [attr.x1]="margin.left" [attr.x2]="width() - margin.right" [attr.y1]="tick.y" [attr.y2]="tick.y" />
        <text class="tick" [attr.x]="margin.left - 6" [attr.y]="tick.y + 4" text-anchor="end">{{ tick.label }}</text>
      }
      <text class="axis-title" transform="rotate(-90)" [attr.x]="-(margin.top + plotHeight / 2)" y="12" text-anchor="middle">
        {{ 'staff.trends.intakeChart.axis' | t }}
      </text>
      @for (bar of bars(); track bar.day) {
        <g class="bar">
          <title>{{ bar.title }}</title>
          <rect class="hit" [attr.x]="bar.bandX" [attr.y]="margin.top" [attr.width]="bar.bandWidth" [attr.height]="plotHeight" />
          @for (segment of bar.segments; track segment.priority) {
            <rect
              [attr.class]="'segment fill--' + segment.priority"
              [attr.x]="bar.x"
              [attr.y]="segment.y"
              [attr.width]="bar.width"
              [attr.height]="segment.height"
            />
          }
        </g>
      }
      <line class="baseline" [attr.x1]="margin.left" [attr.x2]="width() - margin.right" [attr.y1]="baselineY" [attr.y2]="baselineY" />
      @for (label of xLabels(); track label.day) {
        <text class="tick" [class.today]="label.today" [attr.x]="label.x" [attr.y]="height - 6" text-anchor="middle">{{ label.text }}</text>
      }
    </svg>
  `,
})
export class IntakeChart {
  private readonly i18n = inject(I18n);
  readonly days = input.required<IntakeDay[]>();

  protected readonly width = hostWidth(720);
  protected readonly height = HEIGHT;
  protected readonly margin = MARGIN;
  protected readonly plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  protected readonly baselineY = HEIGHT - MARGIN.bottom;
  protected readonly titleId = uniqueId('intake-chart-title');
  protected readonly descId = uniqueId('intake-chart-desc');

  private readonly ticks = computed(() => niceTicks(Math.max(0, ...this.days().map((day) => day.total))));
  private readonly plotWidth = computed(() => Math.max(40, this.width() - MARGIN.left - MARGIN.right));
  private readonly y = computed(() => {
    const top = itemAt(this.ticks(), this.ticks().length - 1, 'top tick');
    return (value: number) => this.baselineY - (value / top) * this.plotHeight;
  });

  protected readonly yTicks = computed(() => this.ticks().map((value) => ({ value, label: formatCount(value, this.i18n.translator()), y: this.y()(value) })));

  protected readonly legend = computed(() =>
    STACK.map((priority) => ({
      priority,
      mark: MARKS[priority],
      label: this.i18n.t(PRIORITY_LABELS[priority]),
      count: formatCount(
        this.days().reduce((sum, day) => sum + day.byPriority[priority], 0),
        this.i18n.translator(),
      ),
    })),
  );

  protected readonly bars = computed(() => {
    const translator = this.i18n.translator();
    const days = this.days();
    const y = this.y();
    const band = this.plotWidth() / Math.max(1, days.length);
    return bands(days.length, this.plotWidth()).map((geometry, index) => {
      const day = itemAt(days, index, 'day');
      let running = 0;
      const segments = STACK.filter((priority) => day.byPriority[priority] > 0).map((priority) => {
        const bottom = y(running);
        running += day.byPriority[priority];
        const top = y(running);
        return { priority, y: top, height: Math.max(0, bottom - top) };
      });
      const parts = STACK.filter((priority) => day.byPriority[priority] > 0).map((priority) =>
        translator.t('staff.trends.intakeChart.part', {
          n: formatCount(day.byPriority[priority], translator),
          priority: translator.t(PRIORITY_LABELS[priority]).toLowerCase(),
        }),
      );
      return {
        day: day.day,
        x: MARGIN.left + geometry.x,
        width: geometry.width,
        bandX: MARGIN.left + band * index,
        bandWidth: band,
        segments,
        title: translator.t(parts.length ? 'staff.trends.intakeChart.barWithParts' : 'staff.trends.intakeChart.bar', {
          day: formatDay(day.day, translator),
          count: day.total,
          n: formatCount(day.total, translator),
          parts: parts.join(', '),
        }),
      };
    });
  });

  protected readonly xLabels = computed(() => {
    const translator = this.i18n.translator();
    const days = this.days();
    const band = this.plotWidth() / Math.max(1, days.length);
    const geometry = bands(days.length, this.plotWidth());
    return labelledIndexes(days.length, band, 56).map((index) => {
      const day = itemAt(days, index, 'day').day;
      return {
        day,
        x: MARGIN.left + itemAt(geometry, index, 'band').centre,
        text: index === days.length - 1 ? translator.t('staff.trends.intakeChart.today') : formatDay(day, translator, days.length <= 7 ? 'short' : 'axis'),
        today: index === days.length - 1,
      };
    });
  });

  protected readonly title = computed(() => {
    const translator = this.i18n.translator();
    return translator.t('staff.trends.intakeChart.title', { count: this.days().length, n: formatCount(this.days().length, translator) });
  });

  protected readonly summary = computed(() => {
    const translator = this.i18n.translator();
    const count = (value: number) => formatCount(value, translator);
    const days = this.days();
    const total = days.reduce((sum, day) => sum + day.total, 0);
    if (!total) return translator.t('staff.trends.intakeChart.none', { count: days.length, n: count(days.length) });
    const busiest = days.reduce((best, day) => (day.total > best.total ? day : best), itemAt(days, 0, 'day'));
    const today = itemAt(days, days.length - 1, 'today');
    const empty = days.filter((day) => day.total === 0).length;
    return [
      translator.t('staff.trends.intakeChart.total', { count: total, n: count(total) }),
      translator.t('staff.trends.intakeChart.busiest', { day: formatDay(busiest.day, translator, 'long'), n: count(busiest.total) }),
      translator.t('staff.trends.intakeChart.todaySoFar', { n: count(today.total) }),
      ...(empty ? [translator.t('staff.trends.intakeChart.emptyDays', { count: empty, n: count(empty) })] : []),
      translator.t('staff.trends.intakeChart.tableBelow'),
    ].join(' ');
  });
}
