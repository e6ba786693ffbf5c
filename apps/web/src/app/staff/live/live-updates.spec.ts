import { createEnvironmentInjector, DestroyRef, EnvironmentInjector, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { CaseChangeEvent, CaseChangeSignal, CaseListItem, CaseListQuery, StaffUserView } from '@sg/contracts';
import { CATALOGUES } from '@sg/i18n/server';
import { Subject, of } from 'rxjs';
import { AuthSession } from '../auth/auth-session';
import { CasesApi } from '../data-access/cases-api';
import { I18n } from '../../system/i18n/i18n';
import { speakInTests } from '../../system/i18n/testing';
import { Preferences } from '../shell/preferences';
import { CaseEvents, LiveState } from './case-events';
import { LiveUpdates, emergencyHeadline, visibleEmergencies } from './live-updates';
import { itemAt } from '@sg/domain';
import { caseListItem } from '../../../testing/cases';

const change = (changes: Partial<CaseChangeEvent>): CaseChangeEvent => ({
  type: 'case.updated',
  caseId: 'c1',
  reference: 'SG-AAAA-0001',
  priority: 'emergency',
  status: 'new',
  assigneeId: null,
  at: '2026-11-22T12:00:00Z',
  ...changes,
});
const row = (id: string, assignee: CaseListItem['assignee'] = null) =>
  caseListItem({ id, reference: `SG-WAIT-${id}`, createdAt: '2026-11-22T11:00:00Z', assignee });

describe('LiveUpdates', () => {
  let live: LiveUpdates;
  let changes: Subject<CaseChangeEvent | CaseChangeSignal>;
  let state: ReturnType<typeof signal<LiveState>>;
  let list: jest.Mock;
  let user: ReturnType<typeof signal<StaffUserView | null>>;
  let destroy: () => void;

  beforeEach(() => {
    jest.useFakeTimers();
    changes = new Subject();
    state = signal<LiveState>('connecting');
    user = signal<StaffUserView | null>({ id: 'casey', email: 'casey@demo.test', displayName: 'Casey', role: 'caseworker', language: 'en' });
    list = jest.fn((query: CaseListQuery) => of({ items: [] as CaseListItem[], nextCursor: query.cursor ?? null }));
    TestBed.configureTestingModule({
      providers: [
        speakInTests(),
        LiveUpdates,
        { provide: CaseEvents, useValue: { state, changes$: changes, notifications$: new Subject(), conversation$: new Subject() } },
        { provide: CasesApi, useValue: { list } },
        { provide: Preferences, useValue: { sound: () => false } },
        { provide: AuthSession, useValue: { user } },
      ],
    });
    live = TestBed.inject(LiveUpdates);
    const scope = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
    live.watch(scope.get(DestroyRef));
    destroy = () => scope.destroy();
    TestBed.tick();
  });

  afterEach(() => {
    destroy();
    jest.useRealTimers();
  });

  const alerts = () => live.emergencies().map((alert) => `${alert.kind}:${alert.caseId}`);
  /** The banner's words for an alert, in the language the tests speak. */
  const headline = (alert: Parameters<typeof emergencyHeadline>[0]) => TestBed.inject(I18n).text(emergencyHeadline(alert));

  it('announces a new emergency case', () => {
    changes.next(change({ type: 'case.created', caseId: 'new1' }));
    expect(alerts()).toEqual(['new:new1']);
    expect(headline(itemAt(live.emergencies(), 0, 'emergency'))).toBe('New emergency case SG-AAAA-0001');
  });

  it("says the headline in the staff member's language", () => {
    TestBed.inject(I18n).useLoaded('ms', 'all', CATALOGUES.ms);
    expect(headline({ kind: 'waiting', reference: 'SG-AAAA-0001' })).toBe('Kes kecemasan SG-AAAA-0001 sedang menunggu seseorang');
    expect(headline({ kind: 'raised', reference: 'SG-AAAA-0001' })).toBe('SG-AAAA-0001 kini kes kecemasan');
  });

  it('announces a case raised to emergency while nobody holds it, once', () => {
    changes.next(change({ caseId: 'r1', priority: 'urgent' }));
    expect(alerts()).toEqual([]);
    changes.next(change({ caseId: 'r1' }));
    expect(alerts()).toEqual(['raised:r1']);
    expect(headline(itemAt(live.emergencies(), 0, 'emergency'))).toBe('SG-AAAA-0001 is now an emergency');
    // Dismissed, then more changes to the same emergency: no second banner.
    live.dismiss('r1');
    changes.next(change({ caseId: 'r1' }));
    expect(alerts()).toEqual([]);
    // Lowered and raised again: that is news again.
    changes.next(change({ caseId: 'r1', priority: 'high' }));
    changes.next(change({ caseId: 'r1' }));
    expect(alerts()).toEqual(['raised:r1']);
  });

  it('does not announce an emergency someone already holds', () => {
    changes.next(change({ caseId: 'held', assigneeId: 'staff-1' }));
    changes.next(change({ type: 'case.created', caseId: 'held2', assigneeId: 'staff-1' }));
    expect(alerts()).toEqual([]);
  });

  it('after a reconnect re-reads what is on screen and shows every emergency still unassigned', () => {
    const refreshed = jest.fn();
    const subscription = live.refresh$.subscribe(refreshed);
    state.set('live');
    TestBed.tick();
    // The first connection is not a reconnect: lists were just read.
    jest.advanceTimersByTime(200);
    expect(refreshed).not.toHaveBeenCalled();
    expect(list).toHaveBeenCalledTimes(1);

    list.mockReturnValue(of({ items: [row('w1'), row('w2', { id: 's', displayName: 'Sam' })], nextCursor: null }));
    state.set('reconnecting');
    TestBed.tick();
    state.set('live');
    TestBed.tick();
    jest.advanceTimersByTime(200);
    expect(refreshed).toHaveBeenCalledTimes(1);
    expect(list).toHaveBeenLastCalledWith({ queue: 'unassigned', priority: 'emergency', limit: 50 });
    expect(alerts()).toEqual(['waiting:w1']);
    expect(headline(itemAt(live.emergencies(), 0, 'emergency'))).toBe('Emergency case SG-WAIT-w1 is waiting for someone');
    subscription.unsubscribe();
  });

  it('takes the banner down once someone claims the case', () => {
    changes.next(change({ type: 'case.created', caseId: 'c1' }));
    changes.next(change({ type: 'case.created', caseId: 'c2' }));
    expect(alerts()).toEqual(['new:c2', 'new:c1']);
    changes.next(change({ type: 'case.claimed', caseId: 'c1', assigneeId: 'staff-2' }));
    expect(alerts()).toEqual(['new:c2']);
    // A caseworker hears of a case someone else took only as a bare signal.
    changes.next({ type: 'case.claimed', caseId: 'c2', at: '2026-11-22T12:01:00Z' });
    expect(alerts()).toEqual([]);
  });

  it('takes a "waiting for someone" banner down once someone claims the case', () => {
    list.mockReturnValue(of({ items: [row('w1')], nextCursor: null }));
    state.set('live');
    TestBed.tick();
    expect(alerts()).toEqual(['waiting:w1']);
    changes.next(change({ type: 'case.claimed', caseId: 'w1', assigneeId: 'staff-2' }));
    expect(alerts()).toEqual([]);
  });

  it("forgets one person's banners when someone else signs in in the same tab", () => {
    changes.next(change({ type: 'case.created', caseId: 'e1' }));
    live.dismiss('e1');
    changes.next(change({ type: 'case.created', caseId: 'e2' }));
    expect(alerts()).toEqual(['new:e2']);

    user.set(null);
    TestBed.tick();
    expect(alerts()).toEqual([]);
    user.set({ id: 'sam', email: 'sam@demo.test', displayName: 'Sam', role: 'supervisor', language: 'en' });
    TestBed.tick();

    // Announced to Casey (shown or dismissed) is not announced to Sam: he hears about e1 too.
    changes.next(change({ caseId: 'e1' }));
    expect(alerts()).toEqual(['raised:e1']);
  });
});

describe('visibleEmergencies', () => {
  const alert = (n: number) => ({ caseId: `c${n}`, reference: `SG-AAAA-000${n}`, at: `2026-11-22T12:0${n}:00Z`, kind: 'new' as const });
  it('shows one banner (the newest) with a count of the rest, and all of them, newest first, when expanded', () => {
    const seven = [1, 2, 3, 4, 5, 6, 7].map(alert);
    expect(visibleEmergencies(seven, false)).toEqual({ shown: [alert(7)], hidden: 6 });
    expect(visibleEmergencies(seven, true).shown.map((a) => a.caseId)).toEqual(['c7', 'c6', 'c5', 'c4', 'c3', 'c2', 'c1']);
    expect(visibleEmergencies([alert(1)], false)).toEqual({ shown: [alert(1)], hidden: 0 });
  });
});
