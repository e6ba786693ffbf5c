import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CaseListItem, CaseListResponse } from '@sg/contracts';
import type { Language } from '@sg/domain';
import { NEVER, of } from 'rxjs';
import { speakInTests } from '../../system/i18n/testing';
import { AuthSession } from '../auth/auth-session';
import { ClaimCase } from '../case/claim-case';
import { CasesApi } from '../data-access/cases-api';
import { ShortcutBus } from '../keyboard/shortcut-bus';
import { LiveUpdates } from '../live/live-updates';
import { Clock } from '../ui/clock';
import { QueuePage } from './queue-page';
import { itemAt } from '@sg/domain';
import { hostOf } from '../../../testing/dom';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const row = (over: Partial<CaseListItem> = {}): CaseListItem => ({
  id: 'c1',
  reference: 'SG-7K3M-AAAA',
  priority: 'urgent',
  status: 'new',
  assignee: null,
  createdAt: '2026-11-22T11:00:00Z',
  firstResponseDueAt: new Date(NOW + 85 * 60_000).toISOString(),
  firstRespondedAt: null,
  deadlineAt: new Date(NOW + 5 * 3_600_000).toISOString(),
  triageFactors: [],
  ageBand: '13_17',
  country: 'MY',
  version: 1,
  unreadMessages: 2,
  seenInOtherCases: 0,
  ...over,
});

/** The queue page in the staff member's language: every word on it comes from the catalogue. */
async function render(language: Language, items: CaseListItem[]): Promise<HTMLElement> {
  const response: CaseListResponse = { items, nextCursor: null };
  TestBed.configureTestingModule({
    imports: [QueuePage],
    providers: [
      provideRouter([]),
      speakInTests(language),
      { provide: CasesApi, useValue: { list: () => of(response) } },
      { provide: LiveUpdates, useValue: { refresh$: NEVER } },
      { provide: ClaimCase, useValue: { claim: () => of(null) } },
      { provide: ShortcutBus, useValue: { commands$: NEVER } },
      { provide: AuthSession, useValue: { hasRole: () => true } },
      { provide: Clock, useValue: { now: signal(NOW).asReadonly() } },
    ],
  });
  const fixture = TestBed.createComponent(QueuePage);
  fixture.componentRef.setInput('queue', 'unassigned');
  fixture.detectChanges();
  await fixture.whenStable();
  fixture.detectChanges();
  return hostOf(fixture);
}

const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('QueuePage in the staff member’s language', () => {
  it('speaks Malay: title, filters, row and empty state', async () => {
    const page = await render('ms', [row()]);
    expect(text(page.querySelector('h1'))).toBe('Belum diagihkan 1 kes');
    expect(text(page.querySelector('form.filters'))).toContain('Keutamaan');
    expect(text(page.querySelector('form.filters'))).toContain('Negara');
    expect(page.querySelector('form.filters')?.getAttribute('aria-label')).toBe('Tapis senarai kes');
    const rowText = text(page.querySelector('.row'));
    expect(rowText).toContain('2 mesej belum dibaca');
    expect(rowText).toContain('Balasan pertama perlu dibalas dalam 1 jam 25 min');
    expect(rowText).toContain('tarikh akhir ugutan dalam 5 jam');
    expect(rowText).toContain('13–17 tahun · Malaysia');
    expect(rowText).toContain('Tiada faktor risiko dikesan');
    expect(rowText).toContain('Diagihkan kepada Belum diagihkan');
    expect(rowText).not.toMatch(/unread|First response|due in|Assigned to/);
  });

  it('says the same page in today’s English', async () => {
    const page = await render('en', [row()]);
    expect(text(page.querySelector('h1'))).toBe('Unassigned 1 cases');
    const rowText = text(page.querySelector('.row'));
    expect(rowText).toContain('2 unread messages');
    expect(rowText).toContain('First response due in 1 h 25 min');
    expect(rowText).toContain('deadline in 5 h');
    expect(rowText).toContain('Assigned to Unassigned');
  });

  it('shows "seen in N other cases" on a row as a count, in words for a screen reader, and nothing when none', async () => {
    const page = await render('en', [row({ id: 'c1', seenInOtherCases: 3 }), row({ id: 'c2', reference: 'SG-7K3M-BBBB', seenInOtherCases: 0 })]);
    const rows = [...page.querySelectorAll('.row')];
    const shared = itemAt(rows, 0, 'row');
    const alone = itemAt(rows, 1, 'row');
    const badge = shared.querySelector('[data-testid="row-seen"]');
    expect(text(badge)).toBe('+3 cases Seen in 3 other cases');
    expect(badge?.getAttribute('title')).toBe('Seen in 3 other cases');
    expect(alone.querySelector('[data-testid="row-seen"]')).toBeNull();
    const malay = await (TestBed.resetTestingModule(), render('ms', [row({ seenInOtherCases: 1 })]));
    expect(text(malay.querySelector('[data-testid="row-seen"]'))).toBe('+1 kes Dilihat dalam 1 kes lain');
  });

  it('says an empty queue in Malay', async () => {
    const page = await render('ms', []);
    expect(text(page.querySelector('.empty'))).toBe('Tiada kes yang menunggu untuk diambil. Kes baharu akan muncul di sini sebaik sahaja diterima.');
  });
});
