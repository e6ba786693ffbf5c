import { AnimationCallbackEvent, ChangeDetectionStrategy, Component, ElementRef, computed, inject, input, output, signal, viewChildren } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { CaseListItem } from '@sg/contracts';
import { AGE_BANDS, itemAt, isOneOf } from '@sg/domain';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { AGE_BAND_KEYS } from '../shell/staff-words';
import { countryNameIn } from './country-name';
import { I18n } from '../../system/i18n/i18n';
import { PriorityChip } from '../ui/priority-chip';
import { deadlineCountdown, firstResponseCountdown } from './countdown';

/**
 * The rows of a queue. Each row is one link (to the case page, so it opens in a new tab too);
 * `j`/`k` move the highlight and focus with it. New rows slide in; rows that leave slide out.
 */
@Component({
  selector: 'sg-case-list',
  imports: [RouterLink, PriorityChip, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './case-list.html',
  styleUrl: './case-list.scss',
  host: { class: 'sg-case-list' },
})
export class CaseList {
  readonly items = input.required<readonly CaseListItem[]>();
  readonly now = input.required<number>();
  readonly selectedId = input<string | null>(null);
  /** Rows that arrived since the list was first shown (they slide in). */
  readonly arrived = input<ReadonlySet<string>>(new Set());
  /** True while the list changes live (rows leave with a slide); false for a new search or filter. */
  readonly animateChanges = input(false);
  readonly opened = output<{ item: CaseListItem; event: MouseEvent | null }>();

  private readonly i18n = inject(I18n);
  private readonly links = viewChildren<ElementRef<HTMLAnchorElement>>('rowLink');
  private readonly activeId = signal<string | null>(null);

  protected readonly rows = computed(() =>
    this.items().map((item) => ({
      item,
      who: `${this.ageBand(item.ageBand)} · ${countryNameIn(this.i18n.language(), item.country)}`,
      // By the factor's key, so rows stored when labels were English sentences are translated too.
      why: this.i18n.t(item.triageFactors[0] ? `staff.factors.${item.triageFactors[0].key}` : 'staff.queues.list.no_factor'),
      countdown: firstResponseCountdown(item.firstResponseDueAt, item.firstRespondedAt, this.now()),
      deadline: deadlineCountdown(item.deadlineAt, this.now()),
    })),
  );
  protected readonly activeIndex = computed(() => {
    const id = this.activeId();
    return id ? this.items().findIndex((item) => item.id === id) : -1;
  });

  /** Intake facts come back as strings: known codes get their words, anything else shows as is. */
  private ageBand(code: string | null | undefined): string {
    if (!code) return this.i18n.t('staff.common.not_given');
    return isOneOf(AGE_BANDS, code) ? this.i18n.t(AGE_BAND_KEYS[code]) : code;
  }

  /** The highlighted row, if any (the target of Enter and `c`). */
  activeItem(): CaseListItem | null {
    const index = this.activeIndex();
    return this.items()[index] ?? null;
  }

  /** `j` / `k`: move the highlight and keyboard focus one row. */
  move(delta: 1 | -1): void {
    const items = this.items();
    if (!items.length) return;
    const current = this.activeIndex();
    const next = current < 0 ? (delta > 0 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, current + delta));
    this.activeId.set(itemAt(items, next, 'case row').id);
    this.links()[next]?.nativeElement.focus();
  }

  /** True when keyboard focus is on one of the rows. */
  hasFocus(): boolean {
    const active = typeof document !== 'undefined' ? document.activeElement : null;
    return this.links().some((link) => link.nativeElement === active);
  }

  /** A row leaves (claimed by someone, moved queue): slide it out when the change was live. */
  protected leave(event: AnimationCallbackEvent): void {
    const element = event.target;
    const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    if (!this.animateChanges() || reduced) {
      complete(event);
      return;
    }
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      complete(event);
    };
    element.classList.add('row--leaving');
    element.addEventListener('animationend', finish, { once: true });
    setTimeout(finish, 400);
  }

  protected onFocus(item: CaseListItem): void {
    this.activeId.set(item.id);
  }

  protected onClick(item: CaseListItem, event: MouseEvent): void {
    // New tab / window: let the browser follow the link.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    this.activeId.set(item.id);
    this.opened.emit({ item, event });
  }
}

/** Tells Angular the leave animation is over (it types the callback `Function`). */
function complete(event: AnimationCallbackEvent): void {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-call -- Angular declares animationComplete as `Function`; it takes no arguments.
  event.animationComplete();
}
