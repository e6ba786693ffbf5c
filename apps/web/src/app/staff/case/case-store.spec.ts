import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { CaseDetail } from '@sg/contracts';
import { NEVER, Subject, of } from 'rxjs';
import type { CaseChangeEvent } from '@sg/contracts';
import { CasesApi } from '../data-access/cases-api';
import { LiveUpdates } from '../live/live-updates';
import { ConversationApi } from '../data-access/conversation-api';
import { CaseConflict, CaseStore } from './case-store';
import { speakInTests } from '../../system/i18n/testing';
import { ClaimCase } from './claim-case';
import { caseDetail } from '../../../testing/cases';
import { instanceOf } from '../../../testing/dom';

const detail = (version: number, status: CaseDetail['status'] = 'in_progress'): CaseDetail =>
  caseDetail({ version, status, allowedTransitions: ['waiting', 'resolved'], priority: 'urgent', triagePriority: 'urgent' });

describe('CaseStore', () => {
  let store: CaseStore;
  let backend: HttpTestingController;
  let changes: Subject<CaseChangeEvent>;
  let reconnected: Subject<void>;
  const snackBar = { open: jest.fn() };
  const changed = jest.fn();
  const event = (caseId = 'c1'): CaseChangeEvent => ({
    type: 'case.assigned',
    caseId,
    reference: 'SG-AAAA-BBBB',
    priority: 'urgent',
    status: 'in_progress',
    assigneeId: 'someone-else',
    at: '',
  });

  beforeEach(() => {
    jest.useFakeTimers();
    snackBar.open.mockReset();
    changes = new Subject();
    reconnected = new Subject();
    TestBed.configureTestingModule({
      providers: [
        speakInTests(),
        provideHttpClient(),
        provideHttpClientTesting(),
        CasesApi,
        CaseStore,
        { provide: MatSnackBar, useValue: snackBar },
        { provide: LiveUpdates, useValue: { changes$: changes, reconnected$: reconnected, changed, conversation$: NEVER } },
        // The Conversation tab's unread count has its own spec (conversation.int.spec.ts); no HTTP here.
        { provide: ConversationApi, useValue: { unread: () => of({ unread: 0 }) } },
        { provide: ClaimCase, useValue: { claim: () => NEVER } },
      ],
    });
    store = TestBed.inject(CaseStore);
    backend = TestBed.inject(HttpTestingController);
    store.open('c1');
    TestBed.tick();
    backend.expectOne('/api/cases/c1').flush(detail(3));
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

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
    expect(snackBar.open).toHaveBeenCalledWith('Someone else changed this case; showing the latest.', 'OK', expect.anything());
  });

  it('accepts the current case as the whole 409 body too', () => {
    store.update({ status: 'waiting' }, 'saved').subscribe();
    backend.expectOne('/api/cases/c1').flush(detail(6), { status: 409, statusText: 'Conflict' });
    expect(store.detail()?.version).toBe(6);
    expect(snackBar.open).toHaveBeenCalledWith('Someone else changed this case; showing the latest.', 'OK', expect.anything());
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

  it('clears a case that was reassigned away while open, and says it is no longer available', () => {
    changes.next(event());
    jest.advanceTimersByTime(200);
    backend.expectOne('/api/cases/c1').flush({ statusCode: 403, message: 'This case is assigned to someone else.' }, { status: 403, statusText: 'Forbidden' });
    expect(store.detail()).toBeNull();
    expect(store.state()).toBe('gone');
    expect(store.problem()).toBe(
      'This case is no longer available to you: it may have been reassigned to someone else. Ask a supervisor if you still need it.',
    );
  });

  it('keeps what is on screen when a background refresh merely fails', () => {
    changes.next(event());
    jest.advanceTimersByTime(200);
    backend.expectOne('/api/cases/c1').flush('down', { status: 503, statusText: 'Unavailable' });
    expect(store.detail()?.version).toBe(3);
    expect(store.state()).toBe('ready');
  });

  it('reads the case again after the live stream reconnects (its events may have been missed)', () => {
    reconnected.next();
    jest.advanceTimersByTime(200);
    backend.expectOne('/api/cases/c1').flush(detail(7));
    expect(store.detail()?.version).toBe(7);
  });

  it('sends a form’s change with the version it was based on and hands a conflict back to it', () => {
    // The form was filled at version 3; a colleague's change (version 4) arrived meanwhile.
    changes.next(event());
    jest.advanceTimersByTime(200);
    backend.expectOne('/api/cases/c1').flush(detail(4));
    const failed = jest.fn<void, [unknown]>();
    store.updateFrom(3, { paid: true }, 'saved').subscribe({ error: failed });
    const request = backend.expectOne('/api/cases/c1');
    expect(request.request.body).toEqual({ paid: true, version: 3 });
    request.flush({ statusCode: 409, message: 'Someone else changed this case', current: detail(4) }, { status: 409, statusText: 'Conflict' });
    expect(failed).toHaveBeenCalledWith(expect.any(CaseConflict));
    expect(instanceOf(failed.mock.calls[0]?.[0], CaseConflict, 'the error').current.version).toBe(4);
    // The form says it; no second message on top.
    expect(snackBar.open).not.toHaveBeenCalled();
  });

  it('assigns only if the case is still with whoever holds it on screen', () => {
    store.assign('s2', 'Charlie').subscribe();
    const request = backend.expectOne('/api/cases/c1/assign');
    expect(request.request.body).toEqual({ assigneeId: 's2', expectedAssigneeId: null });
    request.flush(
      { statusCode: 409, message: 'Someone else changed this case first: it is now with Casey Caseworker. Nothing was changed.', current: detail(5) },
      { status: 409, statusText: 'Conflict' },
    );
    expect(store.detail()?.version).toBe(5);
    expect(snackBar.open).toHaveBeenCalledWith(expect.stringMatching(/now with Casey Caseworker/), 'OK', expect.anything());
  });
});
