import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { IntakeResponse, ResourceDirectoryEntry } from '@sg/contracts';
import * as publicContract from '../contracts/public-contract';
import { IntakeResult } from '../result/intake-result';
import { emptyAnswers } from './intake-answers';
import { IntakePage } from './intake-page';
import { IntakeSession } from './intake-session';
import { speakInTests } from '../../system/i18n/testing';
import { hostOf } from '../../../testing/dom';

@Component({ template: '' })
class Sent {}

const RESPONSE: IntakeResponse = {
  reference: 'SG-7K3M-9QXD',
  accessCode: 'AB12-CD34-EF56-GH78',
  actionPlan: [
    {
      key: 'do_not_pay',
      title: { key: 'person.plan.do_not_pay.title', params: { voice: 'self' } },
      detail: { key: 'person.plan.do_not_pay.detail', params: { voice: 'self', paid: 'no' } },
      done: false,
    },
  ],
  resources: [],
  firstResponseWithin: { key: 'person.firstResponse.withinHours', params: { hours: 1 } },
  contact: { kind: 'not_said' },
  country: 'GB',
};

describe('IntakePage', () => {
  let fixture: ComponentFixture<IntakePage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    sessionStorage.clear();
    window.scrollTo = jest.fn();
    await TestBed.configureTestingModule({
      imports: [IntakePage],
      providers: [provideRouter([{ path: 'help/sent', component: Sent }]), provideHttpClient(), provideHttpClientTesting(), speakInTests()],
    }).compileComponents();
    http = TestBed.inject(HttpTestingController);
  });

  async function open(step = 0, change?: (answers: ReturnType<typeof emptyAnswers>) => void): Promise<HTMLElement> {
    const answers = emptyAnswers('GB');
    change?.(answers);
    TestBed.inject(IntakeSession).save({ step, answers });
    fixture = TestBed.createComponent(IntakePage);
    await fixture.whenStable();
    return hostOf(fixture);
  }

  async function choose(root: HTMLElement, name: string, value: string): Promise<void> {
    const input = root.querySelector<HTMLInputElement>(`input[formcontrolname="${name}"][value="${value}"]`);
    if (!input) throw new Error(`no ${name}=${value} on this screen`);
    input.click();
    await fixture.whenStable();
  }

  function click(root: HTMLElement, text: string): void {
    const button = Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.trim() === text);
    if (!button) throw new Error(`no button "${text}"`);
    button.click();
  }

  /** Lets the awaited HTTP answer reach the page (a few promise hops), then renders. */
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  const alertText = (root: HTMLElement) => root.querySelector('.crisis-alert[role="alert"]')?.textContent ?? '';

  describe('the crisis panel', () => {
    // What the organisation's directory answers for GB (admins edit it; nothing is built into the page).
    const entry = (key: string, jurisdiction: string, name: string, contact: string, sortOrder = 10): ResourceDirectoryEntry => ({
      id: key,
      key,
      jurisdiction,
      name,
      contact,
      url: null,
      purpose: 'crisis',
      audiences: ['self_harm'],
      sortOrder,
      active: true,
      description: null,
      whenToUse: null,
      translations: {},
      fallsBackToEnglish: [],
    });
    const GB_DIRECTORY = [
      entry('gb-emergency', 'GB', 'Emergency services', 'Call 999 if you are in danger now', 1),
      entry('gb-samaritans', 'GB', 'Samaritans', 'Call 116 123, free, day or night'),
      entry('any-emergency', 'ANY', 'Emergency services', 'Call your local emergency number if you are in danger now', 90),
    ];
    const directoryRequest = (country: string | null) =>
      http.expectOne((request) => request.url === '/api/resources' && request.params.get('country') === country);
    const calls = (root: HTMLElement) =>
      Array.from(root.querySelectorAll<HTMLAnchorElement>('.crisis-alert a[href^="tel:"]')).map((a) => a.getAttribute('href'));

    it.each(['thoughts', 'plan_or_intent'])(
      'appears on the safety screen as soon as self-harm answer "%s" is chosen, with the directory\'s lines once it answers',
      async (answer) => {
        const root = await open(1);
        expect(root.querySelector('h1')?.textContent).toContain('Step 2 of 5');
        expect(alertText(root)).not.toContain('Please get help now');

        await choose(root, 'selfHarm', answer);

        // At once, before the directory answers: help, and the country's emergency number (built in, not guessed).
        expect(alertText(root)).toContain('Please get help now');
        expect(alertText(root)).toContain('If you are in danger now, call 999 or 112');
        expect(calls(root)).toEqual(['tel:999', 'tel:112']);

        directoryRequest('GB').flush(GB_DIRECTORY);
        await settle();
        expect(calls(root)).toContain('tel:116123'); // Samaritans, for the country in the answers (GB)
        expect(calls(root)).toContain('tel:999');
        expect(alertText(root)).not.toContain('call your local emergency number.');
      },
    );

    it('appears when they say they are in danger, and goes when the answers change back', async () => {
      const root = await open(1);
      await choose(root, 'immediateDanger', 'yes');
      expect(alertText(root)).toContain('Please get help now');

      await choose(root, 'immediateDanger', 'no');
      await choose(root, 'selfHarm', 'none');
      expect(alertText(root)).not.toContain('Please get help now');
    });

    it('shows the organisation’s own crisis lines once the directory answers', async () => {
      const root = await open(1);
      await choose(root, 'selfHarm', 'thoughts');
      directoryRequest('GB').flush([entry('gb-shout', 'GB', 'Shout', 'Text SHOUT to 85258', 5)]);
      await settle();
      expect(alertText(root)).toContain('Shout');
      expect(root.querySelector('.crisis-alert a[href="sms:85258?body=SHOUT"]')).not.toBeNull();
    });

    it('keeps the neutral line and offers to try again when the directory cannot be reached', async () => {
      const root = await open(1);
      await choose(root, 'selfHarm', 'thoughts');
      directoryRequest('GB').flush('down', { status: 503, statusText: 'Service Unavailable' });
      await settle();
      expect(alertText(root)).toContain('If you are in danger now, call 999 or 112');
      expect(alertText(root)).toContain('We could not load the helplines just now');
      expect(calls(root)).toEqual(['tel:999', 'tel:112']);

      click(root, 'Try again');
      directoryRequest('GB').flush(GB_DIRECTORY);
      await settle();
      expect(calls(root)).toContain('tel:116123');
      expect(alertText(root)).not.toContain('We could not load the helplines');
    });
  });

  it('brings back the answers and the screen after a reload, and moves focus to the new heading on Next', async () => {
    let root = await open(0);
    await choose(root, 'ageBand', '13_17');
    fixture.destroy();

    // A reload: a new page reading what the tab kept.
    fixture = TestBed.createComponent(IntakePage);
    await fixture.whenStable();
    root = hostOf(fixture);
    expect(root.querySelector<HTMLInputElement>('input[value="13_17"]')?.checked).toBe(true);

    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle();
    const heading = root.querySelector('h1');
    expect(heading?.textContent).toContain('Step 2 of 5');
    expect(document.activeElement).toBe(heading);
    expect(TestBed.inject(IntakeSession).load()?.step).toBe(1);
  });

  it('moves one screen for a double tap on Next, so the safety screen is never skipped', async () => {
    const root = await open(0);
    const form = root.querySelector('form');
    form?.dispatchEvent(new Event('submit'));
    form?.dispatchEvent(new Event('submit'));
    await settle();
    await settle();
    expect(root.querySelector('h1')?.textContent).toContain('Are you safe right now?');
    expect(TestBed.inject(IntakeSession).load()?.step).toBe(1);
  });

  it('says so when the answer checks cannot be loaded, and stays on the screen', async () => {
    const load = jest.spyOn(publicContract, 'loadContracts').mockRejectedValueOnce(new Error('ChunkLoadError'));
    const root = await open(0);
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle();
    expect(root.querySelector('h1')?.textContent).toContain('Step 1 of 5');
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('We could not check your answers');
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Check your internet connection');

    // Back online: Next works and the message goes.
    load.mockRestore();
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle();
    expect(root.querySelector('h1')?.textContent).toContain('Step 2 of 5');
    expect(root.textContent).not.toContain('We could not check your answers');
  });

  describe('sending', () => {
    const ready = (a: ReturnType<typeof emptyAnswers>) => {
      a.contact.storeData = true;
    };

    async function send(root: HTMLElement): Promise<void> {
      root.querySelector('form')?.dispatchEvent(new Event('submit'));
      await settle();
    }

    it('keeps the answers after a network error and retries with the same Idempotency-Key', async () => {
      const root = await open(4, ready);
      await send(root);
      const first = http.expectOne('/api/intakes');
      const key = first.request.headers.get('Idempotency-Key');
      expect(key).toBeTruthy();
      expect(first.request.body).toMatchObject({ channel: 'web', country: 'GB', language: 'en', consent: { storeData: true } });
      first.error(new ProgressEvent('error'), { status: 0 });
      await settle();

      expect(root.textContent).toContain('We could not send your answers');
      expect(TestBed.inject(IntakeSession).load()).not.toBeNull();

      await send(root);
      const second = http.expectOne('/api/intakes');
      expect(second.request.headers.get('Idempotency-Key')).toBe(key);
      second.flush(RESPONSE, { status: 201, statusText: 'Created' });
      await settle();

      expect(TestBed.inject(IntakeResult).response()).toEqual(RESPONSE);
      // The form is gone from the tab (and the code was never stored there).
      expect(sessionStorage.getItem('sg.intake')).toBeNull();
      expect(sessionStorage.getItem('sg.intake-key')).toBeNull();
      expect(JSON.stringify(Object.entries(sessionStorage))).not.toContain(RESPONSE.accessCode);
      expect(TestBed.inject(Router).url).toBe('/help/sent');
    });

    it('asks again with the same key while the server is still saving the first try (409)', async () => {
      const root = await open(4, ready);
      await send(root);
      const first = http.expectOne('/api/intakes');
      const key = first.request.headers.get('Idempotency-Key');
      first.flush({ statusCode: 409, error: 'Conflict', message: 'Still processing' }, { status: 409, statusText: 'Conflict' });
      await new Promise((resolve) => setTimeout(resolve, 1600));
      const second = http.expectOne('/api/intakes');
      expect(second.request.headers.get('Idempotency-Key')).toBe(key);
      second.flush(RESPONSE, { status: 201, statusText: 'Created' });
      await settle();
      expect(TestBed.inject(IntakeResult).response()?.reference).toBe(RESPONSE.reference);
    });

    it('uses a new key when the old one went with different answers (422)', async () => {
      const root = await open(4, ready);
      await send(root);
      const first = http.expectOne('/api/intakes');
      const key = first.request.headers.get('Idempotency-Key');
      first.flush({ statusCode: 422, error: 'Unprocessable Entity', message: 'Key reused' }, { status: 422, statusText: 'Unprocessable Entity' });
      await settle();
      const second = http.expectOne('/api/intakes');
      expect(second.request.headers.get('Idempotency-Key')).not.toBe(key);
      second.flush(RESPONSE, { status: 201, statusText: 'Created' });
      await settle();
      expect(TestBed.inject(Router).url).toBe('/help/sent');
    });

    it('says it could not send when the answer checks cannot be loaded', async () => {
      jest.spyOn(publicContract, 'loadContracts').mockRejectedValueOnce(new Error('ChunkLoadError'));
      const root = await open(4, ready);
      await send(root);
      http.expectNone('/api/intakes');
      expect(root.textContent).toContain('We could not send your answers');
      expect(root.textContent).toContain('Check your internet connection');
    });

    it('does not send without consent, and says so next to the box', async () => {
      const root = await open(4);
      await send(root);
      http.expectNone('/api/intakes');
      const box = root.querySelector<HTMLInputElement>('#f-contact-storeData');
      expect(box?.getAttribute('aria-invalid')).toBe('true');
      expect(box?.getAttribute('aria-describedby')).toContain('f-contact-storeData-error');
      expect(root.querySelector('#f-contact-storeData-error')?.textContent).toContain('Please tick this box');
      expect(document.activeElement?.classList.contains('error-summary')).toBe(true);
    });

    it('shows a server 400 beside the right field, on the right screen', async () => {
      const root = await open(4, (a) => {
        ready(a);
        a.where.platforms = [
          { platform: '', offenderHandle: '', profileUrl: '' },
          { platform: 'Snapchat', offenderHandle: 'x', profileUrl: '' },
        ];
      });
      await send(root);
      http.expectOne('/api/intakes').flush(
        {
          statusCode: 400,
          error: 'Bad Request',
          message: 'Invalid',
          errors: [{ path: 'platforms[0].offenderHandle', message: 'must be at most 200 characters' }],
        },
        { status: 400, statusText: 'Bad Request' },
      );
      await settle();

      expect(root.querySelector('h1')?.textContent).toContain('Step 4 of 5');
      const input = root.querySelector<HTMLInputElement>('#f-where-platforms-1-offenderHandle');
      expect(input?.getAttribute('aria-invalid')).toBe('true');
      expect(root.querySelector('#f-where-platforms-1-offenderHandle-error')?.textContent).toContain('This is too long');
    });

    it('asks them to wait after a 429, honouring Retry-After', async () => {
      const root = await open(4, ready);
      await send(root);
      http
        .expectOne('/api/intakes')
        .flush(
          { statusCode: 429, error: 'Too Many Requests', message: 'Slow down' },
          { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '20' } },
        );
      await settle();
      expect(root.textContent).toContain('Please wait 20 seconds');
      const sendButton = root.querySelector<HTMLButtonElement>('button[type="submit"]');
      expect(sendButton?.disabled).toBe(true);
      fixture.destroy();
    });
  });

  afterEach(() => {
    http.match(() => true);
    http.verify();
    jest.restoreAllMocks();
  });

  it('offers Back on later screens without losing answers', async () => {
    const root = await open(2, (a) => (a.about.ageBand = '18_plus'));
    click(root, 'Back');
    await fixture.whenStable();
    expect(root.querySelector('h1')?.textContent).toContain('Step 2 of 5');
    click(root, 'Back');
    await fixture.whenStable();
    expect(root.querySelector<HTMLInputElement>('input[value="18_plus"]')?.checked).toBe(true);
  });
});
