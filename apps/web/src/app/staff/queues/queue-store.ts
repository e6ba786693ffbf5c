import { LiveAnnouncer } from '@angular/cdk/a11y';
import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import type { CaseListItem, CaseListQuery, CaseListScope } from '@sg/contracts';
import { Priority, isCaseStatus, isCountryCode, isPriority, isOneOf } from '@sg/domain';
import { EMPTY, catchError, filter, map, merge, of, switchMap, tap } from 'rxjs';
import { I18n } from '../../system/i18n/i18n';
import { AuthSession } from '../auth/auth-session';
import { ClaimCase } from '../case/claim-case';
import { CasesApi } from '../data-access/cases-api';
import { CASE_AGE_BANDS, CASE_LIST_SCOPES, CASE_OVERDUE_KINDS } from '../data-access/staff-contract';
import { LiveUpdates } from '../live/live-updates';
import { PRIORITY_KEYS, QUEUE_KEYS } from '../shell/staff-words';
import { problemMessage } from '../ui/http-errors';

const PAGE_SIZE = 50;
const MAX_PAGE = 200;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Trigger = 'initial' | 'live';

/** What the address says about the list: the queue (route parameter) and its query parameters, as typed. */
export interface QueueRoute {
  queue: string;
  priority?: string;
  status?: string;
  country?: string;
  q?: string;
  /** From queue health's load list: one person's cases (`none`: nobody's). */
  assignee?: string;
  /** From queue health's grid: time since intake. */
  age?: string;
  /** From queue health's numbers: only cases late for their first response, or with a late follow-up. */
  overdue?: string;
}

/** The three filters with a control of their own ('' is any). */
export interface QueueFilters {
  priority: string;
  status: string;
  country: string;
}

/**
 * One queue page: which cases the address asks for (filters it understands, the rest ignored),
 * the rows read so far (cursor paging with "Load more"), live refresh that re-reads every row on
 * screen and marks the ones that arrived, and the case open beside the list. The address is the
 * source of truth: filters, search and the open case change it, and the list follows.
 */
@Injectable()
export class QueueStore {
  private readonly api = inject(CasesApi);
  private readonly router = inject(Router);
  private readonly live = inject(LiveUpdates);
  private readonly claimer = inject(ClaimCase);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly session = inject(AuthSession);
  private readonly i18n = inject(I18n);
  /** Null until the page says which queue it shows: nothing is read before. */
  private readonly route = signal<QueueRoute | null>(null);

  readonly items = signal<CaseListItem[]>([]);
  readonly nextCursor = signal<string | null>(null);
  readonly loading = signal(true);
  readonly loadingMore = signal(false);
  readonly problem = signal<string | null>(null);
  /** Rows the last live refresh brought in (they slide in). */
  readonly arrived = signal<ReadonlySet<string>>(new Set());
  /** The rows on screen came from a live refresh (changes are animated), not from a new query. */
  readonly liveChange = signal(false);
  /** The case open beside the list (`?caseId=`). */
  readonly selectedId = signal<string | null>(null);

  readonly queueName = computed<CaseListScope>(() => {
    const queue = this.route()?.queue ?? 'unassigned';
    return isOneOf(CASE_LIST_SCOPES, queue) ? queue : 'unassigned';
  });
  readonly title = computed(() => this.i18n.t(QUEUE_KEYS[this.queueName()]));
  /** One priority, or several from queue health ("emergency,urgent"). */
  readonly priorityList = computed(() => {
    const parts = (this.route()?.priority ?? '').split(',').filter(Boolean);
    return parts.length && parts.every(isPriority) ? parts : [];
  });
  readonly query = computed<CaseListQuery>(() => {
    const route = this.route();
    const q = route?.q?.trim() ?? '';
    return {
      queue: this.queueName(),
      priority: this.priorityList().join(',') || undefined,
      status: isCaseStatus(route?.status) ? route?.status : undefined,
      country: isCountryCode(route?.country) ? route?.country : undefined,
      q: q.length >= 2 ? q : undefined,
      assignee: route?.assignee === 'none' || UUID.test(route?.assignee ?? '') ? route?.assignee : undefined,
      age: isOneOf(CASE_AGE_BANDS, route?.age) ? route.age : undefined,
      overdue: isOneOf(CASE_OVERDUE_KINDS, route?.overdue) ? route.overdue : undefined,
    };
  });
  readonly filtered = computed(() => {
    const query = this.query();
    return !!(query.priority || query.status || query.country || query.assignee || query.age || query.overdue);
  });
  /** Filters with no control of their own, said in words above the list. */
  readonly filterNotes = computed(() => {
    const query = this.query();
    const notes: string[] = [];
    const t = (key: string, params?: Record<string, string>) => this.i18n.t(`staff.queues.notes.${key}`, params);
    if (query.assignee === 'none') notes.push(t('nobody'));
    else if (query.assignee) notes.push(t('one_person'));
    if (this.priorityList().length > 1) {
      const and = ` ${this.i18n.t('staff.common.and')} `;
      notes.push(
        t('priorities', {
          priorities: this.priorityList()
            .map((p) => this.priorityWord(p))
            .join(and),
        }),
      );
    }
    if (query.overdue) notes.push(t(query.overdue));
    return notes;
  });
  /** Search needs something to look for; without it there is nothing to ask the server. */
  readonly awaitingSearch = computed(() => this.queueName() === 'search' && !this.query().q);

  constructor() {
    toObservable(this.route)
      .pipe(
        filter((route) => route !== null),
        map(() => this.query()),
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
  }

  /** The page's route and query parameters: the list follows them (a change of the open case alone reads nothing). */
  follow(route: QueueRoute): void {
    this.route.set(route);
  }

  canSeeQueue(): boolean {
    return this.queueName() !== 'all' || this.session.hasRole('supervisor', 'admin');
  }

  setFilters(value: Partial<QueueFilters>): void {
    void this.router.navigate([], {
      queryParams: { priority: value.priority || null, status: value.status || null, country: value.country || null },
      queryParamsHandling: 'merge',
    });
  }

  clearFilters(): void {
    void this.router.navigate([], {
      queryParams: { priority: null, status: null, country: null, assignee: null, age: null, overdue: null },
      queryParamsHandling: 'merge',
    });
  }

  clearSearch(): void {
    void this.router.navigate([], { queryParams: { q: null }, queryParamsHandling: 'merge' });
  }

  /** Beside the list when there is room (`sideBySide`), else as its own page. */
  open(item: CaseListItem, sideBySide: boolean): void {
    if (sideBySide) {
      void this.router.navigate([], { queryParams: { caseId: item.id }, queryParamsHandling: 'merge' });
    } else {
      void this.router.navigate(['/staff/cases', item.id]);
    }
  }

  closeCase(): void {
    void this.router.navigate([], { queryParams: { caseId: null }, queryParamsHandling: 'merge' });
  }

  claim(item: CaseListItem): void {
    this.claimer.claim(item.id, item.reference).subscribe();
  }

  loadMore(): void {
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
        void this.announcer.announce(this.i18n.t('staff.queues.loaded_more', { count: response.items.length }), 'polite');
      });
  }

  private priorityWord(priority: Priority): string {
    return this.i18n.t(PRIORITY_KEYS[priority]);
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
        void this.announcer.announce(this.i18n.t('staff.queues.arrived', { count: arrived.length, queue: this.title(), cases }), 'polite');
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
