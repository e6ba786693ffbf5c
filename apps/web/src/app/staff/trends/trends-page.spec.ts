import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { TrendsResponse } from '@sg/contracts';
import type { StaffLanguage } from '@sg/domain';
import { Observable, of } from 'rxjs';
import { speakInTests } from '../../system/i18n/testing';
import { TrendsApi } from './data-access/trends-api';
import { DownloadsApi } from '../data-access/downloads-api';
import { HttpHeaders, HttpResponse } from '@angular/common/http';
import { TrendsPage } from './trends-page';
import { hostOf, query } from '../../../testing/dom';
import { found } from '@sg/domain';

const zero = { emergency: 0, urgent: 0, high: 0, standard: 0 };

function fixture(): TrendsResponse {
  const week = (weekStart: string, priority: 'emergency' | 'urgent' | 'high' | 'standard', median: number | null) => ({
    weekStart,
    priority,
    responded: median === null ? 0 : 4,
    medianSeconds: median,
    p90Seconds: median === null ? null : median * 2,
    withinTarget: median === null ? 0 : 3,
    missed: median === null ? 0 : 1,
    attainment: median === null ? null : 0.75,
  });
  return {
    generatedAt: '2026-12-01T12:00:00.000Z',
    window: { days: 7, timeZone: 'Europe/London', firstDay: '2026-11-25', lastDay: '2026-12-01', from: '2026-11-25T00:00:00.000Z' },
    intakes: {
      total: 9,
      byPriority: { emergency: 1, urgent: 3, high: 0, standard: 5 },
      perDay: [
        { day: '2026-11-25', total: 4, byPriority: { emergency: 1, urgent: 1, high: 0, standard: 2 } },
        { day: '2026-11-26', total: 0, byPriority: zero },
        { day: '2026-11-27', total: 0, byPriority: zero },
        { day: '2026-11-28', total: 2, byPriority: { emergency: 0, urgent: 2, high: 0, standard: 0 } },
        { day: '2026-11-29', total: 0, byPriority: zero },
        { day: '2026-11-30', total: 0, byPriority: zero },
        { day: '2026-12-01', total: 3, byPriority: { emergency: 0, urgent: 0, high: 0, standard: 3 } },
      ],
    },
    firstResponse: {
      byPriority: [
        {
          priority: 'emergency',
          targetSeconds: 900,
          cases: 1,
          responded: 1,
          medianSeconds: 1200,
          p90Seconds: 1200,
          withinTarget: 0,
          missed: 1,
          pending: 0,
          attainment: 0,
        },
        {
          priority: 'urgent',
          targetSeconds: 3600,
          cases: 3,
          responded: 3,
          medianSeconds: 1800,
          p90Seconds: 3000,
          withinTarget: 3,
          missed: 0,
          pending: 0,
          attainment: 1,
        },
        {
          priority: 'high',
          targetSeconds: 28800,
          cases: 0,
          responded: 0,
          medianSeconds: null,
          p90Seconds: null,
          withinTarget: 0,
          missed: 0,
          pending: 0,
          attainment: null,
        },
        {
          priority: 'standard',
          targetSeconds: 172800,
          cases: 5,
          responded: 2,
          medianSeconds: 7200,
          p90Seconds: 9000,
          withinTarget: 2,
          missed: 0,
          pending: 3,
          attainment: 1,
        },
      ],
      weekly: [
        week('2026-11-24', 'emergency', 1200),
        week('2026-11-24', 'urgent', 1800),
        week('2026-11-24', 'high', null),
        week('2026-11-24', 'standard', 7200),
        week('2026-12-01', 'emergency', null),
        week('2026-12-01', 'urgent', null),
        week('2026-12-01', 'high', null),
        week('2026-12-01', 'standard', null),
      ],
      waitingPastTargetNow: { emergency: 2, urgent: 0, high: 0, standard: 0 },
    },
    takedowns: {
      byPlatform: [{ platform: 'Instagram', requests: 4, removed: 3, rejected: 1, open: 0, removalRate: 0.75, medianSecondsToRemoval: 72000 }],
      total: { requests: 4, removed: 3, rejected: 1, open: 0, removalRate: 0.75, medianSecondsToRemoval: 72000 },
    },
    reports: {
      byAgencyKind: [
        { agencyKind: 'police', filed: 2, acknowledged: 1, actioned: 0, noAction: 0, acknowledgementRate: 0.5, medianSecondsToAcknowledgement: 259200 },
        { agencyKind: 'cybercrime_unit', filed: 0, acknowledged: 0, actioned: 0, noAction: 0, acknowledgementRate: null, medianSecondsToAcknowledgement: null },
        { agencyKind: 'cybertipline', filed: 0, acknowledged: 0, actioned: 0, noAction: 0, acknowledgementRate: null, medianSecondsToAcknowledgement: null },
        { agencyKind: 'platform', filed: 0, acknowledged: 0, actioned: 0, noAction: 0, acknowledgementRate: null, medianSecondsToAcknowledgement: null },
      ],
    },
  };
}

