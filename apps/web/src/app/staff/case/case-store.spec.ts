import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { CaseDetail } from '@sg/contracts';
import { NEVER, Subject } from 'rxjs';
import { CasesApi } from '../data-access/cases-api';
import { LiveUpdates } from '../live/live-updates';
import { CaseStore, CONFLICT_MESSAGE } from './case-store';
import { ClaimCase } from './claim-case';

const detail = (version: number, status: CaseDetail['status'] = 'in_progress'): CaseDetail =>
  ({
    id: 'c1',
    reference: 'SG-AAAA-BBBB',
    version,
    status,
    allowedTransitions: ['waiting', 'resolved'],
    priority: 'urgent',
    triagePriority: 'urgent',
    triageFactors: [],
    priorityOverride: null,
    firstResponseDueAt: '2026-11-22T12:00:00Z',
    firstRespondedAt: null,
    assignee: null,
    createdAt: '2026-11-22T11:00:00Z',
    updatedAt: '2026-11-22T11:00:00Z',
    facts: {} as CaseDetail['facts'],
    contact: { channel: 'none', consentToContact: false, hasDetails: false },
    platforms: [],
    contentUrls: [],
    actionPlan: [],
    evidence: [],
    notes: [],
    timeline: [],
  }) as CaseDetail;

describe('CaseStore', () => {
  let store: CaseStore;
  let backend: HttpTestingController;
  const snackBar = { open: jest.fn() };
  const changed = jest.fn();

  beforeEach(() => {
    snackBar.open.mockReset();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        CasesApi,
        CaseStore,
        { provide: MatSnackBar, useValue: snackBar },
        { provide: LiveUpdates, useValue: { changes$: new Subject(), changed } },
        { provide: ClaimCase, useValue: { claim: () => NEVER } },
      ],
    });
    store = TestBed.inject(CaseStore);
    backend = TestBed.inject(HttpTestingController);
    store.open('c1');
    TestBed.tick();
    backend.expectOne('/api/cases/c1').flush(detail(3));
  });

  afterEach(() => backend.verify());

  it('sends the version on screen with every change', () => {
    store.update({ status: 'waiting' }, 'Status changed to Waiting.').subscribe();
    const request = backend.expectOne('/api/cases/c1');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ status: 'waiting', version: 3 });
    request.flush(detail(4, 'waiting'));
    expect(store.detail()?.status).toBe('waiting');
  });

  it('on a stale version shows the current case and says someone else changed it', () => {
    store.update({ status: 'waiting' }, 'saved').subscribe();
    backend
      .expectOne('/api/cases/c1')
      .flush({ statusCode: 409, message: 'Someone else changed this case', current: detail(5, 'resolved') }, { status: 409, statusText: 'Conflict' });
    expect(store.detail()?.version).toBe(5);
    expect(store.detail()?.status).toBe('resolved');
    expect(snackBar.open).toHaveBeenCalledWith(CONFLICT_MESSAGE, 'OK', expect.anything());
  });

  it('accepts the current case as the whole 409 body too', () => {
    store.update({ status: 'waiting' }, 'saved').subscribe();
    backend.expectOne('/api/cases/c1').flush(detail(6), { status: 409, statusText: 'Conflict' });
    expect(store.detail()?.version).toBe(6);
    expect(snackBar.open).toHaveBeenCalledWith(CONFLICT_MESSAGE, 'OK', expect.anything());
  });

  it('passes 400s to the form, which shows them by the fields', () => {
    const errors = jest.fn();
    store.update({ priorityOverride: { priority: 'high', reason: 'x' } }, 'saved').subscribe({ error: errors });
    backend
      .expectOne('/api/cases/c1')
      .flush({ statusCode: 400, errors: [{ path: 'priorityOverride.reason', message: 'must say why' }] }, { status: 400, statusText: 'Bad Request' });
    expect(errors).toHaveBeenCalled();
    expect(snackBar.open).not.toHaveBeenCalled();
  });
});
