import { LiveAnnouncer } from '@angular/cdk/a11y';
import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router } from '@angular/router';
import type { CaseListItem, CaseListQuery, CaseListScope, CaseOverdueKind } from '@sg/contracts';
import { CASE_AGE_BANDS, CASE_LIST_SCOPES, CASE_OVERDUE_KINDS } from '../data-access/staff-contract';
import { CASE_STATUSES, COUNTRY_CODES, PRIORITIES, Priority, isCaseStatus, isCountryCode, isPriority } from '@sg/domain';
import { I18n } from '../../system/i18n/i18n';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { PRIORITY_KEYS, QUEUE_KEYS, STATUS_KEYS } from '../shell/staff-words';
import { countryNameIn } from './country-name';
import { EMPTY, catchError, map, merge, of, switchMap, tap } from 'rxjs';
import { AuthSession } from '../auth/auth-session';
import { CaseView } from '../case/case-view';
import { ClaimCase } from '../case/claim-case';
import { CasesApi } from '../data-access/cases-api';
import { ShortcutBus } from '../keyboard/shortcut-bus';
import { LiveUpdates } from '../live/live-updates';
import { Clock } from '../ui/clock';
import { problemMessage } from '../ui/http-errors';
import { CaseList } from './case-list';

const PAGE_SIZE = 50;
const MAX_PAGE = 200;
/** Wide enough for list and case side by side; narrower screens open the case as its own page. */
const SIDE_BY_SIDE = '(min-width: 1200px)';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Trigger = 'initial' | 'live';

@Component({
  selector: 'sg-queue-page',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatSelect, MatOption, MatButton, MatProgressBar, CaseList, CaseView, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './queue-page.html',
  styleUrl: './queue-page.scss',
})
export class QueuePage {
  private readonly api = inject(CasesApi);
  private readonly router = inject(Router);
  private readonly live = inject(LiveUpdates);
  private readonly claimer = inject(ClaimCase);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly session = inject(AuthSession);
  private readonly i18n = inject(I18n);
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

