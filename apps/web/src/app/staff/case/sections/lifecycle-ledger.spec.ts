import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { HttpErrorResponse } from '@angular/common/http';
import { Observable, of, throwError } from 'rxjs';
import { speakInTests } from '../../../system/i18n/testing';
import { LedgerColumn, LedgerReference, LedgerWords, LifecycleLedger } from './lifecycle-ledger';
import { ListState } from '../case-work-store';
import { takedownActions } from './lifecycle-actions';
import type { TakedownStatus } from '@sg/domain';
import { TAKEDOWN_STATUS_LABELS } from '../../ui/labels';
import { hostOf, query, queryAll } from '../../../../testing/dom';
import { itemAt } from '@sg/domain';

interface Row {
  id: string;
  name: string;
  status: TakedownStatus;
  allowedTransitions: TakedownStatus[];
  ticketNumber: string | null;
  createdAt: string;
}

const row = (id: string, createdAt: string, ticketNumber: string | null = null): Row => ({
  id,
  name: `Name ${id}`,
  status: 'draft',
  allowedTransitions: ['submitted'],
  ticketNumber,
  createdAt,
});

const words: LedgerWords = {
  titleId: 'things-title',
  title: 'staff.case.takedowns.title',
  hint: 'staff.case.takedowns.hint',
  loading: 'staff.case.takedowns.loading',
  empty: 'staff.case.takedowns.empty',
  finished: 'staff.case.takedowns.finished',
  updateStatusOf: 'staff.case.takedowns.updateStatusOf',
};

@Component({
  imports: [LifecycleLedger, LedgerColumn],
  template: `
    <sg-lifecycle-ledger
      rowAttribute="data-thing"
      [state]="state()"
      [words]="words"
      [statusLabels]="labels"
      [tone]="tone"
      [actions]="actions"
      [reference]="reference"
      [busyId]="null"
      [dates]="dates"
      [rowParams]="params"
      (statusChosen)="chosen.push($event.status)"
    >
      <ng-template sgLedgerColumn="staff.case.common.platform" let-r>{{ r.name }}</ng-template>
    </sg-lifecycle-ledger>
  `,
})
class Host {
  readonly state = signal<ListState<Row>>({ items: [row('b', '2026-12-03T15:00:00Z'), row('a', '2026-12-03T14:00:00Z', 'T-1')], problem: null });
  readonly words = words;
  readonly labels = TAKEDOWN_STATUS_LABELS;
  readonly tone: Record<TakedownStatus, string> = {
    draft: 'quiet',
    submitted: '',
    acknowledged: '',
    removed: '',
    rejected: '',
    escalated: '',
    reappeared: '',
  };
  readonly actions = takedownActions;
  readonly chosen: string[] = [];
  readonly saved: Array<[string, string]> = [];
  answer: Observable<unknown> = of(null);
  readonly reference: LedgerReference<Row> = {
    header: 'staff.case.takedowns.ticket',
    label: 'staff.case.takedowns.ticket',
    errorName: 'staff.case.takedowns.ticket',
    none: 'staff.case.takedowns.noneYet',
    add: 'staff.case.takedowns.add',
    addFor: 'staff.case.takedowns.addTicketFor',
    editFor: 'staff.case.takedowns.editTicketFor',
    maxLength: 10,
    value: (r) => r.ticketNumber,
    save: (r, value) => {
      this.saved.push([r.id, value]);
      return this.answer;
    },
  };
  readonly dates = (r: Row) => [{ key: 'staff.case.takedowns.opened', at: r.createdAt }];
  readonly params = (r: Row) => ({ platform: r.name });
}

describe('the lifecycle ledger', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [speakInTests('en')] }));

  function render() {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    return { fixture, host: fixture.componentInstance, root: hostOf(fixture) };
  }

  it('lists the entries oldest first, with their columns, status, reference and dates, marked by id', () => {
    const { root } = render();
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-thing'))).toEqual(['a', 'b']);
    const headers = [...root.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
    expect(headers).toEqual(['Platform', 'Status', 'Ticket number', 'Dates', 'Actions']);
    expect(rows[0]?.textContent).toContain('Name a');
    expect(rows[0]?.textContent).toContain('Draft');
    expect(rows[0]?.textContent).toContain('T-1');
    expect(rows[1]?.textContent).toContain('None yet');
    expect(rows[0]?.textContent).toMatch(/Opened/);
    expect(root.querySelector('table')?.getAttribute('aria-labelledby')).toBe('things-title');
    expect(root.querySelector('h2#things-title')).not.toBeNull();
    expect(rows[0]?.querySelector('button[aria-label="Update the status of the Name a request"]')).not.toBeNull();
  });

  it('says when there is nothing yet, and spans every column', () => {
    const { fixture, host, root } = render();
    host.state.set({ items: [], problem: null });
    fixture.detectChanges();
    const cell = root.querySelector('tbody td.empty');
    expect(cell?.textContent).toContain('No takedown requests yet.');
    expect(cell?.getAttribute('colspan')).toBe('5');
  });

  it('says the problem, or that it is loading, instead of the table', () => {
    const { fixture, host, root } = render();
    host.state.set({ items: null, problem: 'Could not read them' });
    fixture.detectChanges();
    expect(root.querySelector('[role=alert]')?.textContent).toContain('Could not read them');
    expect(root.querySelector('table')).toBeNull();
    host.state.set({ items: null, problem: null });
    fixture.detectChanges();
    expect(root.querySelector('mat-progress-bar')).not.toBeNull();
  });

  it('edits the reference inline: saves it trimmed and closes, or keeps the server problem on the field', () => {
    const { fixture, host, root } = render();
    const second = () => itemAt(queryAll(root, 'tbody tr', HTMLElement), 1, 'tbody tr');
    query(second(), 'button[aria-label="Add a ticket number for Name b"]', HTMLButtonElement).click();
    fixture.detectChanges();
    const input = query(second(), 'input', HTMLInputElement);
    input.value = '  T-2 ';
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    host.answer = throwError(() => new HttpErrorResponse({ status: 400, error: { errors: [{ path: 'ticketNumber', message: 'is odd' }] } }));
    query(second(), 'form', HTMLFormElement).dispatchEvent(new Event('submit'));
    fixture.detectChanges();
    expect(host.saved).toEqual([['b', 'T-2']]);
    expect(second().querySelector('form')).not.toBeNull();
    expect(second().textContent).toContain('is odd');
    // The server's problem stays on the field until the caseworker changes it.
    host.answer = of(null);
    query(second(), 'form', HTMLFormElement).dispatchEvent(new Event('submit'));
    expect(host.saved).toEqual([['b', 'T-2']]);
    input.dispatchEvent(new Event('input'));
    query(second(), 'form', HTMLFormElement).dispatchEvent(new Event('submit'));
    fixture.detectChanges();
    expect(host.saved).toEqual([
      ['b', 'T-2'],
      ['b', 'T-2'],
    ]);
    expect(second().querySelector('form')).toBeNull();
  });

  it('refuses a reference longer than the limit without asking the server', () => {
    const { fixture, host, root } = render();
    const first = () => query(root, 'tbody tr', HTMLElement);
    query(first(), 'button[aria-label="Edit the ticket number for Name a"]', HTMLButtonElement).click();
    fixture.detectChanges();
    const input = query(first(), 'input', HTMLInputElement);
    expect(input.value).toBe('T-1');
    input.value = 'x'.repeat(11);
    input.dispatchEvent(new Event('input'));
    query(first(), 'form', HTMLFormElement).dispatchEvent(new Event('submit'));
    fixture.detectChanges();
    expect(host.saved).toEqual([]);
  });
});
