import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { StaffUserView } from '@sg/contracts';
import type { StaffLanguage } from '@sg/domain';
import { CATALOGUES } from '@sg/i18n/server';
import { NEVER } from 'rxjs';
import { I18n } from '../../system/i18n/i18n';
import { speakInTests } from '../../system/i18n/testing';
import { AuthSession } from '../auth/auth-session';
import { ShortcutBus } from '../keyboard/shortcut-bus';
import { LiveUpdates } from '../live/live-updates';
import { QueueCountsStore } from '../queues/queue-counts-store';
import { Clock } from '../ui/clock';
import { Preferences } from './preferences';
import { StaffShell } from './staff-shell';
import { hostOf } from '../../../testing/dom';

/** The top bar and the queues rail in the staff member's language, and the switch between them. */
describe('StaffShell in the staff member’s language', () => {
  const user = signal<StaffUserView | null>({ id: 'u1', email: 'sam@demo.test', displayName: 'Sam', role: 'supervisor', language: 'ms' });
  const changeLanguage = jest.fn((language: StaffLanguage): Promise<void> => {
    // What the session does (its own spec covers the saving): the account and the words follow.
    user.update((current) => (current ? { ...current, language } : current));
    TestBed.inject(I18n).useLoaded(language, 'all', CATALOGUES[language]);
    return Promise.resolve();
  });

  function render(): HTMLElement {
    TestBed.configureTestingModule({
      imports: [StaffShell],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        speakInTests('ms'),
        { provide: AuthSession, useValue: { user, hasRole: () => true, changeLanguage, logout: jest.fn() } },
        {
          provide: LiveUpdates,
          useValue: { watch: jest.fn(), state: signal('live'), emergencies: signal([]), notifications$: NEVER, conversation$: NEVER, unlockSound: jest.fn() },
        },
        { provide: QueueCountsStore, useValue: { counts: signal({ unassigned: 3, mine: 1, waiting: 0, overdue: 0, all: 4 }), watch: jest.fn() } },
        { provide: Clock, useValue: { now: signal(Date.now()) } },
        Preferences,
        ShortcutBus,
      ],
    });
    const fixture = TestBed.createComponent(StaffShell);
    fixture.autoDetectChanges();
    return hostOf(fixture);
  }

  const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  it('speaks Malay, and switches to English at once from the top bar', async () => {
    const shell = render();
    expect(text(shell.querySelector('.sign-out'))).toBe('Log keluar');
    expect(text(shell.querySelector('.role'))).toBe('Penyelia');
    expect(text(shell.querySelector('.live'))).toBe('Langsung kemas kini');
    expect(shell.querySelector('nav.rail a')?.getAttribute('aria-label')).toBe('Belum diagihkan, 3 kes');
    expect(shell.querySelector('label[for="staff-language"]')?.textContent?.trim()).toBe('Bahasa papan pemuka');
    const select = shell.querySelector<HTMLSelectElement>('#staff-language');
    if (!select) throw new Error('no language switch');
    expect([...select.options].map((option) => [option.text.trim(), option.lang])).toEqual([
      ['English', 'en'],
      ['Bahasa Melayu', 'ms'],
    ]);
    expect(select.value).toBe('ms');

    select.value = 'en';
    select.dispatchEvent(new Event('change'));
    await new Promise((resolve) => setTimeout(resolve));
    expect(changeLanguage).toHaveBeenCalledWith('en');
    expect(text(shell.querySelector('.sign-out'))).toBe('Sign out');
    expect(text(shell.querySelector('.role'))).toBe('Supervisor');
    expect(shell.querySelector('nav.rail a')?.getAttribute('aria-label')).toBe('Unassigned, 3 cases');
  });
});
