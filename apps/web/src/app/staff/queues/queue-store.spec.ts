import { LiveAnnouncer } from '@angular/cdk/a11y';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import type { CaseListItem, CaseListQuery, CaseListResponse } from '@sg/contracts';
import { Observable, Subject, of, throwError } from 'rxjs';
import { speakInTests } from '../../system/i18n/testing';
import { AuthSession } from '../auth/auth-session';
import { ClaimCase } from '../case/claim-case';
import { CasesApi } from '../data-access/cases-api';
import { LiveUpdates } from '../live/live-updates';
import { QueueStore } from './queue-store';
import { caseListItem } from '../../../testing/cases';

const item = (id: string, over: Partial<CaseListItem> = {}): CaseListItem =>
  caseListItem({ id, reference: `SG-${id.toUpperCase()}`, priority: 'urgent', status: 'new', ...over });
const page = (ids: string[], nextCursor: string | null = null): CaseListResponse => ({ items: ids.map((id) => item(id)), nextCursor });

describe('QueueStore', () => {
  let store: QueueStore;
  let answers: Array<Observable<CaseListResponse>>;
  let asked: CaseListQuery[];
  let refresh: Subject<void>;
  const navigate = jest.fn();
  const announce = jest.fn();
  const claim = jest.fn();
  let supervisor = false;

  beforeEach(() => {
    answers = [];
    asked = [];
    refresh = new Subject();
    navigate.mockReset().mockResolvedValue(true);
    announce.mockReset();
    claim.mockReset().mockReturnValue(of(null));
    supervisor = false;
    TestBed.configureTestingModule({
      providers: [
        QueueStore,
        speakInTests('en'),
        {
          provide: CasesApi,
          useValue: {
            list: (query: CaseListQuery) => {
              asked.push(query);
              return answers.shift() ?? of(page([]));
            },
          },
        },
        { provide: LiveUpdates, useValue: { refresh$: refresh } },
        { provide: Router, useValue: { navigate } },
        { provide: LiveAnnouncer, useValue: { announce } },
        { provide: ClaimCase, useValue: { claim } },
        { provide: AuthSession, useValue: { hasRole: () => supervisor } },
      ],
    });
    store = TestBed.inject(QueueStore);
  });

  it('asks nothing until it knows the queue, then asks once with the filters it understands', () => {
    TestBed.tick();
    expect(asked).toEqual([]);
    answers.push(of(page(['a', 'b'], 'cursor-1')));
    store.follow({
      queue: 'mine',
      priority: 'emergency,urgent',
      status: 'nonsense',
      country: 'MY',
      q: ' x ',
      assignee: 'none',
      age: 'over_7d',
      overdue: 'nope',
    });
    TestBed.tick();
    expect(asked).toEqual([
      {
        queue: 'mine',
        priority: 'emergency,urgent',
        status: undefined,
        country: 'MY',
        q: undefined,
        assignee: 'none',
        age: 'over_7d',
        overdue: undefined,
        limit: 50,
      },
    ]);
    expect(store.items().map((i) => i.id)).toEqual(['a', 'b']);
    expect(store.nextCursor()).toBe('cursor-1');
    expect(store.loading()).toBe(false);
    expect(store.filtered()).toBe(true);
    expect(store.filterNotes()).toEqual(['Only cases nobody holds', 'Only Emergency and Urgent cases']);
  });

  it('falls back to Unassigned for a queue it does not know, and needs two letters to search', () => {
    store.follow({ queue: 'whatever', q: 'ab' });
    TestBed.tick();
    expect(store.queueName()).toBe('unassigned');
    expect(asked[0]).toMatchObject({ queue: 'unassigned', q: 'ab' });
    expect(store.title()).toBe('Unassigned');
  });

  it('does not ask the server for a search with nothing to look for', () => {
    store.follow({ queue: 'search' });
    TestBed.tick();
    expect(asked).toEqual([]);
    expect(store.awaitingSearch()).toBe(true);
    expect(store.loading()).toBe(false);
    expect(store.items()).toEqual([]);
  });

  it('asks again when a filter changes, but not when only the open case changes', () => {
    store.follow({ queue: 'mine' });
    TestBed.tick();
    store.follow({ queue: 'mine', status: 'waiting' });
    TestBed.tick();
    expect(asked.map((q) => q.status)).toEqual([undefined, 'waiting']);
    store.selectedId.set('a');
    TestBed.tick();
    expect(asked).toHaveLength(2);
  });

  it('live refresh re-reads every row on screen, marks and announces the ones that arrived', () => {
    answers.push(of(page(['a'])));
    store.follow({ queue: 'unassigned' });
    TestBed.tick();
    const many = Array.from({ length: 70 }, (_, i) => `r${i}`);
    answers.push(of(page(['a', ...many])));
    refresh.next();
    expect(asked[1]?.limit).toBe(50);
    expect(store.arrived().size).toBe(70);
    expect(store.liveChange()).toBe(true);
    expect(announce).toHaveBeenCalledWith(expect.stringContaining('Urgent SG-R0'), 'polite');
    answers.push(of(page(['a'])));
    refresh.next();
    expect(asked[2]?.limit).toBe(71);
    expect(store.arrived().size).toBe(0);
  });

  it('says why the list could not be read, and keeps the rows when only a live refresh fails', () => {
    answers.push(throwError(() => new Error('down')));
    store.follow({ queue: 'mine' });
    TestBed.tick();
    expect(store.problem()).toBe('This queue could not be loaded.');
    expect(store.items()).toEqual([]);
    expect(store.loading()).toBe(false);

    answers.push(of(page(['a'])));
    store.follow({ queue: 'all' });
    TestBed.tick();
    answers.push(throwError(() => new Error('down')));
    refresh.next();
    expect(store.items().map((i) => i.id)).toEqual(['a']);
    expect(store.problem()).toBeNull();
  });

  it('loads more after the cursor, once at a time, without repeating rows', () => {
    answers.push(of(page(['a', 'b'], 'cursor-1')));
    store.follow({ queue: 'mine' });
    TestBed.tick();
    const more = new Subject<CaseListResponse>();
    answers.push(more);
    store.loadMore();
    store.loadMore();
    expect(asked).toHaveLength(2);
    expect(asked[1]).toMatchObject({ queue: 'mine', limit: 50, cursor: 'cursor-1' });
    expect(store.loadingMore()).toBe(true);
    more.next(page(['b', 'c'], null));
    more.complete();
    expect(store.items().map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(store.nextCursor()).toBeNull();
    expect(store.loadingMore()).toBe(false);
    expect(announce).toHaveBeenCalledWith('2 more cases loaded', 'polite');
    store.loadMore();
    expect(asked).toHaveLength(2);
  });

  it('changes the list through the address: filters, clearing them, search, and the open case', () => {
    store.setFilters({ priority: 'urgent', status: '', country: 'MY' });
    expect(navigate).toHaveBeenLastCalledWith([], { queryParams: { priority: 'urgent', status: null, country: 'MY' }, queryParamsHandling: 'merge' });
    store.clearFilters();
    expect(navigate).toHaveBeenLastCalledWith([], {
      queryParams: { priority: null, status: null, country: null, assignee: null, age: null, overdue: null },
      queryParamsHandling: 'merge',
    });
    store.clearSearch();
    expect(navigate).toHaveBeenLastCalledWith([], { queryParams: { q: null }, queryParamsHandling: 'merge' });
    store.open(item('c9'), true);
    expect(navigate).toHaveBeenLastCalledWith([], { queryParams: { caseId: 'c9' }, queryParamsHandling: 'merge' });
    store.open(item('c9'), false);
    expect(navigate).toHaveBeenLastCalledWith(['/staff/cases', 'c9']);
    store.closeCase();
    expect(navigate).toHaveBeenLastCalledWith([], { queryParams: { caseId: null }, queryParamsHandling: 'merge' });
    store.claim(item('c9'));
    expect(claim).toHaveBeenCalledWith('c9', 'SG-C9');
  });

  it('shows the All queue to supervisors only', () => {
    store.follow({ queue: 'all' });
    expect(store.canSeeQueue()).toBe(false);
    supervisor = true;
    expect(store.canSeeQueue()).toBe(true);
    store.follow({ queue: 'mine' });
    supervisor = false;
    expect(store.canSeeQueue()).toBe(true);
  });
});
