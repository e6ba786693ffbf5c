import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import type { CaseChangeEvent, CaseChangeSignal, NotificationEvent } from '@sg/contracts';
import { translatable, type Translatable } from '@sg/domain';
import { EMPTY, Observable, Subject, catchError, debounceTime, distinctUntilChanged, filter, map, merge, pairwise, share, startWith, switchMap } from 'rxjs';
import { AuthSession } from '../auth/auth-session';
import { CasesApi } from '../data-access/cases-api';
import { Preferences } from '../shell/preferences';
import { CaseEvents, LiveState } from './case-events';
import { EmergencySound } from './emergency-sound';

/**
 * Why the banner shows: a new emergency case; a case raised to emergency (re-triage, an
 * override, the person's own addition); or one found still unassigned when the stream
 * (re)connected, whose event may have been missed.
 */
export type EmergencyAlertKind = 'new' | 'raised' | 'waiting';

export interface EmergencyAlert {
  caseId: string;
  reference: string;
  at: string;
  kind: EmergencyAlertKind;
}

/**
 * What the banner shows: the newest emergency, and the rest behind one "Show all" (seven stacked
 * banners took half the screen). Expanded, every one, newest first.
 */
export function visibleEmergencies(alerts: readonly EmergencyAlert[], expanded: boolean): { shown: EmergencyAlert[]; hidden: number } {
  const newestFirst = [...alerts].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return expanded ? { shown: newestFirst, hidden: 0 } : { shown: newestFirst.slice(0, 1), hidden: Math.max(0, newestFirst.length - 1) };
}

/**
 * The banner's headline for each kind, as the catalogue key the shell's banner says (`| t`), so
 * it reads in the staff member's language.
 */
export function emergencyHeadline(alert: Pick<EmergencyAlert, 'kind' | 'reference'>): Translatable {
  return translatable('staff.shell.alerts.headline', { kind: alert.kind, reference: alert.reference });
}

/** How long a burst of changes is gathered before the screen re-reads (one fetch, not ten). */
export const REFRESH_DEBOUNCE_MS = 150;

/** The stream is live again after it dropped: whatever changed meanwhile sent events nobody heard. */
export function cameBack(before: LiveState, now: LiveState): boolean {
  return now === 'live' && before === 'reconnecting';
}

/**
 * Someone holds the case now. A caseworker hears of a case someone else holds only as a bare
 * CaseChangeSignal (no assignee, no priority), so a missing assignee means "someone else".
 */
export function heldBySomeone(event: CaseChangeEvent | CaseChangeSignal): boolean {
  return 'assigneeId' in event ? event.assigneeId !== null : true;
}

/**
 * What the dashboard does with live case changes: re-read lists and counts (debounced), and raise
 * a banner, with sound when switched on, for every unassigned emergency: new, raised to emergency,
 * or found waiting when the stream (re)connects. The banner is never optional: sound can be
 * switched off, the banner cannot. After a dropped connection everything on screen is read again,
 * since changes made meanwhile sent events nobody received.
 */
@Injectable()
export class LiveUpdates {
  private readonly events = inject(CaseEvents);
  private readonly preferences = inject(Preferences);
  private readonly api = inject(CasesApi);
  private readonly session = inject(AuthSession);
  private readonly sound = new EmergencySound();
  private readonly alerts = signal<EmergencyAlert[]>([]);
  private readonly localChanges = new Subject<void>();
  /**
   * Emergencies this screen has announced (dismissed ones too), so each is announced once while
   * it stays an emergency; forgotten when a case stops being one, so a second rise is announced.
   */
  private readonly announced = new Set<string>();

