import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { createEnvironmentInjector, DestroyRef, EnvironmentInjector, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { NotificationCreatedEvent, NotificationList, NotificationView } from '@sg/contracts';
import { NEVER, Subject } from 'rxjs';
import { AuthSession } from '../auth/auth-session';
import { NotificationsApi } from '../data-access/notifications-api';
import type { LiveState } from '../live/case-events';
import { LiveUpdates } from '../live/live-updates';
import { CATALOGUES, compileIcu } from '@sg/i18n/server';
import { Translator, flattenCatalogue } from '@sg/i18n';
import type { Translatable } from '@sg/domain';
import { speakInTests } from '../../system/i18n/testing';
import {
  NOTIFICATION_DEBOUNCE_MS,
  NotificationsStore,
  arrivalAnnouncement,
  arrivals,
  badgeText,
  bellLabel,
  isForMe,
  newestFirst,
  notificationTitle,
} from './notifications-store';

const ME = 'user-me';
const item = (id: string, title = 'Chase the takedown request'): NotificationView => ({
  id,
  kind: 'takedown_chase',
  title,
  caseId: 'c1',
  caseReference: 'SG-AAAA-BBBB',
  dueAt: '2026-11-22T12:00:00Z',
  createdAt: '2026-11-22T12:00:01Z',
  doneAt: null,
});
const list = (...items: NotificationView[]): NotificationList => ({ items, openCount: items.length, unreadMessages: { messages: 0, cases: 0 } });
const created = (recipientId: string, id = 'n-new'): NotificationCreatedEvent => ({
  type: 'notification.created',
  id,
  recipientId,
  at: '2026-11-22T12:00:00Z',
});

/** The helpers answer catalogue keys; these say them as the dashboard does. */
const english = new Translator('en', flattenCatalogue(CATALOGUES.en), { icu: compileIcu });
const malay = new Translator('ms', flattenCatalogue(CATALOGUES.ms), { icu: compileIcu });
const say = (text: Translatable | null, translator = english) => (text ? translator.text(text) : '');

describe('bell count helpers', () => {
  it('names the bell with the count', () => {
    expect(say(bellLabel(0))).toBe('Notifications, none open');
    expect(say(bellLabel(1))).toBe('Notifications, 1 open');
    expect(say(bellLabel(12))).toBe('Notifications, 12 open');
    expect(say(bellLabel(12), malay)).toBe('Pemberitahuan, 12 terbuka');
  });

  it('shows no badge at zero and caps it at 99+', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(100)).toBe('99+');
  });

  it('counts only events for the signed-in person', () => {
    expect(isForMe(created(ME), ME)).toBe(true);
    expect(isForMe(created('someone-else'), ME)).toBe(false);
    expect(isForMe(created(ME), null)).toBe(false);
  });

  it('drops the case reference the API appends to the title (the panel links it)', () => {
    expect(notificationTitle({ title: 'Chase the takedown request: SG-AAAA-BBBB', caseReference: 'SG-AAAA-BBBB' })).toBe('Chase the takedown request');
    expect(notificationTitle({ title: 'Case review', caseReference: 'SG-AAAA-BBBB' })).toBe('Case review');
  });

  it('lists the newest first', () => {
    const at = (id: string, createdAt: string): NotificationView => ({ ...item(id), createdAt });
    expect(newestFirst([at('old', '2026-11-22T09:00:00Z'), at('new', '2026-11-22T12:00:00Z'), at('mid', '2026-11-22T10:00:00Z')]).map((n) => n.id)).toEqual([
      'new',
      'mid',
      'old',
    ]);
  });

  it('finds arrivals, but not on the first read', () => {
    expect(arrivals(null, [item('a')])).toEqual([]);
    expect(arrivals(new Set(['a']), [item('a'), item('b')]).map((n) => n.id)).toEqual(['b']);
    expect(say(arrivalAnnouncement([item('b')], 2))).toBe('New notification: Chase the takedown request, case SG-AAAA-BBBB. 2 open.');
    expect(say(arrivalAnnouncement([item('b', 'Case review: SG-AAAA-BBBB')], 1))).toBe('New notification: Case review, case SG-AAAA-BBBB. 1 open.');
    expect(say(arrivalAnnouncement([item('b'), item('c')], 3))).toBe('2 new notifications. 3 open.');
    expect(arrivalAnnouncement([], 3)).toBeNull();
  });
});

