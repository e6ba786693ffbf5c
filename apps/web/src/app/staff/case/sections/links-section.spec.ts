import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CaseLinks } from '@sg/contracts';
import { speakInTests } from '../../../system/i18n/testing';
import { AuthSession } from '../../auth/auth-session';
import { CaseStore } from '../case-store';
import { LinksSection } from './links-section';
import { CaseLinksApi } from '../../data-access/case-links-api';
import { elementOf, hostOf, query } from '../../../../testing/dom';

const ID = '7d0e3c6a-1d2b-4c1a-9a55-2f6f3f7b9a10';
const OTHER = { id: '11111111-2222-4333-8444-555555555555', reference: 'SG-AB12-CD34', status: 'in_progress', priority: 'urgent' } as const;
const NONE: CaseLinks = { links: [], hiddenLinks: 0, mergedInto: null, merged: [] };
const LINKED: CaseLinks = {
  ...NONE,
  links: [{ id: 'l1', linkedAt: '2026-12-06T10:00:00Z', case: OTHER, reason: 'Same wallet', linkedBy: 'Casey Caseworker' }],
};

describe('LinksSection', () => {
  let http: HttpTestingController;
  const reload = jest.fn();

  async function render(view: CaseLinks, supervisor = false) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        CaseLinksApi,
        provideRouter([]),
        speakInTests('en'),
        { provide: CaseStore, useValue: { detail: signal({ id: ID }), reload } },
        { provide: AuthSession, useValue: { hasRole: () => supervisor } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(LinksSection);
    fixture.detectChanges();
    http.expectOne(`/api/cases/${ID}/links`).flush(view);
    fixture.detectChanges();
    await fixture.whenStable();
    return fixture;
  }

  const type = (root: HTMLElement, form: string, name: string, text: string) => {
    const input = query(root, `[data-testid=${form}] input[formcontrolname=${name}]`, HTMLInputElement);
    input.value = text;
    input.dispatchEvent(new Event('input'));
  };

  afterEach(() => {
    http.verify();
    reload.mockReset();
  });

  it('links to another case by reference only with a reason, then lists it and reloads the case (both timelines have it)', async () => {
    const fixture = await render(NONE);
    const root = hostOf(fixture);
    expect(root.textContent).toContain('No linked cases.');
    type(root, 'link-form', 'reference', 'sg-ab12-cd34');
    query(root, '[data-testid=link-form] button[type=submit]', HTMLButtonElement).click();
    http.expectNone(`/api/cases/${ID}/links`);

    type(root, 'link-form', 'reason', 'Same wallet');
    query(root, '[data-testid=link-form] button[type=submit]', HTMLButtonElement).click();
    const link = http.expectOne({ method: 'POST', url: `/api/cases/${ID}/links` });
    expect(link.request.body).toEqual({ reference: 'SG-AB12-CD34', reason: 'Same wallet' });
    link.flush(LINKED);
    fixture.detectChanges();
    const row = query(root, '[data-testid=link]', HTMLElement);
    expect(row.textContent).toContain('SG-AB12-CD34');
    expect(row.textContent).toContain('Same wallet');
    expect(reload).toHaveBeenCalled();
  });

  it('removes a link', async () => {
    const fixture = await render(LINKED);
    const root = hostOf(fixture);
    const button = elementOf(
      [...root.querySelectorAll('[data-testid=link] button')].find((b) => b.textContent?.includes('Remove link to SG-AB12-CD34')),
      HTMLButtonElement,
      'the remove-link button',
    );
    button.click();
    http.expectOne({ method: 'DELETE', url: `/api/cases/${ID}/links/l1` }).flush(NONE);
    fixture.detectChanges();
    expect(root.querySelector('[data-testid=link]')).toBeNull();
  });

  it('says how many links go to cases the reader may not open, and offers a caseworker no merge', async () => {
    const fixture = await render({ ...NONE, hiddenLinks: 2 });
    const root = hostOf(fixture);
    expect(root.querySelector('[data-testid=hidden-links]')?.textContent).toContain('Linked to 2 cases you cannot open');
    expect(root.querySelector('[data-testid=merge-form]')).toBeNull();
  });

  it('a supervisor merges a duplicate into its original, and undoes it', async () => {
    const fixture = await render(NONE, true);
    const root = hostOf(fixture);
    type(root, 'merge-form', 'reference', 'SG-AB12-CD34');
    type(root, 'merge-form', 'reason', 'Filed twice');
    query(root, '[data-testid=merge-form] button[type=submit]', HTMLButtonElement).click();
    const merge = http.expectOne({ method: 'POST', url: `/api/cases/${ID}/merge` });
    expect(merge.request.body).toEqual({ reference: 'SG-AB12-CD34', reason: 'Filed twice' });
    merge.flush({ ...NONE, mergedInto: { mergedAt: '2026-12-06T10:00:00Z', case: OTHER } });
    fixture.detectChanges();
    expect(root.querySelector('[data-testid=merged-into]')?.textContent).toContain('SG-AB12-CD34');
    // A merged duplicate is linked through its original only.
    expect(root.querySelector('[data-testid=link-form]')).toBeNull();

    type(root, 'merge-form', 'reason', 'Not the same person');
    query(root, '[data-testid=merge-form] button[type=submit]', HTMLButtonElement).click();
    const unmerge = http.expectOne({ method: 'POST', url: `/api/cases/${ID}/unmerge` });
    expect(unmerge.request.body).toEqual({ reason: 'Not the same person' });
    unmerge.flush(NONE);
    fixture.detectChanges();
    expect(root.querySelector('[data-testid=merged-into]')).toBeNull();
  });

  it("shows the server's refusal (a reference the reader may not open reads as no case)", async () => {
    const fixture = await render(NONE);
    const root = hostOf(fixture);
    type(root, 'link-form', 'reference', 'SG-ZZZZ-ZZZZ');
    type(root, 'link-form', 'reason', 'Same handle');
    query(root, '[data-testid=link-form] button[type=submit]', HTMLButtonElement).click();
    http
      .expectOne({ method: 'POST', url: `/api/cases/${ID}/links` })
      .flush({ statusCode: 404, message: 'No case with that reference that you may open' }, { status: 404, statusText: 'Not Found' });
    fixture.detectChanges();
    expect(root.querySelector('[role=alert]')?.textContent).toContain('No case with that reference that you may open');
  });
});
