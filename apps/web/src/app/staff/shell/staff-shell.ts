import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, Injector, computed, inject, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatTooltip } from '@angular/material/tooltip';
import { NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import type { CaseQueue } from '@sg/contracts';
import { LANGUAGE_NAMES, STAFF_LANGUAGES, isLanguage, isOneOf } from '@sg/domain';
import { MatSnackBar } from '@angular/material/snack-bar';
import { I18n } from '../../system/i18n/i18n';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { HttpClient } from '@angular/common/http';
import { CASE_QUEUES, QUEUE_MONITOR_PATH, apiPath } from '../data-access/staff-contract';
import { filter, map, startWith } from 'rxjs';
import { AuthSession } from '../auth/auth-session';
import { ShortcutBus } from '../keyboard/shortcut-bus';
import { shortcutFor } from '../keyboard/shortcuts';
import { LiveUpdates, visibleEmergencies } from '../live/live-updates';
import { QueueCountsStore } from '../queues/queue-counts-store';
import { Icon } from '../ui/icon';
import { focusMainOnNavigation } from './focus-on-navigation';
import { NotificationBell } from './notification-bell';
import { Preferences } from './preferences';
import { ShortcutsDialog } from './shortcuts-dialog';
import { PRODUCT_NAME, QUEUE_KEYS, ROLE_KEYS } from './staff-words';
import { snackFor, dialogOptions } from '../ui/material-options';

/**
 * The dashboard frame: top bar (search, live state, sound, notifications, theme, who is signed in),
 * the queues with live counts on the left, the page in the middle. It owns the live connection
 * and the keyboard: pages receive shortcut commands through the ShortcutBus.
 */
@Component({
  selector: 'sg-staff-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, ReactiveFormsModule, MatButton, MatIconButton, MatTooltip, Icon, NotificationBell, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './staff-shell.html',
  styleUrl: './staff-shell.scss',
  host: {
    '(document:keydown)': 'onKeydown($event)',
    '(document:pointerdown)': 'live.unlockSound()',
  },
})
export class StaffShell {
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly shortcuts = inject(ShortcutBus);
  protected readonly live = inject(LiveUpdates);
  protected readonly preferences = inject(Preferences);
  protected readonly counts = inject(QueueCountsStore).counts;

  private readonly searchInput = viewChild.required<ElementRef<HTMLInputElement>>('searchInput');

  protected readonly user = this.session.user;
  protected readonly roleLabel = computed(() => {
    const user = this.user();
    return user ? ROLE_KEYS[user.role] : '';
  });
  protected readonly product = PRODUCT_NAME;
  /** Each dashboard language named in itself, so anyone can find their own. */
  protected readonly languages = STAFF_LANGUAGES.map((code) => ({ code, name: LANGUAGE_NAMES[code] }));
  protected readonly changingLanguage = signal(false);
  private readonly i18n = inject(I18n);
  private readonly snackBar = inject(MatSnackBar);
  protected readonly canSupervise = computed(() => {
    const role = this.user()?.role;
    return role === 'supervisor' || role === 'admin';
  });
  protected readonly isAdmin = computed(() => this.user()?.role === 'admin');
  private readonly http = inject(HttpClient);

  /**
   * bull-board is a page of its own that cannot carry the in-memory token: ask the API for its
   * short-lived cookie first, then open it. The tab is opened before the request so pop-up
   * blockers treat it as the click's.
   */
  protected openQueueMonitor(): void {
    const tab = window.open('about:blank', '_blank');
    this.http.post(apiPath('auth', 'queue-board'), null).subscribe({
      next: () => tab?.location.replace(QUEUE_MONITOR_PATH),
      error: () => tab?.close(),
    });
  }
  protected readonly queues = computed(() => CASE_QUEUES.filter((queue) => queue !== 'all' || this.canSupervise()));
  protected readonly queueLabels = QUEUE_KEYS;
  protected readonly alertsExpanded = signal(false);
  protected readonly alerts = computed(() => visibleEmergencies(this.live.emergencies(), this.alertsExpanded()));
  protected readonly search = new FormControl('', { nonNullable: true });

  private readonly url = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map(() => this.router.url),
      startWith(this.router.url),
    ),
    { requireSync: true },
  );
  protected readonly liveLabel = computed(() => {
    switch (this.live.state()) {
      case 'live':
        return 'staff.shell.live.live';
      case 'connecting':
        return 'staff.shell.live.connecting';
      case 'reconnecting':
        return 'staff.shell.live.reconnecting';
      default:
        return 'staff.shell.live.offline';
    }
  });
  protected readonly darkScheme = computed(() => (this.preferences.colorScheme() ?? this.preferences.effectiveScheme()) === 'dark');

  constructor() {
    const destroyRef = inject(DestroyRef);
    this.live.watch(destroyRef);
    inject(QueueCountsStore).watch(destroyRef);
    focusMainOnNavigation();
    // Keep the search box in step with the list it filters (back/forward, links with ?q=).
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        startWith(null),
        takeUntilDestroyed(),
      )
      .subscribe(() => {
        const q: unknown = this.router.parseUrl(this.router.url).queryParams['q'];
        this.search.setValue(typeof q === 'string' ? q : '', { emitEvent: false });
      });
  }

  protected queueCount(queue: CaseQueue): string {
    const counts = this.counts();
    return counts ? String(counts[queue]) : '–';
  }

  /**
   * Search looks through every case the person may open (supervisors: all, caseworkers: the
   * unassigned ones and their own), not just the queue on screen: a caller reading out a
   * reference does not know which queue their case is in.
   */
  protected submitSearch(): void {
    const q = this.search.value.trim();
    void this.router.navigate(['/staff/queues/search'], { queryParams: { q: q.length >= 2 ? q : null } });
  }

  protected clearSearch(): void {
    this.search.setValue('');
    if (/^\/staff\/queues\/search/.test(this.url())) void this.router.navigate(['/staff/queues', this.canSupervise() ? 'all' : 'unassigned']);
  }

  protected toggleSound(): void {
    const on = !this.preferences.sound();
    this.preferences.setSound(on);
    if (on) this.live.testSound();
  }

  protected openAlert(caseId: string): void {
    this.live.dismiss(caseId);
    void this.router.navigate(['/staff/cases', caseId]);
  }

  protected openShortcuts(): void {
    if (this.dialog.openDialogs.length) return;
    this.dialog.open(ShortcutsDialog, dialogOptions({ injector: this.injector, autoFocus: 'first-tabbable', width: '420px' }));
  }

  /** The language switch: the words change at once; the choice is saved to the person's account. */
  protected changeLanguage(event: Event): void {
    const select = event.target;
    if (!(select instanceof HTMLSelectElement)) return;
    const language = select.value;
    if (!isLanguage(language) || !isOneOf(STAFF_LANGUAGES, language)) return;
    this.changingLanguage.set(true);
    this.session
      .changeLanguage(language)
      .catch(() => {
        select.value = this.user()?.language ?? 'en';
        this.snackBar.open(this.i18n.t('staff.language.saving_failed'), this.i18n.t('staff.common.ok'), snackFor(8000));
      })
      .finally(() => this.changingLanguage.set(false));
  }

  protected signOut(): void {
    void this.session.logout();
  }

  protected onKeydown(event: KeyboardEvent): void {
    this.live.unlockSound();
    const command = shortcutFor(event);
    if (!command) return;
    switch (command) {
      case 'search':
        event.preventDefault();
        this.searchInput().nativeElement.focus();
        this.searchInput().nativeElement.select();
        return;
      case 'help':
        event.preventDefault();
        this.openShortcuts();
        return;
      default:
        this.shortcuts.publish(command);
    }
  }
}
