import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter } from '@angular/router';
import type { CaseDetail, EvidenceEntry } from '@sg/contracts';
import type { Language } from '@sg/domain';
import { NEVER, Subject } from 'rxjs';
import { speakInTests } from '../../../system/i18n/testing';
import { CasesApi } from '../../data-access/cases-api';
import { ConversationApi } from '../../data-access/conversation-api';
import { LiveUpdates } from '../../live/live-updates';
import { CaseStore } from '../case-store';
import { ClaimCase } from '../claim-case';
import { EvidenceSection } from './evidence-section';
import { itemAt } from '@sg/domain';
import { hostOf, query } from '../../../../testing/dom';
import { caseDetail } from '../../../../testing/cases';

const WALLET = '0x52908400098527886E0F7030069857D2E4169EE7';

const entry = (over: Partial<EvidenceEntry> = {}): EvidenceEntry => ({
  id: 'e1',
  kind: 'payment',
  platform: null,
  offenderHandle: null,
  profileUrl: null,
  description: 'What they asked to be paid to',
  paymentReference: null,
  seenAt: null,
  sha256: null,
  fileName: null,
  addedAt: '2026-11-22T11:30:00Z',
  addedBy: { id: 's1', displayName: 'Casey Caseworker' },
  identifiers: [
    { id: 'i1', kind: 'crypto_wallet', value: WALLET.toLowerCase(), secret: false },
    { id: 'i2', kind: 'gift_card', value: '••••', secret: true },
  ],
  ...over,
});

