import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { provideRouter } from '@angular/router';
import type { ClusterCase, IdentifierCluster } from '@sg/contracts';
import { speakInTests } from '../../system/i18n/testing';
import { ClustersPage } from './clusters-page';
import { CaseLinksApi } from '../data-access/case-links-api';
import { ClusterPacketDialog } from './cluster-packet-dialog';
import { hostOf, query } from '../../../testing/dom';

const aCase = (n: number): ClusterCase => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  reference: `SG-AAAA-000${n}`,
  status: 'new',
  priority: 'urgent',
  country: 'MY',
  platforms: ['Instagram'],
  createdAt: '2026-12-01T10:00:00Z',
  updatedAt: '2026-12-02T10:00:00Z',
});

const cluster = (key: string, value: string, cases: ClusterCase[]): IdentifierCluster => ({
  key,
  kind: 'handle',
  value,
  caseCount: 3,
  firstSeen: '2026-11-01T10:00:00Z',
  lastSeen: '2026-12-01T10:00:00Z',
  lastActivityAt: '2026-12-02T10:00:00Z',
  platforms: ['Instagram', 'Snapchat'],
  countries: ['GB', 'MY'],
  priorities: ['urgent', 'standard'],
  outcomes: ['new', 'resolved'],
  cases,
});

describe('ClustersPage', () => {
  let http: HttpTestingController;

  let dialog: { open: jest.Mock };

  function render() {
    dialog = { open: jest.fn() };
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        CaseLinksApi,
        provideRouter([]),
        speakInTests('en'),
        { provide: MatDialog, useValue: dialog },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ClustersPage);
    fixture.detectChanges();
    return fixture;
  }

  afterEach(() => http.verify());

  it('lists shared identifiers with where and when they were seen, pages on, and opens one to show all its cases', () => {
    const fixture = render();
    const root = hostOf(fixture);
    http
      .expectOne((r) => r.url === '/api/clusters' && !r.params.has('cursor'))
      .flush({ items: [cluster('k1', 'serial.offender', [aCase(1), aCase(2)])], nextCursor: 'next-1' });
    fixture.detectChanges();
    const row = query(root, '[data-testid=cluster]', HTMLElement);
    expect(row.textContent).toContain('Handle');
    expect(row.textContent).toContain('serial.offender');
    expect(row.textContent).toContain('Instagram, Snapchat');
    expect(row.textContent).toContain('GB, MY');
    expect(row.textContent).toContain('Urgent');

    [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('Load more'))?.click();
    http
      .expectOne((r) => r.url === '/api/clusters' && r.params.get('cursor') === 'next-1')
      .flush({ items: [cluster('k2', 'second.one', [aCase(3)])], nextCursor: null });
    fixture.detectChanges();
    expect(root.querySelectorAll('[data-testid=cluster]')).toHaveLength(2);

    query(root, '[data-testid=cluster] button', HTMLButtonElement).click();
    http.expectOne('/api/clusters/k1').flush(cluster('k1', 'serial.offender', [aCase(1), aCase(2), aCase(3)]));
    fixture.detectChanges();
    const cases = query(root, '[data-testid=cluster-cases]', HTMLElement);
    expect(cases.textContent).toContain('3 cases hold Handle serial.offender');
    expect([...cases.querySelectorAll('a')].map((a) => a.textContent?.trim())).toEqual(['SG-AAAA-0001', 'SG-AAAA-0002', 'SG-AAAA-0003']);
  });

  it("offers the cluster's referral packet from the cluster view, for that cluster", () => {
    const fixture = render();
    const root = hostOf(fixture);
    http.expectOne((r) => r.url === '/api/clusters').flush({ items: [cluster('k1', 'serial.offender', [aCase(1), aCase(2)])], nextCursor: null });
    fixture.detectChanges();
    // Not before a cluster is open: the packet is of the cases the view lists.
    expect(root.querySelector('[data-testid=cluster-referral-packet]')).toBeNull();
    query(root, '[data-testid=cluster] button', HTMLButtonElement).click();
    http.expectOne('/api/clusters/k1').flush(cluster('k1', 'serial.offender', [aCase(1), aCase(2)]));
    fixture.detectChanges();
    const button = query(root, '[data-testid=cluster-referral-packet]', HTMLButtonElement);
    expect(button.textContent).toContain('Referral packet');
    expect(button.getAttribute('aria-label')).toBe('Referral packet for serial.offender');
    button.click();
    expect(dialog.open).toHaveBeenCalledWith(ClusterPacketDialog, expect.objectContaining({ data: { key: 'k1', kind: 'handle', value: 'serial.offender' } }));
  });

  it('says so when no identifier is shared yet', () => {
    const fixture = render();
    http.expectOne((r) => r.url === '/api/clusters').flush({ items: [], nextCursor: null });
    fixture.detectChanges();
    expect(hostOf(fixture).querySelector('[data-testid=no-clusters]')?.textContent).toContain('No identifier is shared');
  });
});
