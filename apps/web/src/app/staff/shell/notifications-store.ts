import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { NotificationCreatedEvent, NotificationList, NotificationView } from '@sg/contracts';
import { Translatable, translatable } from '@sg/domain';
import { I18n } from '../../system/i18n/i18n';
import { EMPTY, Subject, catchError, debounceTime, filter, map, merge, of, pairwise, switchMap } from 'rxjs';
import { AuthSession } from '../auth/auth-session';
import { NotificationsApi } from '../data-access/notifications-api';
import { LiveUpdates } from '../live/live-updates';
import { problemMessage } from '../ui/http-errors';
import { snackFor } from '../ui/material-options';

/** A burst of notifications (several follow-ups firing together) is one re-read. */
export const NOTIFICATION_DEBOUNCE_MS = 300;

/** Only the signed-in person's notifications move their bell. */
export function isForMe(event: Pick<NotificationCreatedEvent, 'recipientId'>, userId: string | null | undefined): boolean {
  return !!userId && event.recipientId === userId;
}

/** The bell's accessible name: the count is in it, so a screen reader hears it on focus. */
export function bellLabel(count: number): Translatable {
  return translatable('staff.notifications.bell', { count: Math.max(0, count) });
}

/** What the badge shows: nothing at zero, "99+" beyond 99. */
export function badgeText(count: number): string {
  return count <= 0 ? '' : count > 99 ? '99+' : String(count);
}

/** The notifications in `next` that were not open before (none on the first read). */
export function arrivals(previousIds: ReadonlySet<string> | null, next: readonly NotificationView[]): NotificationView[] {
  return previousIds ? next.filter((item) => !previousIds.has(item.id)) : [];
}

/** The title without the case reference the API appends ("Chase the takedown request: SG-…"): the panel shows it as a link. */
export function notificationTitle(item: Pick<NotificationView, 'title' | 'caseReference'>): string {
  const suffix = `: ${item.caseReference}`;
  return item.caseReference && item.title.endsWith(suffix) ? item.title.slice(0, -suffix.length) : item.title;
}

/** The bell's order: the newest first (what just happened is what someone opens the bell for). */
export function newestFirst(items: readonly NotificationView[]): NotificationView[] {
  return [...items].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || Date.parse(b.dueAt) - Date.parse(a.dueAt));
}

/** The sentence the live region says when new ones arrive; null when none did. */
export function arrivalAnnouncement(arrived: readonly NotificationView[], openCount: number): Translatable | null {
  const [first] = arrived;
  if (!first) return null;
  const open = Math.max(openCount, arrived.length);
  return arrived.length === 1
    ? translatable('staff.notifications.arrived_one', { title: notificationTitle(first), reference: first.caseReference, open })
    : translatable('staff.notifications.arrived_many', { count: arrived.length, open });
}

/**
 * The bell: open notifications, read on start, again (debounced) on every `notification.created`
 * for the signed-in person and after the live stream reconnects (events may have been missed).
 * "Mark done" takes the item off at once and puts it back if the server refuses.
 */
@Injectable()
export class NotificationsStore {
  private readonly api = inject(NotificationsApi);
  private readonly live = inject(LiveUpdates);
  private readonly session = inject(AuthSession);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  private readonly list = signal<NotificationView[]>([]);
  private readonly open = signal(0);
  private readonly unread = signal<{ messages: number; cases: number }>({ messages: 0, cases: 0 });
  private readonly said = signal('');
  private readonly ready = signal(false);
  private knownIds: Set<string> | null = null;
  private readonly reloads = new Subject<void>();
  /** The stream came back after a drop: notifications may have fired meanwhile. */
  private readonly reconnected$ = toObservable(this.live.state).pipe(
    pairwise(),
    filter(([before, now]) => now === 'live' && before === 'reconnecting'),
  );

  readonly items = this.list.asReadonly();
  readonly openCount = this.open.asReadonly();
  /** The person's unread messages in the cases this member of staff answers for. */
  readonly unreadMessages = this.unread.asReadonly();
  readonly announcement = this.said.asReadonly();
  readonly loaded = this.ready.asReadonly();

  /** Runs while `destroyRef`'s owner (the bell) lives. */
  watch(destroyRef: DestroyRef): void {
    const forMe$ = this.live.notifications$.pipe(filter((event) => isForMe(event, this.session.user()?.id)));
    // A message in any case may change the unread line (the stream does not say whose case it is).
    merge(
      of('start' as const),
      merge(forMe$, this.live.conversation$, this.reconnected$, this.reloads).pipe(
        debounceTime(NOTIFICATION_DEBOUNCE_MS),
        map(() => 'event' as const),
      ),
    )
      .pipe(
        switchMap(() => this.api.open().pipe(catchError(() => EMPTY))),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((list) => this.apply(list));
  }

  reload(): void {
    this.reloads.next();
  }

  markDone(item: NotificationView): void {
    const before = this.list();
    const wasOpen = before.some((entry) => entry.id === item.id);
    this.list.set(before.filter((entry) => entry.id !== item.id));
    if (wasOpen) this.open.update((count) => Math.max(0, count - 1));
    this.api.markDone(item.id).subscribe({
      next: () => this.live.followUpDone(item.caseId),
      error: (error: unknown) => {
        this.snackBar.open(problemMessage(this.i18n, error, this.i18n.t('staff.notifications.mark_failed')), this.i18n.t('staff.common.ok'), snackFor(8000));
        this.reload();
      },
    });
  }

  /** A fresh list from the server: it is the truth for the count; new items are announced. */
  apply(list: NotificationList): void {
    const items = newestFirst(list.items);
    const arrived = arrivals(this.knownIds, items);
    this.knownIds = new Set(items.map((item) => item.id));
    this.list.set(items);
    this.open.set(Math.max(list.openCount, 0));
    if (list.unreadMessages) this.unread.set(list.unreadMessages);
    this.ready.set(true);
    // Said once, in the language of the moment (a live region reads it when it changes).
    const announcement = arrivalAnnouncement(arrived, list.openCount);
    if (announcement) this.said.set(this.i18n.text(announcement));
  }
}
