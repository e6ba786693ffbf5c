import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { StaffMember } from '@sg/contracts';
import { of } from 'rxjs';
import { speakInTests } from '../../system/i18n/testing';
import { AuthSession } from '../auth/auth-session';
import { SecondFactorApi } from '../data-access/second-factor-api';
import { StaffAccountsApi } from '../data-access/staff-accounts-api';
import { AccountsPage } from './accounts-page';
import { hostOf } from '../../../testing/dom';

const members = [
  { id: 'a1', email: 'aminah@example.org', displayName: 'Aminah', role: 'admin', active: true },
  { id: 'c1', email: 'chong@example.org', displayName: 'Chong', role: 'caseworker', active: false },
] as StaffMember[];

/** An admin who chose Malay manages accounts: headings, table, buttons and hints are Malay, no key shows raw. */
describe('AccountsPage in Malay', () => {
  it('says the page, the table and the row actions in Malay', async () => {
    TestBed.configureTestingModule({
      imports: [AccountsPage],
      providers: [
        speakInTests('ms'),
        { provide: StaffAccountsApi, useValue: { list: () => of(members) } },
        { provide: SecondFactorApi, useValue: {} },
        { provide: AuthSession, useValue: { user: signal({ id: 'a1' }) } },
      ],
    });
    const fixture = TestBed.createComponent(AccountsPage);
    await fixture.whenStable();
    fixture.detectChanges();
    const root = hostOf(fixture);
    const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

    expect(text(root.querySelector('h1'))).toBe('Akaun kakitangan');
    expect(text(root.querySelector('.page-head .meta'))).toBe('1 aktif daripada 2');
    expect(text(root.querySelector('.page-head button'))).toBe('Tambah akaun');
    expect(Array.from(root.querySelectorAll('thead th')).map(text)).toEqual(['Nama', 'E-mel', 'Peranan', 'Status akaun', 'Tindakan']);
    const aminah = root.querySelector('tr[data-email="aminah@example.org"]');
    expect(text(aminah?.querySelector('th') ?? null)).toBe('Aminah (anda)');
    expect(text(aminah?.querySelector('.status') ?? null)).toBe('Aktif');
    expect(text(aminah?.querySelector('.actions') ?? null)).toBe('Tetapkan semula kata laluan untuk Aminah Nyahaktifkan Aminah');
    const chong = root.querySelector('tr[data-email="chong@example.org"]');
    expect(text(chong?.querySelector('.status') ?? null)).toBe('Dinyahaktifkan');
    expect(text(chong?.querySelector('.actions') ?? null)).toContain('Aktifkan semula Chong');
    // An admin resets someone else's second factor, never their own (they switch it off themselves).
    expect(text(chong?.querySelector('.actions') ?? null)).toContain('Tetapkan semula faktor kedua untuk Chong');
    expect(root.textContent).not.toMatch(/staff\.admin\./);
  });
});
