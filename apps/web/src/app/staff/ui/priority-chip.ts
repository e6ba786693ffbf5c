import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { Priority } from '@sg/domain';
import { I18n } from '../../system/i18n/i18n';
import { PRIORITY_LABELS } from './labels';

/** Priority as a word on a colour, with a shape per level: never colour alone. */
@Component({
  selector: 'sg-priority-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class]': '"chip chip--" + priority()' },
  template: `<span class="mark" aria-hidden="true">{{ mark() }}</span
    >{{ label() }}`,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      min-width: 6.5em;
      padding: 1px 8px;
      border-radius: 4px;
      font: var(--mat-sys-label-medium);
      font-weight: 600;
      white-space: nowrap;
      border: 1px solid transparent;
    }
    .mark {
      font-size: 0.8em;
      width: 1em;
      text-align: center;
    }
    :host(.chip--emergency) {
      background: var(--sg-emergency-bg);
      color: var(--sg-emergency-fg);
    }
    :host(.chip--urgent) {
      background: var(--sg-urgent-bg);
      color: var(--sg-urgent-fg);
    }
    :host(.chip--high) {
      background: var(--sg-high-bg);
      color: var(--sg-high-fg);
    }
    :host(.chip--standard) {
      background: var(--sg-standard-bg);
      color: var(--sg-standard-fg);
    }
  `,
})
export class PriorityChip {
  private readonly i18n = inject(I18n);
  readonly priority = input.required<Priority>();
  protected readonly label = computed(() => this.i18n.t(PRIORITY_LABELS[this.priority()]));
  protected readonly mark = computed(() => ({ emergency: '▲', urgent: '◆', high: '●', standard: '○' })[this.priority()]);
}
