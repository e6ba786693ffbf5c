import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { CaseChangeEvent, TakedownView } from '@sg/contracts';
import { Subject } from 'rxjs';
import { CaseWorkApi } from '../data-access/case-work-api';
import { LiveUpdates, REFRESH_DEBOUNCE_MS } from '../live/live-updates';
import { CaseWorkStore } from './case-work-store';
import { speakInTests } from '../../system/i18n/testing';
import { caseChange } from '../../../testing/cases';

const takedown = (status: TakedownView['status'] = 'draft'): TakedownView => ({
  id: 't1',
  caseId: 'c1',
  platform: 'Instagram',
  url: 'https://instagram.example/p/1',
  account: null,
  channel: 'platform_form',
  status,
  allowedTransitions: status === 'draft' ? ['submitted'] : ['acknowledged', 'removed', 'rejected'],
  ticketNumber: null,
  submittedAt: null,
  acknowledgedAt: null,
  removedAt: null,
  rejectedAt: null,
  escalatedAt: null,
  reappearedAt: null,
  previousRequestId: null,
  createdAt: '2026-11-22T12:00:00Z',
  createdBy: null,
});

describe('CaseWorkStore', () => {
  let store: CaseWorkStore;
  let backend: HttpTestingController;
  let changes: Subject<CaseChangeEvent>;
  let touched: Subject<string | null>;
  const changed = jest.fn();
  const snackBar = { open: jest.fn() };

  beforeEach(() => {
    jest.useFakeTimers();
    changes = new Subject();
    touched = new Subject();
    changed.mockReset();
    snackBar.open.mockReset();
    TestBed.configureTestingModule({
      providers: [
        speakInTests(),
        provideHttpClient(),
        provideHttpClientTesting(),
        CaseWorkApi,
        CaseWorkStore,
        { provide: LiveUpdates, useValue: { changes$: changes, followUpsTouched$: touched, reconnected$: new Subject<void>(), changed } },
        { provide: MatSnackBar, useValue: snackBar },
      ],
    });
    store = TestBed.inject(CaseWorkStore);
    backend = TestBed.inject(HttpTestingController);
    store.open('c1');
    TestBed.tick();
    backend.expectOne('/api/cases/c1/takedowns').flush([takedown()]);
    backend.expectOne('/api/cases/c1/reports').flush([]);
    backend.expectOne('/api/cases/c1/follow-ups').flush([]);
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  it('reads the three lists when the case opens', () => {
    expect(store.takedowns().items?.map((t) => t.id)).toEqual(['t1']);
    expect(store.reports().items).toEqual([]);
    expect(store.followUps().items).toEqual([]);
  });

  it('re-reads the takedowns and the follow-ups after a status change (the API reschedules them)', () => {
    store.updateTakedown(takedown(), { status: 'submitted' }, 'ok').subscribe();
    backend.expectOne({ method: 'PATCH', url: '/api/takedowns/t1' }).flush(takedown('submitted'));
    expect(store.takedowns().items?.[0]?.status).toBe('submitted');
    backend.expectOne('/api/cases/c1/takedowns').flush([takedown('submitted')]);
    backend.expectOne('/api/cases/c1/follow-ups').flush([]);
    backend.expectNone('/api/cases/c1/reports');
    expect(changed).toHaveBeenCalled();
  });

  it('re-reads every list once for a burst of case.updated events about this case only', () => {
    const event = caseChange({ type: 'case.updated', caseId: 'c1' });
    changes.next(event);
    changes.next(event);
    changes.next({ ...event, caseId: 'other' });
    jest.advanceTimersByTime(REFRESH_DEBOUNCE_MS);
    backend.expectOne('/api/cases/c1/takedowns').flush([]);
    backend.expectOne('/api/cases/c1/reports').flush([]);
    backend.expectOne('/api/cases/c1/follow-ups').flush([]);
  });

  it('re-reads only the follow-ups when one fires or is marked done (no case event says so)', () => {
    touched.next(null);
    touched.next('other-case');
    jest.advanceTimersByTime(REFRESH_DEBOUNCE_MS);
    backend.expectOne('/api/cases/c1/follow-ups').flush([]);
    touched.next('other-case');
    jest.advanceTimersByTime(REFRESH_DEBOUNCE_MS);
    backend.expectNone('/api/cases/c1/follow-ups');
    touched.next('c1');
    jest.advanceTimersByTime(REFRESH_DEBOUNCE_MS);
    backend.expectOne('/api/cases/c1/follow-ups').flush([]);
  });

  it('says why a refused move (409) failed and shows the latest', () => {
    store.updateTakedown(takedown(), { status: 'removed' }, 'ok').subscribe();
    backend
      .expectOne({ method: 'PATCH', url: '/api/takedowns/t1' })
      .flush({ message: 'Submit the request first: a draft has not been sent anywhere yet.' }, { status: 409, statusText: 'Conflict' });
    expect(snackBar.open).toHaveBeenCalledWith('Submit the request first: a draft has not been sent anywhere yet.', 'OK', expect.anything());
    backend.expectOne('/api/cases/c1/takedowns').flush([takedown()]);
    backend.expectOne('/api/cases/c1/follow-ups').flush([]);
  });
});
