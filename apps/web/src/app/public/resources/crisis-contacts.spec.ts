import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { ResourceDirectoryEntry } from '@sg/contracts';
import { EMERGENCY_NUMBERS, emergencyNumberText, Language } from '@sg/domain';
import { translatorFor } from '@sg/i18n/server';
import { speakInTests } from '../../system/i18n/testing';
import { contactParts } from './contact-links';
import { CrisisContacts } from './crisis-contacts';
import { hostOf, query } from '../../../testing/dom';

@Component({
  imports: [CrisisContacts],
  template: `<sg-crisis-contacts [country]="country()" (countryChange)="country.set($event)" />`,
})
class Host {
  readonly country = signal<string | null>(null);
}

const entry = (key: string, jurisdiction: string, name: string, contact: string): ResourceDirectoryEntry => ({
  id: key,
  key,
  jurisdiction,
  name,
  contact,
  url: null,
  purpose: 'crisis',
  audiences: ['self_harm'],
  sortOrder: 10,
  active: true,
  description: null,
  whenToUse: null,
  translations: {},
  fallsBackToEnglish: [],
});

describe('CrisisContacts', () => {
  let http: HttpTestingController;

  async function speak(language: Language) {
    await TestBed.configureTestingModule({
      imports: [Host],
      providers: [provideHttpClient(), provideHttpClientTesting(), speakInTests(language)],
    }).compileComponents();
    http = TestBed.inject(HttpTestingController);
  }

  beforeEach(() => speak('en'));

  afterEach(() => http.verify());

  async function render() {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    return fixture;
  }

  it('names countries only once the first screen is up, or at once when the select is touched', () => {
    const fixture = TestBed.createComponent(Host);
    fixture.componentInstance.country.set('GB');
    fixture.detectChanges();
    const root = hostOf(fixture);
    const select = query(root, 'select', HTMLSelectElement);
    // The first screen: no country named yet (loading the names is slow on a phone), but the
    // emergency line already follows the guessed country.
    expect(Array.from(select.options).map((option) => option.value)).toEqual(['']);
    expect(root.querySelector('.crisis-country label')?.textContent?.trim()).toBe('Somewhere else? Choose your country:');
    expect(root.querySelector('[data-testid="emergency-number"]')?.textContent).toContain('999');
    select.dispatchEvent(new Event('focus'));
    fixture.detectChanges();
    expect(select.options.length).toBeGreaterThan(240);
    expect(select.value).toBe('GB');
    expect(root.querySelector('.crisis-country label')?.textContent?.trim()).toBe('Showing helplines for United Kingdom. Somewhere else? Choose your country:');
    http.match(() => true).forEach((request) => request.flush([]));
  });

  it('with no country known, asks the directory and shows its worldwide lines only', async () => {
    const fixture = await render();
    const root = hostOf(fixture);
    expect(root.textContent).toContain('If you are in danger now, call your local emergency number');

    const request = http.expectOne((candidate) => candidate.url === '/api/resources');
    expect(request.request.params.has('country')).toBe(false);
    request.flush([entry('gb-samaritans', 'GB', 'Samaritans', 'Call 116 123'), entry('any-line', 'ANY', 'A worldwide line', 'Call +44 20 7000 0000')]);
    await fixture.whenStable();
    expect(root.textContent).toContain('A worldwide line');
    expect(root.textContent).not.toContain('Samaritans');
    expect(root.textContent).not.toContain('call your local emergency number.');
  });

  it('asks the directory again for the country once it is known', async () => {
    const fixture = await render();
    http.expectOne((candidate) => candidate.url === '/api/resources' && !candidate.params.has('country')).flush([]);
    fixture.componentInstance.country.set('MY');
    await fixture.whenStable();
    http
      .expectOne((candidate) => candidate.params.get('country') === 'MY')
      .flush([entry('my-emergency', 'MY', 'Emergency services', 'Call 999 if you are in danger now')]);
    await fixture.whenStable();
    const root = hostOf(fixture);
    expect(root.querySelector('a[href="tel:999"]')).not.toBeNull();
  });

  it('keeps the neutral line when the directory has no crisis line at all', async () => {
    const fixture = await render();
    http.expectOne(() => true).flush([]);
    await fixture.whenStable();
    expect(hostOf(fixture).textContent).toContain('If you are in danger now, call your local emergency number');
  });

  it('speaks the page language: the emergency line, the loading and failure words, the country names; service names stay', async () => {
    TestBed.resetTestingModule();
    await speak('ms');
    const fixture = await render();
    const root = hostOf(fixture);
    expect(root.textContent).toContain('Jika anda dalam bahaya sekarang, hubungi nombor kecemasan tempatan anda.');
    expect(root.textContent).toContain('Mencari talian bantuan…');
    http.expectOne(() => true).flush(null, { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    expect(root.querySelector('.crisis-retry button')?.textContent?.trim()).toBe('Cuba lagi');

    fixture.componentInstance.country.set('MY');
    await fixture.whenStable();
    http
      .expectOne((candidate) => candidate.params.get('country') === 'MY')
      .flush([{ ...entry('my-befrienders', 'MY', 'Befrienders KL', 'Call 03-7627 2929'), url: 'https://www.befrienders.org.my' }]);
    await fixture.whenStable();
    const line = root.querySelector('[data-testid="emergency-number"]');
    expect(line?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Jika anda dalam bahaya sekarang, hubungi 999, atau 112 dari telefon bimbit');
    expect(Array.from(line?.querySelectorAll('a') ?? []).map((link) => link.getAttribute('href'))).toEqual(['tel:999', 'tel:112']);
    expect(root.querySelector('.crisis-name')?.textContent).toBe('Befrienders KL');
    expect(root.querySelector('.crisis-site')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Laman web: Befrienders KL (dibuka dalam tab baharu)');
    expect(root.querySelector('.crisis-country label')?.textContent?.trim()).toBe('Talian bantuan untuk Malaysia. Di tempat lain? Pilih negara anda:');
    expect(root.querySelector('option[value="ES"]')?.textContent).toBe('Sepanyol');
  });
});

describe('the emergency numbers in words', () => {
  it('read in English exactly as the table writes them, for every country', () => {
    const english = translatorFor('en');
    for (const [country, numbers] of Object.entries(EMERGENCY_NUMBERS)) {
      const text = emergencyNumberText(country);
      expect(text && english.text(text)).toBe(numbers);
    }
  });

  it('keep every number in Malay and Spanish, the same ones to tap as in English', () => {
    const tapped = (line: string) =>
      contactParts(line)
        .filter((part) => part.href?.startsWith('tel:'))
        .map((part) => part.text);
    const english = translatorFor('en');
    for (const language of ['ms', 'es'] as const) {
      const translator = translatorFor(language);
      for (const [country, numbers] of Object.entries(EMERGENCY_NUMBERS)) {
        const text = emergencyNumberText(country);
        const said = text ? translator.t('person.crisis.inDangerCall', { numbers: translator.text(text) }) : '';
        expect(said.match(/\d+/g)).toEqual(numbers.match(/\d+/g));
        expect(tapped(said)).toEqual(tapped(english.t('person.crisis.inDangerCall', { numbers })));
      }
    }
  });
});

describe('the public pages', () => {
  it('build in no directory data: every helpline comes from the API, which admins edit', () => {
    const root = join(__dirname, '..');
    const sources = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(ts|html)$/.test(file) && !file.endsWith('.spec.ts'));
    expect(sources.length).toBeGreaterThan(20);
    const offenders = sources.filter((file) => /RESOURCE_DIRECTORY_SEED|resource-directory-seed/.test(readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