const detail = (evidence: EvidenceEntry[]): CaseDetail => caseDetail({ status: 'in_progress', evidence });

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('the evidence form: identifier rows, editing and removing', () => {
  let fixture: ComponentFixture<EvidenceSection>;
  let http: HttpTestingController;
  let page: HTMLElement;

  function render(evidence: EvidenceEntry[] = [], language: Language = 'en'): void {
    TestBed.configureTestingModule({
      providers: [
        speakInTests(language),
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
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(CaseStore).open('c1');
    TestBed.tick();
    http.expectOne('/api/cases/c1').flush(detail(evidence));
    fixture = TestBed.createComponent(EvidenceSection);
    fixture.detectChanges();
    page = hostOf(fixture);
  }

  const button = (label: string): HTMLButtonElement => {
    const found = [...page.querySelectorAll('button')].find((b) => text(b) === label);
    if (!found) throw new Error(`No button "${label}" in: ${[...page.querySelectorAll('button')].map((b) => text(b)).join(' | ')}`);
    return found;
  };
  const rows = () => [...page.querySelectorAll('[data-testid="identifier-row"]')];
  const row = (index: number) => itemAt(rows(), index, 'identifier row');
  const type = (input: HTMLInputElement | HTMLTextAreaElement, value: string) => {
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    fixture.detectChanges();
  };
  const valueInput = (row: Element) => query(row, 'input', HTMLInputElement);
  const chooseKind = async (index: number, label: string) => {
    const selects = await TestbedHarnessEnvironment.loader(fixture).getAllHarnesses(MatSelectHarness.with({ ancestor: '[data-testid="identifier-row"]' }));
    const select = itemAt(selects, index, 'kind select');
    await select.open();
    await select.clickOptions({ text: label });
    fixture.detectChanges();
  };
  const describeIt = (value: string) => type(query(page, 'textarea[formcontrolname="description"]', HTMLTextAreaElement), value);
  const submit = () => {
    query(page, 'form', HTMLFormElement).dispatchEvent(new Event('submit'));
    fixture.detectChanges();
  };

  afterEach(() => http.verify());

  it('adds identifier rows, says what is wrong with a value for its kind next to it, and sends them typed', async () => {
    render();
    expect(rows()).toHaveLength(0);
    button('Add an identifier').click();
    fixture.detectChanges();
    await chooseKind(0, 'Crypto wallet');
    type(valueInput(row(0)), '0x1234');
    expect(text(row(0).querySelector('mat-error'))).toBe('Not a Bitcoin or Ethereum address: check it was copied whole');

    type(valueInput(row(0)), WALLET);
    expect(row(0).querySelector('mat-error')).toBeNull();
    // The form it is matched in, so the caseworker sees why two spellings are one identifier.
    expect(text(row(0).querySelector('mat-hint'))).toBe(`Matched as ${WALLET.toLowerCase()}`);

    button('Add an identifier').click();
    fixture.detectChanges();
    await chooseKind(1, 'Phone number');
    type(valueInput(row(1)), '012-345 6789');
    expect(text(row(1).querySelector('mat-error'))).toBe('Enter the number in international form: + and the country code first');

    describeIt('Where they asked for the money');
    submit();
    // An invalid row stops the form: nothing is sent.
    http.expectNone('/api/cases/c1/evidence');

    type(valueInput(row(1)), '+60 12-345 6789');
    submit();
    const request = http.expectOne({ method: 'POST', url: '/api/cases/c1/evidence' });
    expect(request.request.body).toEqual({
      kind: 'threat_message',
      description: 'Where they asked for the money',
      identifiers: [
        { kind: 'crypto_wallet', value: WALLET },
        { kind: 'phone', value: '+60 12-345 6789' },
      ],
    });
    request.flush(entry());
    http.expectOne('/api/cases/c1').flush(detail([entry()]));
    fixture.detectChanges();
    expect(rows()).toHaveLength(0);
  });

  it('removes a row, and puts a server problem under the row it names', () => {
    render();
    button('Add an identifier').click();
    button('Add an identifier').click();
    fixture.detectChanges();
    type(valueInput(row(0)), 'first.handle');
    type(valueInput(row(1)), 'second.handle');
    query(row(0), 'button[aria-label="Remove identifier 1"]', HTMLButtonElement).click();
    fixture.detectChanges();
    expect(rows().map((row) => valueInput(row).value)).toEqual(['second.handle']);

    describeIt('Their account');
    submit();
    http.expectOne({ method: 'POST', url: '/api/cases/c1/evidence' }).flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        errors: [{ path: 'identifiers[0].value', message: 'is not a valid identifier of that kind', code: 'custom' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    fixture.detectChanges();
    expect(text(row(0).querySelector('mat-error'))).toContain('is not a valid identifier of that kind');
    expect(page.querySelector('.problems[role="alert"]')).toBeNull();
  });

  it('lists each entry with its identifiers, a gift card hidden, and edits it keeping the hidden code', () => {
    render([entry()]);
    const listed = page.querySelector('[data-testid="entry-identifiers"]');
    expect(text(listed)).toBe(`Crypto wallet: ${WALLET.toLowerCase()} Gift card: hidden`);

    button('Edit').click();
    fixture.detectChanges();
    expect(text(page.querySelector('#evidence-form-title'))).toBe('Edit evidence');
    expect(query(page, 'textarea[formcontrolname="description"]', HTMLTextAreaElement).value).toBe('What they asked to be paid to');
    expect(rows()).toHaveLength(2);
    expect(valueInput(row(0)).value).toBe(WALLET.toLowerCase());
    // The code cannot be shown again: its row says it is kept, with no field to read it from.
    expect(text(row(1))).toContain('Kept as recorded (hidden)');
    expect(row(1).querySelector('input')).toBeNull();

    describeIt('Paid twice');
    button('Save changes').click();
    fixture.detectChanges();
    const request = http.expectOne({ method: 'PUT', url: '/api/cases/c1/evidence/e1' });
    expect(request.request.body).toEqual({
      kind: 'payment',
      description: 'Paid twice',
      identifiers: [{ kind: 'crypto_wallet', value: WALLET.toLowerCase() }, { keep: 'i2' }],
    });
    request.flush(entry({ description: 'Paid twice' }));
    http.expectOne('/api/cases/c1').flush(detail([entry({ description: 'Paid twice' })]));
    fixture.detectChanges();
    expect(text(page.querySelector('#evidence-form-title'))).toBe('Add evidence');
  });

  it('removes an entry only after a yes', () => {
    render([entry()]);
    button('Remove').click();
    fixture.detectChanges();
    expect(text(page.querySelector('[role="alertdialog"]'))).toContain('Remove this evidence and its identifiers?');
    button('Keep it').click();
    fixture.detectChanges();
    expect(page.querySelector('[role="alertdialog"]')).toBeNull();
    http.expectNone({ method: 'DELETE' });

    button('Remove').click();
    fixture.detectChanges();
    button('Remove evidence').click();
    http.expectOne({ method: 'DELETE', url: '/api/cases/c1/evidence/e1' }).flush(null, { status: 204, statusText: 'No Content' });
    http.expectOne('/api/cases/c1').flush(detail([]));
    fixture.detectChanges();
    expect(page.querySelector('[data-testid="entry-identifiers"]')).toBeNull();
  });

  it('speaks Malay: the rows and their problems', async () => {
    render([], 'ms');
    button('Tambah pengecam').click();
    fixture.detectChanges();
    await chooseKind(0, 'Kad hadiah');
    type(valueInput(row(0)), 'ab');
    expect(text(row(0).querySelector('mat-error'))).toBe('Kod kad hadiah ialah 4 hingga 64 huruf dan digit');
    type(valueInput(row(0)), '   ');
    expect(text(row(0).querySelector('mat-error'))).toBe('Masukkan pengecam, atau buang baris ini');
    expect(text(page.querySelector('fieldset legend'))).toBe('Pengecam dalam bukti ini');
  });
});
