import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter } from '@angular/router';
import type { QueueHealth, StaffMember } from '@sg/contracts';
import { Subject, of } from 'rxjs';
import { speakInTests } from '../../system/i18n/testing';
import { CasesApi } from '../data-access/cases-api';
import { StaffApi } from '../data-access/staff-api';
import { SupervisionApi } from '../data-access/supervision-api';
import { LiveUpdates } from '../live/live-updates';
import { Clock } from '../ui/clock';
import { QueueHealthPage, withAssignment } from './queue-health-page';
import { elementOf, hostOf, query } from '../../../testing/dom';

const health = (): QueueHealth => ({
  generatedAt: '2026-11-22T12:00:00Z',
  openByPriorityAndAge: [
    { priority: 'emergency', age: 'under_1h', count: 2 },
    { priority: 'urgent', age: 'over_7d', count: 3 },
  ],
  unassignedPastTarget: {
    count: 2,
    cases: [
      { id: 'late-1', reference: 'SG-LATE-0001', priority: 'emergency', firstResponseDueAt: '2026-11-22T11:00:00Z' },
      { id: 'late-2', reference: 'SG-LATE-0002', priority: 'high', firstResponseDueAt: '2026-11-22T11:30:00Z' },
    ],
  },
  caseworkerLoad: [
    { staff: { id: 'busy', displayName: 'Casey Caseworker' }, role: 'caseworker', open: 9, emergencyOrUrgent: 4, waiting: 2 },
    { staff: { id: 'free', displayName: 'Charlie Caseworker' }, role: 'caseworker', open: 1, emergencyOrUrgent: 0, waiting: 0 },
  ],
  overdueFollowUps: 5,
});
const staff: StaffMember[] = [
  { id: 'busy', displayName: 'Casey Caseworker', email: 'caseworker@demo.test', role: 'caseworker', active: true },
  { id: 'free', displayName: 'Charlie Caseworker', email: 'caseworker2@demo.test', role: 'caseworker', active: true },
  { id: 'sup', displayName: 'Sam Supervisor', email: 'supervisor@demo.test', role: 'supervisor', active: true },
];

describe('withAssignment', () => {
  it('takes the case off the past-target list and adds it to its new holder', () => {
    const after = withAssignment(health(), 'late-1', 'free');
    expect(after.unassignedPastTarget).toMatchObject({ count: 1, cases: [{ id: 'late-2' }] });
    expect(after.caseworkerLoad.find((row) => row.staff.id === 'free')).toMatchObject({ open: 2, emergencyOrUrgent: 1 });
    // A recount that already has it is left alone.
    expect(withAssignment(after, 'late-1', 'free')).toBe(after);
  });
});

describe('QueueHealthPage', () => {
  function render() {
    const assign = jest.fn(() => of({}));
    const changed = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: SupervisionApi, useValue: { queueHealth: () => of(health()) } },
        { provide: CasesApi, useValue: { assign } },
        { provide: StaffApi, useValue: { assignable: () => of(staff) } },
        { provide: LiveUpdates, useValue: { refresh$: new Subject(), changed } },
        { provide: MatSnackBar, useValue: { open: jest.fn() } },
        Clock,
        speakInTests(),
      ],
    });
    const fixture = TestBed.createComponent(QueueHealthPage);
    fixture.detectChanges();
    const root = hostOf(fixture);
    return { fixture, root, assign, changed };
  }

  it('makes every number a link to the queue filtered to what it counts', () => {
    const { root } = render();
    const href = (text: RegExp, scope: ParentNode = root) => [...scope.querySelectorAll('a')].find((a) => text.test(a.textContent ?? ''))?.getAttribute('href');
    const tiles = query(root, '.tiles', HTMLElement);
    expect(href(/unassigned past their response target/, tiles)).toBe('/staff/queues/unassigned?overdue=first_response');
    expect(href(/open cases/, tiles)).toBe('/staff/queues/all');
    expect(href(/overdue follow-ups/, tiles)).toBe('/staff/queues/all?overdue=follow_up');
    const columnTotals = [...root.querySelectorAll('tfoot td a')].map((a) => a.getAttribute('href'));
    expect(columnTotals).toEqual([
      '/staff/queues/all?age=under_1h',
      '/staff/queues/all?age=1h_to_24h',
      '/staff/queues/all?age=1d_to_7d',
      '/staff/queues/all?age=over_7d',
      '/staff/queues/all',
    ]);
    const casey = elementOf(
      [...root.querySelectorAll('.load li')].find((li) => li.textContent?.includes('Casey')),
      HTMLElement,
      "Casey's load",
    );
    expect(href(/9 open/, casey)).toBe('/staff/queues/all?assignee=busy');
    expect(href(/4 emergency or urgent/, casey)).toBe('/staff/queues/all?assignee=busy&priority=emergency,urgent');
    expect(href(/2 waiting/, casey)).toBe('/staff/queues/all?assignee=busy&status=waiting');
  });

  it('assigns a late case in one click to the least loaded caseworker, guarded, and updates the page at once', () => {
    const { fixture, root, assign, changed } = render();
    const button = query(root, '.breaches tbody tr button', HTMLButtonElement);
    button.click();
    fixture.detectChanges();
    expect(assign).toHaveBeenCalledWith('late-1', 'free', null);
    expect(root.querySelectorAll('.breaches tbody tr')).toHaveLength(1);
    expect(root.querySelector('.tiles .number')?.textContent?.trim()).toBe('1');
    expect(changed).toHaveBeenCalled();
  });
});