describe('NotificationsStore', () => {
  let store: NotificationsStore;
  let backend: HttpTestingController;
  let notifications: Subject<NotificationCreatedEvent>;
  let liveState: ReturnType<typeof signal<LiveState>>;
  let destroy: () => void;
  const snackBar = { open: jest.fn() };
  const followUpDone = jest.fn();

  beforeEach(() => {
    jest.useFakeTimers();
    notifications = new Subject();
    liveState = signal<LiveState>('live');
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        NotificationsApi,
        NotificationsStore,
        { provide: LiveUpdates, useValue: { notifications$: notifications, conversation$: NEVER, state: liveState.asReadonly(), followUpDone } },
        { provide: AuthSession, useValue: { user: signal({ id: ME }) } },
        { provide: MatSnackBar, useValue: snackBar },
        speakInTests(),
      ],
    });
    store = TestBed.inject(NotificationsStore);
    backend = TestBed.inject(HttpTestingController);
    const scope = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
    store.watch(scope.get(DestroyRef));
    destroy = () => scope.destroy();
  });

  afterEach(() => {
    destroy();
    backend.verify();
    jest.useRealTimers();
  });

  const answerOpen = (body: NotificationList) =>
    backend.expectOne((req) => req.url === '/api/notifications' && req.params.get('status') === 'open').flush(body);

  it('reads the open count on start, without announcing what was already there', () => {
    answerOpen(list(item('a')));
    expect(store.openCount()).toBe(1);
    expect(store.items().map((n) => n.id)).toEqual(['a']);
    expect(store.announcement()).toBe('');
  });

  it('re-reads once (debounced) for a burst of my notifications, and announces the new one', () => {
    answerOpen(list());
    notifications.next(created(ME, 'n1'));
    notifications.next(created(ME, 'n2'));
    backend.expectNone('/api/notifications?status=open');
    jest.advanceTimersByTime(NOTIFICATION_DEBOUNCE_MS);
    answerOpen({ items: [item('n1')], openCount: 1, unreadMessages: { messages: 0, cases: 0 } });
    expect(store.openCount()).toBe(1);
    expect(store.announcement()).toBe('New notification: Chase the takedown request, case SG-AAAA-BBBB. 1 open.');
  });

  it("ignores someone else's notifications", () => {
    answerOpen(list());
    notifications.next(created('someone-else'));
    jest.advanceTimersByTime(NOTIFICATION_DEBOUNCE_MS * 2);
    backend.expectNone(() => true);
    expect(store.openCount()).toBe(0);
  });

  it('takes the server count as the truth (it may hold more than the list shows)', () => {
    answerOpen({ items: [item('a')], openCount: 40, unreadMessages: { messages: 0, cases: 0 } });
    expect(store.openCount()).toBe(40);
  });

  it('re-reads after the stream reconnects (events may have been missed)', () => {
    answerOpen(list());
    liveState.set('reconnecting');
    TestBed.tick();
    liveState.set('live');
    TestBed.tick();
    jest.advanceTimersByTime(NOTIFICATION_DEBOUNCE_MS);
    answerOpen(list(item('a')));
    expect(store.openCount()).toBe(1);
  });

  it('marks done at once, and puts the count back from the server when that fails', () => {
    answerOpen(list(item('a'), item('b')));
    store.markDone(item('a'));
    expect(store.openCount()).toBe(1);
    expect(store.items().map((n) => n.id)).toEqual(['b']);
    backend.expectOne({ method: 'POST', url: '/api/notifications/a/done' }).flush({ message: 'boom' }, { status: 500, statusText: 'Error' });
    expect(snackBar.open).toHaveBeenCalled();
    jest.advanceTimersByTime(NOTIFICATION_DEBOUNCE_MS);
    answerOpen(list(item('a'), item('b')));
    expect(store.openCount()).toBe(2);
  });

  it('never counts below zero', () => {
    answerOpen(list());
    store.markDone(item('gone'));
    expect(store.openCount()).toBe(0);
    backend.expectOne({ method: 'POST', url: '/api/notifications/gone/done' }).flush(item('gone'));
    // The case on screen re-reads its follow-ups (this one is done now).
    expect(followUpDone).toHaveBeenCalledWith('c1');
  });
});
