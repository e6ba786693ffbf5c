import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import type { CaseListItem } from '@sg/contracts';
import { CASE_STATUSES, COUNTRY_CODES, PRIORITIES } from '@sg/domain';
import { map } from 'rxjs';
import { I18n } from '../../system/i18n/i18n';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { CaseView } from '../case/case-view';
import { ShortcutBus } from '../keyboard/shortcut-bus';
import { PRIORITY_KEYS, STATUS_KEYS } from '../shell/staff-words';
import { Clock } from '../ui/clock';
import { CaseList } from './case-list';
import { countryNameIn } from './country-name';
import { QueueStore } from './queue-store';

/** Wide enough for list and case side by side; narrower screens open the case as its own page. */
const SIDE_BY_SIDE = '(min-width: 1200px)';

/** A queue of cases: its state lives in the QueueStore; the page binds the address, the filters and the keyboard to it. */
@Component({
  selector: 'sg-queue-page',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatSelect, MatOption, MatButton, MatProgressBar, CaseList, CaseView, TranslatePipe],
  providers: [QueueStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './queue-page.html',
  styleUrl: './queue-page.scss',
})
export class QueuePage {
  private readonly i18n = inject(I18n);
  protected readonly store = inject(QueueStore);
  protected readonly clock = inject(Clock);

  // Route parameter and query parameters (bound by the router).
  readonly queue = input<string>('unassigned');
  readonly priority = input<string>();
  readonly status = input<string>();
  readonly country = input<string>();
  readonly q = input<string>();
  /** From queue health's load list: one person's cases (`none`: nobody's). */
  readonly assignee = input<string>();
  /** From queue health's grid: time since intake. */
  readonly age = input<string>();
  /** From queue health's numbers: only cases late for their first response, or with a late follow-up. */
  readonly overdue = input<string>();
  /** The case open beside the list (`?caseId=`). */
  readonly caseId = input<string>();

  private readonly list = viewChild(CaseList);

  protected readonly sideBySide = toSignal(
    inject(BreakpointObserver)
      .observe(SIDE_BY_SIDE)
      .pipe(map((state) => state.matches)),
    {
      initialValue: true,
    },
  );

  /** Labels are catalogue keys (said with `| t`). */
  protected readonly priorities = PRIORITIES.map((value) => ({ value, label: PRIORITY_KEYS[value] }));
  protected readonly statuses = CASE_STATUSES.map((value) => ({ value, label: STATUS_KEYS[value] }));
  /** Country names in the reader's language, in that language's alphabetical order. */
  protected readonly countries = computed(() => {
    const language = this.i18n.language();
    return [...COUNTRY_CODES].map((code) => ({ value: code, label: countryNameIn(language, code) })).sort((a, b) => a.label.localeCompare(b.label, language));
  });

  protected readonly filters = inject(FormBuilder).nonNullable.group({ priority: '', status: '', country: '' });

  constructor() {
    effect(() =>
      this.store.follow({
        queue: this.queue(),
        priority: this.priority(),
        status: this.status(),
        country: this.country(),
        q: this.q(),
        assignee: this.assignee(),
        age: this.age(),
        overdue: this.overdue(),
      }),
    );
    effect(() => this.store.selectedId.set(this.caseId() ?? null));
    // The filter controls follow the URL (links from queue health, back and forward) ...
    effect(() => {
      const query = this.store.query();
      const priorities = this.store.priorityList();
      this.filters.setValue(
        { priority: priorities.length === 1 ? (priorities[0] ?? '') : '', status: query.status ?? '', country: query.country ?? '' },
        { emitEvent: false },
      );
    });
    // ... and changing one changes the URL, which reloads the list.
    this.filters.valueChanges.pipe(takeUntilDestroyed()).subscribe((value) => this.store.setFilters(value));

    inject(ShortcutBus)
      .commands$.pipe(takeUntilDestroyed())
      .subscribe((command) => {
        const list = this.list();
        if (!list) return;
        if (command === 'next') list.move(1);
        else if (command === 'previous') list.move(-1);
        else if (command === 'open') {
          const item = list.activeItem();
          if (item) this.open(item);
        } else if (command === 'claim' && list.hasFocus()) {
          const item = list.activeItem();
          if (item) this.store.claim(item);
        }
      });
  }

  protected open(item: CaseListItem): void {
    this.store.open(item, this.sideBySide());
  }
}
