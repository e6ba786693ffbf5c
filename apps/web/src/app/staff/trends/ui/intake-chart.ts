import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { IntakeDay } from '@sg/contracts';
import { PRIORITIES, Priority } from '@sg/domain';
import { PRIORITY_LABELS } from '../../ui/labels';
import { bands, labelledIndexes, niceTicks } from '../chart-scale';
import { formatDay, plural } from '../trends-format';
import { hostWidth, uniqueId } from './chart-width';
import { I18n } from '../../../system/i18n/i18n';

const MARGIN = { top: 10, right: 8, bottom: 24, left: 52 };
const HEIGHT = 220;
/** Bottom to top: the most pressing sits on the axis, where its height is easiest to read. */
const STACK: readonly Priority[] = PRIORITIES;
const MARKS: Record<Priority, string> = { emergency: '▲', urgent: '◆', high: '●', standard: '○' };

/** Intakes per day, stacked by priority, with a legend and a one-sentence summary for screen readers. */
@Component({
  selector: 'sg-intake-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './intake-chart.scss',
  template: `
    <ul class="legend" aria-label="Priorities, with intakes in the period">
      @for (item of legend(); track item.priority) {
        <li>
          <span class="swatch" [class]="'swatch swatch--' + item.priority" aria-hidden="true"></span>
          <span><span aria-hidden="true">{{ item.mark }} </span>{{ item.label }}</span>
          <span class="value">{{ item.count }}</span>
        </li>
      }
    </ul>
    <svg [attr.width]="width()" [attr.height]="height" role="img" [attr.aria-labelledby]="titleId + ' ' + descId">
      <title [attr.id]="titleId">{{ title() }}</title>
      <desc [attr.id]="descId">{{ summary() }}</desc>
      @for (tick of yTicks(); track tick.value) {
        <line class="grid" [attr.x1]="margin.left" [attr.x2]="width() - margin.right" [attr.y1]="tick.y" [attr.y2]="tick.y" />
        <text class="tick" [attr.x]="margin.left - 6" [attr.y]="tick.y + 4" text-anchor="end">{{ tick.value }}</text>
      }
      <text class="axis-title" transform="rotate(-90)" [attr.x]="-(margin.top + plotHeight / 2)" y="12" text-anchor="middle">Intakes</text>
      @for (bar of bars(); track bar.day) {
        <g class="bar">
          <title>{{ bar.title }}</title>
          <rect class="hit" [attr.x]="bar.bandX" [attr.y]="margin.top" [attr.width]="bar.bandWidth" [attr.height]="plotHeight" />
          @for (segment of bar.segments; track segment.priority) {
            <rect [attr.class]="'segment fill--' + segment.priority" [attr.x]="bar.x" [attr.y]="segment.y" [attr.width]="bar.width" [attr.height]="segment.height" />
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
    const top = this.ticks()[this.ticks().length - 1];
    return (value: number) => this.baselineY - (value / top) * this.plotHeight;
  });

  protected readonly yTicks = computed(() => this.ticks().map((value) => ({ value, y: this.y()(value) })));

  protected readonly legend = computed(() =>
    STACK.map((priority) => ({ priority, mark: MARKS[priority], label: this.i18n.t(PRIORITY_LABELS[priority]), count: this.days().reduce((sum, day) => sum + day.byPriority[priority], 0) })),
  );

  protected readonly bars = computed(() => {
    const days = this.days();
    const y = this.y();
    const band = this.plotWidth() / Math.max(1, days.length);
    return bands(days.length, this.plotWidth()).map((geometry, index) => {
      const day = days[index];
      let running = 0;
      const segments = STACK.filter((priority) => day.byPriority[priority] > 0).map((priority) => {
        const bottom = y(running);
        running += day.byPriority[priority];
        const top = y(running);
        return { priority, y: top, height: Math.max(0, bottom - top) };
      });
      const parts = STACK.filter((priority) => day.byPriority[priority] > 0).map((priority) => `${day.byPriority[priority]} ${this.i18n.t(PRIORITY_LABELS[priority]).toLowerCase()}`);
      return {
        day: day.day,
        x: MARGIN.left + geometry.x,
        width: geometry.width,
        bandX: MARGIN.left + band * index,
        bandWidth: band,
        segments,
        title: `${formatDay(day.day)}: ${plural(day.total, 'intake')}${parts.length ? ` (${parts.join(', ')})` : ''}`,
      };
    });
  });

  protected readonly xLabels = computed(() => {
    const days = this.days();
    const band = this.plotWidth() / Math.max(1, days.length);
    const geometry = bands(days.length, this.plotWidth());
    return labelledIndexes(days.length, band, 56).map((index) => ({
      day: days[index].day,
      x: MARGIN.left + geometry[index].centre,
      text: index === days.length - 1 ? 'Today' : formatDay(days[index].day, days.length <= 7 ? 'short' : 'axis'),
      today: index === days.length - 1,
    }));
  });

  protected readonly title = computed(() => `Intakes per day over the last ${plural(this.days().length, 'day')}, by priority`);

  protected readonly summary = computed(() => {
    const days = this.days();
    const total = days.reduce((sum, day) => sum + day.total, 0);
    if (!total) return `No intakes in these ${plural(days.length, 'day')}.`;
    const busiest = days.reduce((best, day) => (day.total > best.total ? day : best), days[0]);
    const today = days[days.length - 1];
    const empty = days.filter((day) => day.total === 0).length;
    return `${plural(total, 'intake')} in total. Busiest day ${formatDay(busiest.day, 'long')} with ${busiest.total}. Today so far ${today.total}.${empty ? ` ${plural(empty, 'day')} with none.` : ''} The numbers are in the table below the chart.`;
  });
}
