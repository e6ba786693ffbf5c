import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import type { ResourceDirectoryEntry } from '@sg/contracts';
import type { Language } from '@sg/domain';
import { of } from 'rxjs';
import { speakInTests } from '../../system/i18n/testing';
import { ResourceDirectoryApi } from '../data-access/resource-directory-api';
import { ResourceDialog } from './resource-dialog';
import { ResourcesPage } from './resources-page';
import { hostOf } from '../../../testing/dom';

const entry = (overrides: Partial<ResourceDirectoryEntry>): ResourceDirectoryEntry => ({
  id: 'r1',
  key: 'sg-helpline',
  jurisdiction: 'SG',
  name: 'Helpline',
  contact: 'Call 1800 000 000',
  url: null,
  purpose: 'crisis',
  audiences: ['everyone'],
  sortOrder: 10,
  active: true,
  description: null,
  whenToUse: null,
  translations: {},
  fallsBackToEnglish: [],
  ...overrides,
});

const entries = [
  entry({ id: 'w1', key: 'any-befrienders', jurisdiction: 'ANY', name: 'Befrienders Worldwide', purpose: 'support', audiences: ['everyone', 'self_harm'] }),
  entry({
    id: 's1',
    key: 'sg-police',
    jurisdiction: 'SG',
    name: 'Police report',
    purpose: 'reporting',
    audiences: ['minors'],
    active: false,
    url: 'https://example.org',
  }),
];

const text = (element: Node | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function render(language: Language): Promise<HTMLElement> {
  TestBed.configureTestingModule({
    imports: [ResourcesPage],
    providers: [speakInTests(language), { provide: ResourceDirectoryApi, useValue: { list: () => of(entries) } }],
  });
  const fixture = TestBed.createComponent(ResourcesPage);
  await fixture.whenStable();
  fixture.detectChanges();
  return hostOf(fixture);
}

describe('ResourcesPage', () => {
  it('keeps its English words', async () => {
    const root = await render('en');
    expect(text(root.querySelector('h1'))).toBe('Resource directory');
    expect(text(root.querySelector('.page-head .meta'))).toBe('2 entries · 1 retired');
    expect(Array.from(root.querySelectorAll('h2')).map((heading) => text(heading.firstChild))).toEqual(['Worldwide (ANY)', 'Singapore (SG)']);
    expect(Array.from(root.querySelectorAll('section:first-of-type thead th')).map(text)).toEqual([
      'Name',
      'Purpose',
      'Contact',
      'For',
      'Order',
      'Status',
      'Actions',
    ]);
    const police = root.querySelector('tr[data-key="sg-police"]');
    expect(text(police?.querySelector('td'))).toBe('Reporting');
    expect(text(police?.querySelector('.for'))).toBe('Under 18s');
    expect(text(police?.querySelector('.status'))).toBe('Retired');
    expect(text(police?.querySelector('.actions'))).toBe('Edit Police report (SG) Restore Police report (SG)');
    expect(text(police?.querySelector('.contact a'))).toBe('https://example.org (opens in a new tab)');
    expect(text(root.querySelector('tr[data-key="any-befrienders"] .for'))).toBe('Everyone, At risk of self-harm');
  });
});

/** An admin who chose Malay looks after the directory: every word is Malay, no key shows raw. */
describe('ResourcesPage in Malay', () => {
  it('says the page, the groups, the table and the row actions in Malay', async () => {
    const root = await render('ms');
    expect(text(root.querySelector('h1'))).toBe('Direktori sumber');
    expect(text(root.querySelector('.page-head .meta'))).toBe('2 entri · 1 dihentikan');
    expect(text(root.querySelector('.page-head button'))).toBe('Tambah sumber');
    expect(text(root.querySelector('.filters mat-checkbox'))).toBe('Tunjukkan entri yang dihentikan');
    // Country names come from the browser in the dashboard's language.
    expect(Array.from(root.querySelectorAll('h2')).map((heading) => text(heading.firstChild))).toEqual(['Seluruh dunia (ANY)', 'Singapura (SG)']);
    expect(text(root.querySelector('caption'))).toBe('Sumber untuk Seluruh dunia (ANY)');
    expect(Array.from(root.querySelectorAll('section:first-of-type thead th')).map(text)).toEqual([
      'Nama',
      'Tujuan',
      'Cara hubungi',
      'Untuk',
      'Susunan',
      'Status paparan',
      'Tindakan',
    ]);
    const police = root.querySelector('tr[data-key="sg-police"]');
    expect(text(police?.querySelector('td'))).toBe('Laporan');
    expect(text(police?.querySelector('.for'))).toBe('Bawah 18 tahun');
    expect(text(police?.querySelector('.status'))).toBe('Dihentikan');
    expect(text(police?.querySelector('.actions'))).toBe('Ubah Police report (SG) Pulihkan Police report (SG)');
    expect(text(police?.querySelector('.contact a'))).toBe('https://example.org (dibuka dalam tab baharu)');
    const befrienders = root.querySelector('tr[data-key="any-befrienders"]');
    expect(text(befrienders?.querySelector('.for'))).toBe('Semua orang, Berisiko mencederakan diri');
    expect(text(befrienders?.querySelector('.status'))).toBe('Dipaparkan');
    expect(text(befrienders?.querySelector('.actions'))).toContain('Hentikan Befrienders Worldwide (ANY)');
    expect(root.textContent).not.toMatch(/staff\.admin\./);
  });
});

describe('ResourceDialog in Malay', () => {
  it('labels the form, the audiences and the buttons in Malay', async () => {
    TestBed.configureTestingModule({
      imports: [ResourceDialog],
      providers: [
        speakInTests('ms'),
        { provide: ResourceDirectoryApi, useValue: {} },
        { provide: MatDialogRef, useValue: { close: jest.fn() } },
        { provide: MAT_DIALOG_DATA, useValue: { entry: null } },
      ],
    });
    const fixture = TestBed.createComponent(ResourceDialog);
    await fixture.whenStable();
    fixture.detectChanges();
    const root = hostOf(fixture);
    expect(text(root.querySelector('h2'))).toBe('Tambah sumber');
    const labels = Array.from(root.querySelectorAll('mat-label')).map(text);
    expect(labels).toEqual(expect.arrayContaining(['Nama', 'Bidang kuasa', 'Tujuan', 'Cara hubungi', 'Alamat web', 'Kunci', 'Susunan paparan']));
    expect(Array.from(root.querySelectorAll('.audiences mat-checkbox')).map(text)).toContain('Wang diminta atau telah dibayar');
    expect(Array.from(root.querySelectorAll('mat-dialog-actions button')).map(text)).toEqual(['Batal', 'Tambah sumber']);
    expect(root.textContent).not.toMatch(/staff\.admin\./);
  });
});
