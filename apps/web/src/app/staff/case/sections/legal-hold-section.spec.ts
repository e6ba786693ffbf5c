import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { CaseRetentionState } from '@sg/contracts';
import { speakInTests } from '../../../system/i18n/testing';
import { CaseStore } from '../case-store';
import { LegalHoldSection } from './legal-hold-section';
import { RetentionApi } from '../../data-access/retention-api';
import { hostOf, query } from '../../../../testing/dom';

const ID = '7d0e3c6a-1d2b-4c1a-9a55-2f6f3f7b9a10';
const HELD: CaseRetentionState = {
  hold: { reason: 'Police reference 2026/114', placedAt: '2026-12-06T10:00:00Z', placedBy: { id: 's1', displayName: 'Sam Supervisor' } },
  deletion: null,
};

describe('LegalHoldSection', () => {
  let http: HttpTestingController;
  const reload = jest.fn();

  async function render(state: CaseRetentionState) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        speakInTests('en'),
        RetentionApi,
        { provide: CaseStore, useValue: { detail: signal({ id: ID }), reload } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(LegalHoldSection);
    fixture.detectChanges();
    http.expectOne(`/api/cases/${ID}/legal-hold`).flush(state);
    fixture.detectChanges();
    await fixture.whenStable();
    return fixture;
  }

  const type = (root: HTMLElement, text: string) => {
    const input = query(root, 'input', HTMLInputElement);
    input.value = text;
    input.dispatchEvent(new Event('input'));
  };

  it('places a hold only with a reason, then shows it and reloads the case (the timeline has it)', async () => {
    const fixture = await render({ hold: null, deletion: null });
    const root = hostOf(fixture);
    expect(root.textContent).toContain('This case is not on legal hold.');
    query(root, 'button[type=submit]', HTMLButtonElement).click();
    http.expectNone(`/api/cases/${ID}/legal-hold`);

    type(root, 'Police reference 2026/114');
    query(root, 'button[type=submit]', HTMLButtonElement).click();
    const place = http.expectOne({ method: 'POST', url: `/api/cases/${ID}/legal-hold` });
    expect(place.request.body).toEqual({ reason: 'Police reference 2026/114' });
    place.flush(HELD);
    fixture.detectChanges();
    expect(root.querySelector('[data-testid=hold-reason]')?.textContent).toContain('Police reference 2026/114');
    expect(reload).toHaveBeenCalled();
  });

  it('releases a hold, and says when the person asked for deletion', async () => {
    const fixture = await render({ ...HELD, deletion: { requestedAt: '2026-12-06T10:00:00Z', executeAfter: '2026-12-13T10:00:00Z' } });
    const root = hostOf(fixture);
    expect(root.textContent).toContain('The person asked for this case to be deleted.');
    query(root, 'button[type=submit]', HTMLButtonElement).click();
    const release = http.expectOne({ method: 'POST', url: `/api/cases/${ID}/legal-hold/release` });
    expect(release.request.body).toEqual({});
    release.flush({ hold: null, deletion: null });
    fixture.detectChanges();
    expect(root.textContent).toContain('This case is not on legal hold.');
  });
});
