import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, input, output } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { CASE_SESSION_HEADER, type CaseAccessView } from '@sg/contracts';
import { CATALOGUES } from '@sg/i18n/server';
import { I18n } from '../../system/i18n/i18n';
import { speakInTests } from '../../system/i18n/testing';
import { ConversationPanel } from './conversation-panel';
import { MyCasePage } from './my-case-page';
import { waitWords } from './wait-words';
import { elementOf } from '../../../testing/dom';

/** The conversation has its own live stream; these tests are about the page around it. */
@Component({ selector: 'sg-conversation-panel', template: '' })
class QuietConversation {
  readonly session = input.required<string>();
  readonly sessionEnded = output<void>();
}

const TOKEN = 'session-token-1';
const CURRENT = '/api/case-access/current';

/**
 * The view as the server sends it once the case has a language: status and summaries as keys.
 * Built loosely so the spec holds on both sides of that contract change.
 */
function view(language: 'en' | 'ms' | 'es' = 'en'): CaseAccessView {
  return {
    reference: 'SG-7K3M-9QXD',
    createdAt: '2026-12-01T10:00:00Z',
    status: { key: 'person.caseStatus.in_progress' },
    actionPlan: [],
    resources: [],
    firstResponseWithin: null,
    reply: { openNow: true, nextOpeningAt: null, replyBy: null },
    contact: { kind: 'declined' },
    country: 'MY',
    additions: [{ at: '2026-12-02T10:00:00Z', summary: { key: 'person.caseStatus.resolved' } }],
    language,
  };
}

describe('MyCasePage', () => {
  let http: HttpTestingController;

  function setUp(language: 'en' | 'ms' = 'en'): void {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'my-case', component: MyCasePage },
          { path: 'ms', children: [{ path: 'my-case', component: MyCasePage }] },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        speakInTests(language),
      ],
    });
    TestBed.overrideComponent(MyCasePage, { remove: { imports: [ConversationPanel] }, add: { imports: [QuietConversation] } });
    http = TestBed.inject(HttpTestingController);
  }

  /** Lets an awaited HTTP answer reach the page (a few promise hops), then renders. */
  async function settle(harness: RouterTestingHarness): Promise<void> {
    for (let i = 0; i < 5; i++) await Promise.resolve();
    await harness.fixture.whenStable();
  }

  function expectCurrent(): TestRequest {
    const request = http.expectOne(CURRENT);
    expect(request.request.method).toBe('GET');
    expect(request.request.headers.get(CASE_SESSION_HEADER)).toBe(TOKEN);
    return request;
  }

  afterEach(() => {
    // The contacts around the page look up the directory for the case's country: not this spec's business.
    for (const lookup of http.match((request) => request.url.startsWith('/api/resources'))) lookup.flush([]);
    http.verify();
  });

  it('asks for the reference and code in Malay when no case is open in the tab', async () => {
    setUp('ms');
    const harness = await RouterTestingHarness.create('/ms/my-case');
    const root = elementOf(harness.routeNativeElement, HTMLElement, 'the routed page');
    expect(root.querySelector('h1')?.textContent?.trim()).toBe('Kembali ke kes anda');
    expect(root.querySelector('label[for="f-reference"]')?.textContent?.trim()).toBe('Rujukan');
    expect(root.querySelector('button[type="submit"]')?.textContent?.trim()).toBe('Buka kes saya');
  });

  it('shows a field error in the page language', async () => {
    setUp('ms');
    const harness = await RouterTestingHarness.create('/ms/my-case');
    const root = elementOf(harness.routeNativeElement, HTMLElement, 'the routed page');
    root.querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle(harness);
    expect(root.querySelector('#f-reference-error')?.textContent).toContain('Tulis rujukan seperti yang ditunjukkan');
  });

  it('keeps the open case across a switch to Malay: the new page reopens from the tab’s session, says it in Malay, and tells the server', async () => {
    setUp('en');
    sessionStorage.setItem('sg.my-case-conversation', JSON.stringify(TOKEN));
    const harness = await RouterTestingHarness.create('/my-case');
    expectCurrent().flush(view('en'));
    await settle(harness);
    let root = elementOf(harness.routeNativeElement, HTMLElement, 'the routed page');
    expect(root.querySelector('h1')?.textContent?.trim()).toBe('Your case SG-7K3M-9QXD');
    expect(root.querySelector('dd')?.textContent?.trim()).toBe('Someone is working on it');
    // Page and case speak the same language: nothing to tell.
    http.expectNone(`${CURRENT}/language`);

    // What the language switch does: the tab speaks Malay, then the page moves under /ms (a new page).
    TestBed.inject(I18n).useLoaded('ms', 'all', CATALOGUES.ms);
    await harness.navigateByUrl('/ms/my-case');
    // No sign-in form: the session in the tab opens it again, without the code.
    expectCurrent().flush(view('en'));
    await settle(harness);
    root = elementOf(harness.routeNativeElement, HTMLElement, 'the routed page');
    expect(root.querySelector('form.sign-in')).toBeNull();
    expect(root.querySelector('h1')?.textContent?.trim()).toBe('Kes anda SG-7K3M-9QXD');
    expect(root.querySelector('dd')?.textContent?.trim()).toBe('Seseorang sedang menguruskannya');
    expect(root.querySelector('.additions li')?.textContent).toContain('Selesai');

    const told = http.expectOne(`${CURRENT}/language`);
    expect(told.request.method).toBe('PUT');
    expect(told.request.body).toEqual({ language: 'ms' });
    expect(told.request.headers.get(CASE_SESSION_HEADER)).toBe(TOKEN);
    told.flush(null, { status: 204, statusText: 'No Content' });
  });

  it('stays open when telling the server the language fails', async () => {
    setUp('ms');
    sessionStorage.setItem('sg.my-case-conversation', JSON.stringify(TOKEN));
    const harness = await RouterTestingHarness.create('/ms/my-case');
    expectCurrent().flush(view('en'));
    await settle(harness);
    http.expectOne(`${CURRENT}/language`).flush(null, { status: 500, statusText: 'Server Error' });
    await settle(harness);
    const root = elementOf(harness.routeNativeElement, HTMLElement, 'the routed page');
    expect(root.querySelector('h1')?.textContent?.trim()).toBe('Kes anda SG-7K3M-9QXD');
    expect(root.querySelector('[role="alert"] .field-error')).toBeNull();
  });

  it('does not tell the server when the case already speaks the page’s language', async () => {
    setUp('ms');
    sessionStorage.setItem('sg.my-case-conversation', JSON.stringify(TOKEN));
    const harness = await RouterTestingHarness.create('/ms/my-case');
    expectCurrent().flush(view('ms'));
    await settle(harness);
    http.expectNone(`${CURRENT}/language`);
  });
});

describe('waitWords', () => {
  it('rounds like the English wait and lets each language word it', () => {
    expect(waitWords(20)).toEqual({ key: 'person.myCase.wait', params: { unit: 'second', count: 20 } });
    expect(waitWords(61)).toEqual({ key: 'person.myCase.wait', params: { unit: 'minute', count: 2 } });
  });
});
