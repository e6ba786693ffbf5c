import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { speakInTests } from '../../system/i18n/testing';
import { emptyAnswers } from './intake-answers';
import { IntakePage } from './intake-page';
import { IntakeSession } from './intake-session';
import { hostOf } from '../../../testing/dom';

@Component({ template: '' })
class Sent {}

/** The form in Malay: every word from the catalogue, none left as a raw key, and the language sent with the answers. */
describe('IntakePage in Malay', () => {
  let fixture: ComponentFixture<IntakePage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    sessionStorage.clear();
    window.scrollTo = jest.fn();
    await TestBed.configureTestingModule({
      imports: [IntakePage],
      providers: [provideRouter([{ path: 'help/sent', component: Sent }]), provideHttpClient(), provideHttpClientTesting(), speakInTests('ms')],
    }).compileComponents();
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    // The crisis panel may ask the directory for helplines; not what these tests are about.
    http.match(() => true);
  });

  async function open(step: number, change?: (answers: ReturnType<typeof emptyAnswers>) => void): Promise<HTMLElement> {
    const answers = emptyAnswers('MY');
    change?.(answers);
    TestBed.inject(IntakeSession).save({ step, answers });
    fixture = TestBed.createComponent(IntakePage);
    await fixture.whenStable();
    return hostOf(fixture);
  }

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  /** Everything a person could read or hear: the text, and the labels screen readers announce. */
  function words(root: HTMLElement): string {
    const labels = Array.from(root.querySelectorAll('[aria-label]'), (element) => element.getAttribute('aria-label'));
    return [root.textContent ?? '', ...labels].join(' ');
  }

  it('asks the first questions in Malay', async () => {
    const root = await open(0);
    expect(root.querySelector('h1')?.textContent).toContain('Langkah 1 daripada 5');
    expect(root.querySelector('h1')?.textContent).toContain('Tentang anda');
    expect(root.textContent).toContain('Siapa yang mengisi borang ini?');
    expect(root.textContent).toContain('Saya. Perkara ini berlaku kepada saya.');
    expect(root.textContent).toContain('13 hingga 17 tahun');
    expect(root.textContent).toContain('Seterusnya');
    expect(words(root)).not.toMatch(/person\./);
  });

  it('names countries in Malay and speaks every screen without a raw key', async () => {
    for (const step of [1, 2, 3, 4]) {
      const root = await open(step, (a) => (a.safety.immediateDanger = 'yes'));
      expect(words(root)).not.toMatch(/person\./);
      fixture.destroy();
    }
    const root = await open(3);
    const countries = Array.from(root.querySelectorAll('#f-where-country option'), (option) => option.textContent?.trim());
    expect(countries[0]).toBe('Pilih negara');
    expect(countries).toContain(new Intl.DisplayNames(['ms'], { type: 'region' }).of('DE'));
    expect(root.textContent).toContain('Tambah pautan lain');
    expect(root.textContent).toMatch(/0 daripada 5[.,\s]?000 aksara/);
  });

  it('says what to fix in Malay, naming the field, and sends the language with the answers', async () => {
    const root = await open(4, (a) => {
      a.contact.storeData = true;
      a.where.platforms = [{ platform: 'Snapchat', offenderHandle: 'x', profileUrl: '' }];
    });
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle();
    const request = http.expectOne('/api/intakes');
    expect(request.request.body).toMatchObject({ language: 'ms' });
    request.flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'Invalid',
        errors: [{ path: 'platforms[0].offenderHandle', message: 'must be at most 200 characters' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();

    expect(root.querySelector('h1')?.textContent).toContain('Langkah 4 daripada 5');
    expect(root.querySelector('#f-where-platforms-0-offenderHandle-error')?.textContent).toContain('Ini terlalu panjang. Sila guna 200 aksara atau kurang.');
    expect(root.querySelector('.error-summary')?.textContent).toContain('Nama pengguna dia (aplikasi atau laman 1): Ini terlalu panjang.');
    expect(words(root)).not.toMatch(/person\./);
  });

  it('checks answers before sending and says the limit in Malay (the zod issue code and maximum)', async () => {
    const root = await open(4, (a) => (a.contact.alias = 'x'.repeat(500)));
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle();
    http.expectNone('/api/intakes');
    expect(root.querySelector('#f-contact-alias-error')?.textContent).toMatch(/Ini terlalu panjang\. Sila guna \d+ aksara atau kurang\./);
    expect(root.querySelector('#f-contact-storeData-error')?.textContent).toContain('Sila tandakan kotak ini.');
    expect(root.querySelector('.error-summary h2')?.textContent).toContain('Sila semak jawapan ini');
    expect(words(root)).not.toMatch(/person\./);
  });
});
