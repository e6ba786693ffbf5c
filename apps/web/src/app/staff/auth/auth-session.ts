import { HttpClient, HttpContext, HttpErrorResponse } from '@angular/common/http';
import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { LoginRequest, LoginResponse, SecondFactorChallenge, SecondFactorSignIn, StaffUserView } from '@sg/contracts';
import { apiPath } from '../data-access/staff-contract';
import type { StaffLanguage, StaffRole } from '@sg/domain';
import { Observable, catchError, finalize, firstValueFrom, from, map, of, share, switchMap } from 'rxjs';
import { I18n } from '../../system/i18n/i18n';
import { AUTH_CALL } from './auth-context';
import { refreshDelayMs, refreshRetryDelayMs, tokenExpiresAt, userFromToken } from './jwt';
import { speakStaffLanguage } from './staff-language';

export const SIGN_IN_PATH = '/staff/sign-in';
/** Where a member whose role requires a second factor is kept until they have enrolled one. */
export const SECURITY_PATH = '/staff/security';

/** What the password step led to: signed in, or the code step (the account has a second factor). */
export type SignInStep = { signedIn: StaffUserView } | { challenge: SecondFactorChallenge };

/** `refused`: the server ended the session (401/403). `unavailable`: no usable answer (offline, 5xx). */
type RefreshOutcome = 'renewed' | 'refused' | 'unavailable';

/**
 * Who is signed in. The access token lives in this signal only (never in storage, so a script
 * injected into the page cannot lift it from there); the httpOnly refresh cookie restores the
 * session after a reload, and a timer renews the token shortly before it expires.
 */