  protected readonly items = signal<CaseListItem[]>([]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadingMore = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly arrived = signal<ReadonlySet<string>>(new Set());
  protected readonly liveChange = signal(false);

  protected readonly sideBySide = toSignal(inject(BreakpointObserver).observe(SIDE_BY_SIDE).pipe(map((state) => state.matches)), {
    initialValue: true,
  });

  protected readonly queueName = computed<CaseListScope>(() => {
    const queue = this.queue();
    return (CASE_LIST_SCOPES as readonly string[]).includes(queue) ? (queue as CaseListScope) : 'unassigned';
  });
  protected readonly title = computed(() => this.i18n.t(QUEUE_KEYS[this.queueName()]));
  /** One priority, or several from queue health ("emergency,urgent"). */
  private readonly priorityList = computed(() => {
    const parts = (this.priority() ?? '').split(',').filter(Boolean);
    return parts.length && parts.every(isPriority) ? parts : [];
  });
  protected readonly query = computed<CaseListQuery>(() => ({
    queue: this.queueName(),
    priority: this.priorityList().join(',') || undefined,
    status: isCaseStatus(this.status()) ? (this.status() as CaseListQuery['status']) : undefined,
    country: isCountryCode(this.country()) ? this.country() : undefined,
    q: (this.q()?.trim().length ?? 0) >= 2 ? this.q()?.trim() : undefined,
    assignee: this.assignee() === 'none' || UUID.test(this.assignee() ?? '') ? this.assignee() : undefined,
    age: (CASE_AGE_BANDS as readonly string[]).includes(this.age() ?? '') ? (this.age() as CaseListQuery['age']) : undefined,
    overdue: (CASE_OVERDUE_KINDS as readonly string[]).includes(this.overdue() ?? '') ? (this.overdue() as CaseOverdueKind) : undefined,
  }));
  protected readonly filtered = computed(() => {
    const query = this.query();
    return !!(query.priority || query.status || query.country || query.assignee || query.age || query.overdue);
  });
  /** Filters with no control of their own, said in words above the list. */
  protected readonly filterNotes = computed(() => {
    const query = this.query();
    const notes: string[] = [];
    const t = (key: string, params?: Record<string, string>) => this.i18n.t(`staff.queues.notes.${key}`, params);
    if (query.assignee === 'none') notes.push(t('nobody'));
    else if (query.assignee) notes.push(t('one_person'));
    if (this.priorityList().length > 1) {
      const and = ` ${this.i18n.t('staff.common.and')} `;
      notes.push(t('priorities', { priorities: this.priorityList().map((p) => this.priorityWord(p as Priority)).join(and) }));
    }
    if (query.overdue) notes.push(t(query.overdue));
    return notes;
  });
  /** Search needs something to look for; without it there is nothing to ask the server. */
  protected readonly awaitingSearch = computed(() => this.queueName() === 'search' && !this.query().q);

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
    // The filter controls follow the URL (links from queue health, back and forward) ...
    effect(() => {
      const query = this.query();
      this.filters.setValue(
        { priority: this.priorityList().length === 1 ? this.priorityList()[0] : '', status: query.status ?? '', country: query.country ?? '' },
        { emitEvent: false },
      );
    });
    // ... and changing one changes the URL, which reloads the list.
    this.filters.valueChanges.pipe(takeUntilDestroyed()).subscribe((value) => {
      void this.router.navigate([], {
        queryParams: { priority: value.priority || null, status: value.status || null, country: value.country || null },
        queryParamsHandling: 'merge',
      });
    });

    toObservable(this.query)
      .pipe(
        switchMap((query) =>
          merge(of<Trigger>('initial'), this.live.refresh$.pipe(map((): Trigger => 'live'))).pipe(
            switchMap((trigger) => {
              if (query.queue === 'search' && !query.q) {
                this.loading.set(false);
                this.items.set([]);
                this.nextCursor.set(null);
                return EMPTY;
              }
              if (trigger === 'initial') {
                this.loading.set(true);
                this.problem.set(null);
              }
              // Live refresh re-reads everything on screen, including pages loaded with "Load more".
              const limit = trigger === 'live' ? Math.min(MAX_PAGE, Math.max(PAGE_SIZE, this.items().length)) : PAGE_SIZE;
              return this.api.list({ ...query, limit }).pipe(
                map((response) => ({ trigger, response })),
                catchError((error: unknown) => {
                  this.loading.set(false);
                  if (trigger === 'initial') {
                    this.items.set([]);
                    this.problem.set(problemMessage(this.i18n, error, this.i18n.t('staff.queues.load_failed')));
                  }
                  return EMPTY;
                }),
              );
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ trigger, response }) => this.apply(trigger, response.items, response.nextCursor));

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
          if (item) this.claim(item);
        }
      });
  }

  private priorityWord(priority: Priority): string {
    return this.i18n.t(PRIORITY_KEYS[priority]);
  }

  protected canSeeQueue(): boolean {
    return this.queueName() !== 'all' || this.session.hasRole('supervisor', 'admin');
  }

  protected open(item: CaseListItem): void {
    if (this.sideBySide()) {
      void this.router.navigate([], { queryParams: { caseId: item.id }, queryParamsHandling: 'merge' });
    } else {
      void this.router.navigate(['/staff/cases', item.id]);
    }
  }

  protected closeCase(): void {
    void this.router.navigate([], { queryParams: { caseId: null }, queryParamsHandling: 'merge' });
  }

  protected clearFilters(): void {
    void this.router.navigate([], { queryParams: { priority: null, status: null, country: null, assignee: null, age: null, overdue: null }, queryParamsHandling: 'merge' });
  }

  protected clearSearch(): void {
    void this.router.navigate([], { queryParams: { q: null }, queryParamsHandling: 'merge' });
  }

  protected loadMore(): void {
    const cursor = this.nextCursor();
    if (!cursor || this.loadingMore()) return;
    this.loadingMore.set(true);
    this.api
      .list({ ...this.query(), limit: PAGE_SIZE, cursor })
      .pipe(
        tap({ finalize: () => this.loadingMore.set(false) }),
        catchError((error: unknown) => {
          this.problem.set(problemMessage(this.i18n, error, this.i18n.t('staff.queues.more_failed')));
          return EMPTY;
        }),
      )
      .subscribe((response) => {
        const known = new Set(this.items().map((item) => item.id));
        this.liveChange.set(false);
        this.items.update((items) => [...items, ...response.items.filter((item) => !known.has(item.id))]);
        this.nextCursor.set(response.nextCursor);
        this.announcer.announce(this.i18n.t('staff.queues.loaded_more', { count: response.items.length }), 'polite');
      });
  }

  private claim(item: CaseListItem): void {
    this.claimer.claim(item.id, item.reference).subscribe();
  }

  private apply(trigger: Trigger, items: CaseListItem[], nextCursor: string | null): void {
    this.loading.set(false);
    if (trigger === 'live') {
      const before = new Set(this.items().map((item) => item.id));
      const arrived = items.filter((item) => !before.has(item.id));
      this.arrived.set(new Set(arrived.map((item) => item.id)));
      this.liveChange.set(true);
      if (arrived.length) {
        const cases = arrived.map((item) => `${this.priorityWord(item.priority)} ${item.reference}`).join(', ');
        this.announcer.announce(this.i18n.t('staff.queues.arrived', { count: arrived.length, queue: this.title(), cases }), 'polite');
      }
    } else {
      this.arrived.set(new Set());
      this.liveChange.set(false);
    }
    this.problem.set(null);
    this.items.set(items);
    this.nextCursor.set(nextCursor);
  }
}