  readonly state = this.events.state;
  private readonly transitions$ = toObservable(this.events.state).pipe(startWith<LiveState>('stopped'), pairwise(), share());
  /** The stream is live again after a drop: lists and counts are read again. */
  readonly reconnected$: Observable<void> = this.transitions$.pipe(
    filter(([before, now]) => cameBack(before, now)),
    map(() => undefined),
  );
  /** Live, for the first time or again: the moment to look for emergencies nobody has taken. */
  private readonly connected$ = this.transitions$.pipe(filter(([before, now]) => now === 'live' && before !== 'live'));
  readonly emergencies = this.alerts.asReadonly();
  readonly changes$: Observable<CaseChangeEvent | CaseChangeSignal> = this.events.changes$;
  /** `notification.created` for anyone; the bell filters by recipient. */
  readonly notifications$: Observable<NotificationEvent> = this.events.notifications$;
  /** A message in some case's conversation (the Conversation tab and the queue's unread badges re-read). */
  readonly conversation$ = this.events.conversation$;
  private readonly followUpsDone = new Subject<string>();
  /**
   * A follow-up may have changed without a case event: one fired (the stream only says
   * `notification.created`, without the case) or this person marked one done. Emits the case id
   * when known, else null ("any case").
   */
  readonly followUpsTouched$: Observable<string | null> = merge(this.notifications$.pipe(map(() => null)), this.followUpsDone);

  /** Fires (debounced) after any case change, from the stream or from this person's own action. */
  readonly refresh$: Observable<void> = merge(
    this.changes$.pipe(map(() => undefined)),
    this.events.conversation$.pipe(map(() => undefined)),
    this.localChanges,
    this.reconnected$,
  ).pipe(debounceTime(REFRESH_DEBOUNCE_MS), share());

  constructor() {
    inject(DestroyRef).onDestroy(() => this.sound.close());
    // This service outlives a sign-out: the next person in this tab starts with no banners and
    // with every waiting emergency announced to them afresh.
    toObservable(this.session.user)
      .pipe(
        map((user) => user?.id ?? null),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe(() => {
        this.alerts.set([]);
        this.announced.clear();
      });
  }

  /** Keeps the stream open and watches for emergencies while `destroyRef`'s owner lives (the shell). */
  watch(destroyRef: DestroyRef): void {
    this.changes$.pipe(takeUntilDestroyed(destroyRef)).subscribe((event) => this.onChange(event));
    // Whatever arrived while the stream was down: every unassigned emergency is on screen again.
    this.connected$
      .pipe(
        switchMap(() => this.api.list({ queue: 'unassigned', priority: 'emergency', limit: 50 }).pipe(catchError(() => EMPTY))),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((page) => {
        for (const item of page.items) if (!item.assignee) this.raise({ caseId: item.id, reference: item.reference, at: item.createdAt, kind: 'waiting' });
      });
  }

  private onChange(event: CaseChangeEvent | CaseChangeSignal): void {
    // Claimed or assigned: nobody needs calling to it any more.
    if (heldBySomeone(event)) this.dismiss(event.caseId);
    // A signal (a case this person may not open) is never an emergency for them to take.
    if (!('priority' in event) || event.priority !== 'emergency') {
      this.announced.delete(event.caseId);
      return;
    }
    if (event.assigneeId) return;
    if (event.type === 'case.created') this.raise({ caseId: event.caseId, reference: event.reference, at: event.at, kind: 'new' });
    else if (event.type === 'case.updated') this.raise({ caseId: event.caseId, reference: event.reference, at: event.at, kind: 'raised' });
  }

  /** This person marked a notification done: its follow-up is done now. */
  followUpDone(caseId: string): void {
    this.followUpsDone.next(caseId);
  }

  /** After this person changed something: lists and counts re-read without waiting for the echo. */
  changed(): void {
    this.localChanges.next();
  }

  dismiss(caseId: string): void {
    this.alerts.update((alerts) => alerts.filter((alert) => alert.caseId !== caseId));
  }

  unlockSound(): void {
    this.sound.unlock();
  }

  testSound(): void {
    this.sound.play();
  }

  /** Once per emergency: a case already announced (shown or dismissed) is not announced again. */
  private raise(alert: EmergencyAlert): void {
    if (this.announced.has(alert.caseId)) return;
    this.announced.add(alert.caseId);
    this.alerts.update((alerts) => [alert, ...alerts.filter((existing) => existing.caseId !== alert.caseId)]);
    if (this.preferences.sound()) this.sound.play();
  }
}