@Injectable()
export class AuthSession {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);
  private readonly token = signal<string | null>(null);
  private readonly currentUser = signal<StaffUserView | null>(null);
  private readonly mustEnrol = signal(false);
  private refreshInFlight: Observable<RefreshOutcome> | null = null;
  private restoring: Promise<boolean> | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  readonly user = this.currentUser.asReadonly();
  readonly signedIn = computed(() => this.currentUser() !== null);
  /** The role requires a second factor this account has not enrolled: only the Security page works. */
  readonly enrolmentRequired = this.mustEnrol.asReadonly();

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.refreshTimer));
  }

  accessToken(): string | null {
    return this.token();
  }

  hasRole(...roles: StaffRole[]): boolean {
    const user = this.currentUser();
    return !!user && roles.includes(user.role);
  }

  /**
   * Signs in; emits once the dashboard speaks the account's language, so the first page is in it.
   * An account with a second factor gets the code step instead (completeSecondFactor).
   */
  login(credentials: LoginRequest): Observable<SignInStep> {
    return this.http
      .post<LoginResponse | SecondFactorChallenge>(apiPath('auth', 'login'), credentials, { context: authCall() })
      .pipe(
        switchMap((response): Observable<SignInStep> =>
          'challengeToken' in response ? of({ challenge: response }) : this.signIn(response).pipe(map((user) => ({ signedIn: user }))),
        ),
      );
  }

  /** The code step: the challenge from login() with a code from the app, or a recovery code. */
  completeSecondFactor(body: SecondFactorSignIn): Observable<StaffUserView> {
    return this.http
      .post<LoginResponse>(apiPath('auth', 'login', 'second-factor'), body, { context: authCall() })
      .pipe(switchMap((response) => this.signIn(response)));
  }

  private signIn(response: LoginResponse): Observable<StaffUserView> {
    const user = this.accept(response);
    return from(speakStaffLanguage(this.i18n, user.language)).pipe(map(() => user));
  }

  /**
   * The signed-in person's choice of dashboard language: the words change at once (no reload)
   * while it is saved to their account; if saving fails the dashboard goes back to the language
   * it was in, and the error is the caller's to show.
   */
  async changeLanguage(language: StaffLanguage): Promise<void> {
    const user = this.currentUser();
    if (!user || user.language === language) return;
    this.currentUser.set({ ...user, language });
    // Both settle before any going back, so a late catalogue cannot switch the words again after it.
    const [spoken, saved] = await Promise.allSettled([
      speakStaffLanguage(this.i18n, language),
      firstValueFrom(this.http.put<StaffUserView>(apiPath('auth', 'me', 'language'), { language })),
    ]);
    const failed = saved.status === 'rejected' ? saved : spoken.status === 'rejected' ? spoken : null;
    if (failed) {
      this.currentUser.update((current) => (current ? { ...current, language: user.language } : current));
      await speakStaffLanguage(this.i18n, user.language);
      throw failed.reason;
    }
  }

  /**
   * Asks for a new access token with the refresh cookie. Concurrent callers share one request
   * (several requests can fail with 401 at once); resolves false when the session is gone.
   */
  refresh(): Observable<boolean> {
    return this.renew().pipe(map((outcome) => outcome === 'renewed'));
  }

  /**
   * On start or reload: one refresh attempt; afterwards just whether someone is signed in. A
   * restored session resolves once the dashboard speaks the account's language.
   */
  restore(): Promise<boolean> {
    if (this.signedIn()) return Promise.resolve(true);
    this.restoring ??= firstValueFrom(this.refresh()).then(async (signedIn) => {
      const user = this.currentUser();
      if (signedIn && user) await speakStaffLanguage(this.i18n, user.language);
      return signedIn;
    });
    return this.restoring;
  }

  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.http.post(apiPath('auth', 'logout'), {}, { context: authCall() }));
    } catch {
      // The cookie is cleared server-side when it can be; locally we forget everything regardless.
    }
    this.clear();
    await this.router.navigateByUrl(SIGN_IN_PATH);
  }

  /** The API keeps this sign-in to second-factor enrolment: say so, and go to the Security page. */
  requireEnrolment(): void {
    if (this.mustEnrol()) return;
    this.mustEnrol.set(true);
    void this.router.navigateByUrl(SECURITY_PATH);
  }

  /** The session cannot be renewed: forget it and send the person to sign in, back here after. */
  expire(): void {
    const returnUrl = this.router.url;
    this.clear();
    if (!returnUrl.startsWith(SIGN_IN_PATH)) {
      void this.router.navigate([SIGN_IN_PATH], { queryParams: { returnUrl, expired: 1 } });
    }
  }

  private accept(response: Partial<LoginResponse>): StaffUserView {
    const accessToken = response.accessToken;
    if (!accessToken) throw new Error('The sign-in answer had no access token');
    const user = response.user ?? userFromToken(accessToken);
    if (!user) throw new Error('The sign-in answer did not say who signed in');
    this.token.set(accessToken);
    this.currentUser.set(user);
    this.mustEnrol.set(response.enrolmentRequired === true);
    // A later refresh may carry a language chosen meanwhile in another tab: follow it.
    if (this.i18n.language() !== user.language) void speakStaffLanguage(this.i18n, user.language);
    this.restoring = Promise.resolve(true);
    this.scheduleRefresh(accessToken);
    return user;
  }

  private clear(): void {
    clearTimeout(this.refreshTimer);
    this.token.set(null);
    this.currentUser.set(null);
    this.mustEnrol.set(false);
    this.restoring = null;
  }

  private renew(): Observable<RefreshOutcome> {
    this.refreshInFlight ??= this.http.post<Partial<LoginResponse>>(apiPath('auth', 'refresh'), {}, { context: authCall() }).pipe(
      map((response): RefreshOutcome => {
        this.accept(response);
        return 'renewed';
      }),
      catchError((error: unknown) => {
        // Only a refusal ends the session; a network blip keeps what we have until it expires.
        if (error instanceof HttpErrorResponse && (error.status === 401 || error.status === 403)) {
          this.clear();
          return of<RefreshOutcome>('refused');
        }
        return of<RefreshOutcome>('unavailable');
      }),
      finalize(() => (this.refreshInFlight = null)),
      share(),
    );
    return this.refreshInFlight;
  }

  private scheduleRefresh(accessToken: string): void {
    clearTimeout(this.refreshTimer);
    const expiresAt = tokenExpiresAt(accessToken);
    if (expiresAt === null) return;
    this.planRefresh(accessToken, expiresAt, refreshDelayMs(expiresAt, Date.now()), 0);
  }

  /**
   * A refresh the server could not answer (offline, a deploy, a 5xx) is tried again with backoff
   * while the token still works: signing out then would throw away whatever the person is typing.
   * Only a refusal, or a token that has actually expired, ends the session.
   */
  private planRefresh(accessToken: string, expiresAt: number, delayMs: number, failures: number): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.renew().subscribe((outcome) => {
        if (outcome === 'refused') {
          this.expire();
          return;
        }
        // Renewed (accept() planned the next one), or signed out or renewed elsewhere meanwhile.
        if (outcome === 'renewed' || this.token() !== accessToken) return;
        const left = expiresAt - Date.now();
        if (left <= 0) {
          this.expire();
          return;
        }
        this.planRefresh(accessToken, expiresAt, Math.min(refreshRetryDelayMs(failures), left), failures + 1);
      });
    }, delayMs);
  }
}

function authCall(): HttpContext {
  return new HttpContext().set(AUTH_CALL, true);
}