describe('TrendsPage', () => {
  let asked: number[];
  let fundersCsv: jest.Mock;

  async function render(days?: string, language: StaffLanguage = 'en'): Promise<HTMLElement> {
    asked = [];
    fundersCsv = jest.fn(() =>
      of(
        new HttpResponse({
          body: new Blob(['month,measure']),
          headers: new HttpHeaders({ 'content-disposition': 'attachment; filename="funders-2026-01-to-2026-12.csv"' }),
        }),
      ),
    );
    const api: Pick<TrendsApi, 'trends'> = {
      trends: (window: number): Observable<TrendsResponse> => {
        asked.push(window);
        return of(fixture());
      },
    };
    await TestBed.configureTestingModule({
      imports: [TrendsPage],
      providers: [provideRouter([]), { provide: TrendsApi, useValue: api }, { provide: DownloadsApi, useValue: { fundersCsv } }, speakInTests(language)],
    }).compileComponents();
    const page = TestBed.createComponent(TrendsPage);
    if (days) page.componentRef.setInput('days', days);
    await page.whenStable();
    page.detectChanges();
    return hostOf(page);
  }

  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  /** A row or a list as a person reads it: each cell or item, in order. */
  const cells = (element: Element | null | undefined) =>
    Array.from(element?.children ?? [])
      .map(text)
      .join(' | ');

  it('asks for the window in the address, and 30 days for anything it does not offer', async () => {
    await render('7');
    expect(asked).toEqual([7]);
    TestBed.resetTestingModule();
    await render('1000');
    expect(asked).toEqual([30]);
  });

  it('draws intakes per day with a legend and a summary a screen reader can read', async () => {
    const page = await render('7');
    const chart = page.querySelector('sg-intake-chart');
    expect(cells(chart?.querySelector('.legend'))).toBe('▲ Emergency1 | ◆ Urgent3 | ● High0 | ○ Standard5');
    const svg = chart?.querySelector('svg[role="img"]');
    const described = (svg?.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => text(page.querySelector(`[id="${id}"]`)));
    expect(described[0]).toBe('Intakes per day over the last 7 days, by priority');
    expect(described[1]).toContain('9 intakes in total');
    expect(described[1]).toContain('Today so far 3');
    expect(described[1]).toContain('4 days with none');
  });

  it('shows every day, empty ones as zero, in the numbers table behind the toggle', async () => {
    const page = await render('7');
    const toggle = found(
      Array.from(page.querySelectorAll('button')).find((button) => text(button) === 'Show the numbers'),
      'the Show the numbers button',
    );
    const region = query(page, '#intakes-numbers', HTMLElement);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(region.hidden).toBe(true);
    toggle.click();
    await new Promise((r) => setTimeout(r));
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(region.hidden).toBe(false);
    const rows = Array.from(region.querySelectorAll('tbody tr')).map(cells);
    expect(rows).toHaveLength(7);
    expect(rows[1]).toBe('Thu 26 Nov | 0 | 0 | 0 | 0 | 0');
    expect(rows[6]).toBe('Tue 1 Dec | 0 | 0 | 0 | 3 | 3');
  });

  it('links the cases waiting past target now to the Overdue queue for that priority', async () => {
    const page = await render('7');
    const link = query(page, 'table.response a.count-link', HTMLAnchorElement);
    expect(text(link)).toBe('2');
    expect(link.getAttribute('href')).toBe('/staff/queues/overdue?priority=emergency');
    expect(text(page.querySelector('table.response tbody tr'))).toContain('⚠ over target: 20 min');
  });

  it('tables takedowns by platform with the removal rate and median time, and reports by agency', async () => {
    const page = await render('7');
    expect(cells(page.querySelector('table.takedowns tbody tr'))).toBe('Instagram | 4 | 3 | 75% | 20 h | 1 | 0');
    expect(cells(page.querySelector('table.takedowns tfoot tr'))).toBe('All platforms | 4 | 3 | 75% | 20 h | 1 | 0');
    expect(cells(page.querySelector('table.reports tbody tr'))).toBe('Police | 2 | 1 | 50% | 3 days | 0 | 0');
  });

  it('speaks Malay to a supervisor who chose it: words, days, durations and counts', async () => {
    const page = await render('7', 'ms');
    expect(text(page.querySelector('h1'))).toBe('Trend');
    expect(text(page.querySelector('mat-button-toggle'))).toBe('7 hari lepas');
    expect(text(page.querySelector('.tiles .label'))).toBe('kes masuk · 3 hari ini');
    const svg = page.querySelector('sg-intake-chart svg[role="img"]');
    expect(text(svg?.querySelector('title'))).toBe('Kes masuk setiap hari dalam 7 hari lepas, mengikut keutamaan');
    expect(text(svg?.querySelector('desc'))).toContain('Sejumlah 9 kes masuk.');
    expect(cells(page.querySelector('#intakes-numbers thead tr'))).toMatch(/^Hari \|.* \| Jumlah$/);
    expect(cells(page.querySelectorAll('#intakes-numbers tbody tr')[1])).toBe('Kha, 26 Nov | 0 | 0 | 0 | 0 | 0');
    expect(cells(page.querySelector('table.takedowns tbody tr'))).toBe('Instagram | 4 | 3 | 75% | 20 jam | 1 | 0');
    expect(cells(page.querySelector('table.takedowns tfoot tr'))).toBe('Semua platform | 4 | 3 | 75% | 20 jam | 1 | 0');
    expect(cells(page.querySelector('table.reports tbody tr')).split(' | ').slice(1).join(' | ')).toBe('2 | 1 | 50% | 3 hari | 0 | 0');
    // No key is shown raw, and no English heading is left.
    expect(page.textContent).not.toMatch(/staff\.trends\./);
    expect(page.textContent).not.toContain('Time to first response');
  });

  it("downloads the funders' CSV under the server's file name, and says what it holds", async () => {
    const saved: string[] = [];
    Object.assign(URL, { createObjectURL: jest.fn(() => 'blob:csv'), revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const page = await render();
    expect(text(page.querySelector('#funders-hint'))).toContain('any count under 5 shows as <5');
    query(page, '[data-testid="funders-csv"]', HTMLButtonElement).click();
    expect(fundersCsv).toHaveBeenCalledTimes(1);
    expect(saved).toEqual(['funders-2026-01-to-2026-12.csv']);
    click.mockRestore();
  });
});
