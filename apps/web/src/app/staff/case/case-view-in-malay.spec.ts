import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { EMPTY } from 'rxjs';
import { speakInTests } from '../../system/i18n/testing';
import { AuthSession } from '../auth/auth-session';
import { StaffApi } from '../data-access/staff-api';
import { ShortcutBus } from '../keyboard/shortcut-bus';
import { Clock } from '../ui/clock';
import { CaseStore } from './case-store';
import { CaseView } from './case-view';
import { CaseWorkStore } from './case-work-store';
import { hostOf } from '../../../testing/dom';
import { caseDetail, caseFacts } from '../../../testing/cases';

const detail = caseDetail({
  id: 'c1',
  reference: 'SG-AAAA-BBBB',
  version: 3,
  status: 'new',
  allowedTransitions: ['in_progress'],
  priority: 'urgent',
  triagePriority: 'urgent',
  triageFactors: [],
  priorityOverride: null,
  firstResponseDueAt: '2026-12-03T16:00:00Z',
  firstRespondedAt: null,
  assignee: null,
  createdAt: '2026-12-03T14:05:00Z',
  facts: caseFacts({ country: 'MY', channel: 'web' }),
  contact: { channel: 'none', consentToContact: false, hasDetails: false },
  actionPlan: [],
  evidence: [],
  notes: [],
  timeline: [],
});

/** A staff member who chose Malay opens a case: the header and the tabs are Malay, no key shows raw. */
describe('CaseView in Malay', () => {
  it('says the header, the actions and the tabs in Malay', () => {
    TestBed.configureTestingModule({
      providers: [
        speakInTests('ms'),
        { provide: AuthSession, useValue: { hasRole: () => true, user: signal(null) } },
        { provide: StaffApi, useValue: { assignable: () => EMPTY } },
        { provide: ShortcutBus, useValue: { commands$: EMPTY } },
        { provide: Clock, useValue: { now: signal(Date.parse('2026-12-03T14:30:00Z')) } },
      ],
    });
    // The view provides its own stores; these stand in for them (nothing is fetched).
    TestBed.overrideComponent(CaseView, {
      set: {
        providers: [
          {
            provide: CaseStore,
            useValue: {
              detail: signal(detail),
              state: signal('ready'),
              problem: signal(null),
              busy: signal(false),
              conversationUnread: signal(2),
              open: () => undefined,
            },
          },
          {
            provide: CaseWorkStore,
            useValue: { open: () => undefined, takedowns: signal({ items: [], problem: null }), reports: signal({ items: null, problem: null }) },
          },
        ],
      },
    });
    const fixture = TestBed.createComponent(CaseView);
    fixture.componentRef.setInput('caseId', 'c1');
    fixture.detectChanges();
    const text = hostOf(fixture).textContent ?? '';

    expect(text).toContain('Ambil kes');
    expect(text).toContain('Tugaskan');
    expect(text).toContain('Ubah keutamaan');
    expect(text).toContain('Belum ada sesiapa');
    expect(text).toContain('Tiada faktor risiko dikesan');
    expect(text).toContain('Perbualan (2 baharu)');
    expect(text).toContain('Penurunan kandungan (0)');
    expect(text).toMatch(/Diterima\s*\d+ Dis/);
    expect(text).not.toMatch(/staff\./);
    expect(text).not.toContain('Override priority');
  });
});
