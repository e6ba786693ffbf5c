import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter } from '@angular/router';
import type { CaseDetail, CaseIdentifierView } from '@sg/contracts';
import { NEVER, Subject } from 'rxjs';
import { speakInTests } from '../../../system/i18n/testing';
import { CasesApi } from '../../data-access/cases-api';
import { ConversationApi } from '../../data-access/conversation-api';
import { LiveUpdates } from '../../live/live-updates';
import { CaseStore } from '../case-store';
import { ClaimCase } from '../claim-case';
import { FactsSection } from './facts-section';
import { hostOf } from '../../../../testing/dom';
import { caseDetail } from '../../../../testing/cases';

const detail = (identifiers: CaseIdentifierView[]): CaseDetail => caseDetail({ status: 'in_progress', identifiers });

describe('offender identifiers on the case page', () => {
  function render(identifiers: CaseIdentifierView[]): HTMLElement {
    TestBed.configureTestingModule({
      providers: [
        speakInTests(),
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        CasesApi,
        CaseStore,
        { provide: MatSnackBar, useValue: { open: jest.fn() } },
        { provide: LiveUpdates, useValue: { changes$: new Subject(), reconnected$: new Subject(), changed: jest.fn(), conversation$: new Subject() } },
        { provide: ConversationApi, useValue: { unread: () => new Subject() } },
        { provide: ClaimCase, useValue: { claim: () => NEVER } },
      ],
    });
    TestBed.inject(CaseStore).open('c1');
    TestBed.tick();
    TestBed.inject(HttpTestingController).expectOne('/api/cases/c1').flush(detail(identifiers));
    const fixture = TestBed.createComponent(FactsSection);
    fixture.detectChanges();
    return hostOf(fixture);
  }

  it('a caseworker sees each identifier with "seen in N other cases", and no other case', () => {
    const page = render([
      { kind: 'handle', value: 'serial.offender', sources: ['platform', 'evidence'], otherCases: 2 },
      { kind: 'crypto_wallet', value: '0x52908400098527886e0f7030069857d2e4169ee7', sources: ['evidence'], otherCases: 1 },
      { kind: 'profile_url', value: 'https://instagram.com/serial.offender', sources: ['platform'], otherCases: 0 },
    ]);
    const items = [...page.querySelectorAll('.identifiers li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim());
    expect(items[0]).toContain('Handle · serial.offender (from platforms, from evidence)');
    expect(items[0]).toContain('Seen in 2 other cases');
    expect(items[1]).toContain('Crypto wallet');
    expect(items[1]).toContain('Seen in 1 other case');
    expect(items[2]).toContain('Not seen in other cases');
    expect(page.querySelectorAll('.identifiers a')).toHaveLength(0);
  });

  it('a supervisor gets links to the other cases; a gift card is never shown', () => {
    const page = render([
      { kind: 'handle', value: 'serial.offender', sources: ['platform'], otherCases: 1, cases: [{ id: 'c9', reference: 'SG-CCCC-DDDD' }] },
      { kind: 'gift_card', value: '••••', sources: ['evidence'], otherCases: 0, cases: [] },
    ]);
    const link = page.querySelector<HTMLAnchorElement>('.identifiers a');
    expect(link?.textContent?.trim()).toBe('SG-CCCC-DDDD');
    expect(link?.getAttribute('href')).toBe('/staff/cases/c9');
    expect(page.querySelector('.identifiers li:nth-child(2)')?.textContent).toContain('Gift card · hidden');
  });
});
