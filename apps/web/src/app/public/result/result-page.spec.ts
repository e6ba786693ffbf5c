import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { IntakeResponse } from '@sg/contracts';
import { speakInTests } from '../../system/i18n/testing';
import { IntakeResult } from './intake-result';
import { ResultPage } from './result-page';
import { hostOf } from '../../../testing/dom';

const RESPONSE: IntakeResponse = {
  reference: 'SG-7K3M-9QXD',
  accessCode: 'AB12-CD34-EF56-GH78',
  actionPlan: [],
  resources: [],
  firstResponseWithin: null,
  contact: { kind: 'declined' },
  country: 'MY',
};

describe('ResultPage', () => {
  async function render(language: 'en' | 'ms' | 'es', response: IntakeResponse | null): Promise<HTMLElement> {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      imports: [ResultPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), speakInTests(language)],
    });
    if (response) TestBed.inject(IntakeResult).set(response);
    const fixture = TestBed.createComponent(ResultPage);
    await fixture.whenStable();
    return hostOf(fixture);
  }

  afterEach(() => {
    const http = TestBed.inject(HttpTestingController);
    for (const lookup of http.match(() => true)) lookup.flush([]);
  });

  it('shows the codes, the emergency number and the links in Malay, keeping the language in the links', async () => {
    const root = await render('ms', RESPONSE);
    expect(root.querySelector('h1')?.textContent?.trim()).toBe('Kami sudah terima jawapan anda');
    expect(root.querySelector('#codes-heading')?.textContent?.trim()).toBe('Rujukan dan kod anda');
    expect(root.querySelector('[data-testid="emergency-number"]')?.textContent?.replace(/\s+/g, ' ').trim()).toMatch(
      /^Dalam bahaya sekarang\? Hubungi 999, atau 112 dari telefon bimbit$/,
    );
    const link = Array.from(root.querySelectorAll('a')).find((a) => a.textContent?.trim() === 'Kembali ke kes anda');
    expect(link?.getAttribute('href')).toBe('/ms/my-case');
  });

  it('says the same English as before', async () => {
    const root = await render('en', RESPONSE);
    expect(root.querySelector('h1')?.textContent?.trim()).toBe('We have your answers');
    expect(root.querySelector('[data-testid="emergency-number"]')?.textContent?.replace(/\s+/g, ' ').trim()).toMatch(/^In danger right now\? Call 999/);
    expect(root.querySelector('#next-heading + p')?.textContent?.trim()).toBe('You asked us not to contact you. That is fine.');
  });

  it('explains in Spanish that the page is shown only once', async () => {
    const root = await render('es', null);
    expect(root.querySelector('h1')?.textContent?.trim()).toBe('Esta página se muestra una sola vez');
    expect(root.querySelector('a.button.secondary')?.getAttribute('href')).toBe('/es/help');
  });
});
