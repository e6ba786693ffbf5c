import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { CaseChangeEvent, NotificationEvent } from '@sg/contracts';
import { Observable, Subject, debounceTime, filter, map, merge, share } from 'rxjs';
import { Preferences } from '../shell/preferences';
import { CaseEvents } from './case-events';
import { EmergencySound } from './emergency-sound';

export interface EmergencyAlert {
  caseId: string;
  reference: string;
  at: string;
}

/** How long a burst of changes is gathered before the screen re-reads (one fetch, not ten). */
export const REFRESH_DEBOUNCE_MS = 150;

/**
 * What the dashboard does with live case changes: re-read lists and counts (debounced), and raise
 * a banner, with sound when switched on, for every new emergency case. The banner is never
 * optional: sound can be switched off, the banner cannot.
 */
@Injectable()
export class LiveUpdates {
  private readonly events = inject(CaseEvents);
  private readonly preferences = inject(Preferences);
  private readonly sound = new EmergencySound();
  private readonly alerts = signal<EmergencyAlert[]>([]);
  private readonly localChanges = new Subject<void>();

  readonly state = this.events.state;
  readonly emergencies = this.alerts.asReadonly();
  readonly changes$: Observable<CaseChangeEvent> = this.events.changes$;
  /** `notification.created` for anyone; the bell filters by recipient. */
  readonly notifications$: Observable<NotificationEvent> = this.events.notifications$;
  private readonly followUpsDone = new Subject<string>();
  /**
   * A follow-up may have changed without a case event: one fired (the stream only says
   * `notification.created`, without the case) or this person marked one done. Emits the case id
   * when known, else null ("any case").
   */
  readonly followUpsTouched$: Observable<string | null> = merge(this.notifications$.pipe(map(() => null)), this.followUpsDone);

  /** Fires (debounced) after any case change, from the stream or from this person's own action. */
  readonly refresh$: Observable<void> = merge(this.changes$.pipe(map(() => undefined)), this.localChanges).pipe(
    debounceTime(REFRESH_DEBOUNCE_MS),
    share(),
  );

  constructor() {
    inject(DestroyRef).onDestroy(() => this.sound.close());
  }

  /** Keeps the stream open and watches for emergencies while `destroyRef`'s owner lives (the shell). */
  watch(destroyRef: DestroyRef): void {
    this.changes$
      .pipe(
        filter((event) => event.type === 'case.created' && event.priority === 'emergency'),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((event) => this.raise(event));
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

  private raise(event: CaseChangeEvent): void {
    this.alerts.update((alerts) => [
      { caseId: event.caseId, reference: event.reference, at: event.at },
      ...alerts.filter((alert) => alert.caseId !== event.caseId),
    ]);
    if (this.preferences.sound()) this.sound.play();
  }
}
