import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { LoginResponse } from '@sg/contracts';
import { firstValueFrom } from 'rxjs';
import { I18n } from '../../system/i18n/i18n';
import { AuthSession } from './auth-session';

/** An unsigned JWT is enough: the browser only reads `exp`. */
function token(name: string, expiresInSeconds: number): string {
  const encode = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  const payload = { sub: 'u-1', email: 'casey@demo.test', name, role: 'caseworker', exp: Math.floor(Date.now() / 1000) + expiresInSeconds };
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}.signature`;
}

const user = { id: 'u-1', email: 'casey@demo.test', displayName: 'Casey Caseworker', role: 'caseworker' as const, language: 'en' as const };

describe('AuthSession scheduled refresh', () => {
  let backend: HttpTestingController;
  let session: AuthSession;
  let navigate: jest.SpyInstance;

  beforeEach(async () => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), AuthSession] });
    backend = TestBed.inject(HttpTestingController);
    session = TestBed.inject(AuthSession);
    const router = TestBed.inject(Router);
    navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);

    // 100 s to live: the refresh is planned 20 s before expiry, at 80 s.
    const signedIn = firstValueFrom(session.login({ email: user.email, password: 'pw' }));
    backend.expectOne('/api/auth/login').flush({ accessToken: token('first', 100), user } satisfies LoginResponse);
    await signedIn;
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  const refreshCall = () => backend.expectOne('/api/auth/refresh');
  const offline = () => refreshCall().error(new ProgressEvent('error'), { status: 0, statusText: '' });

  it('keeps the person signed in through a network blip or a 5xx, retrying with backoff', () => {
    jest.advanceTimersByTime(80_000);
    offline();
    expect(session.signedIn()).toBe(true);
    expect(navigate).not.toHaveBeenCalled();

    jest.advanceTimersByTime(4_999);
    backend.expectNone('/api/auth/refresh');
    jest.advanceTimersByTime(1);
    refreshCall().flush({ message: 'Bad gateway' }, { status: 502, statusText: 'Bad Gateway' });

    jest.advanceTimersByTime(10_000);
    refreshCall().flush({ accessToken: token('second', 900), user });
    expect(session.accessToken()).toBe(token('second', 900));
    expect(session.signedIn()).toBe(true);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('ends the session only once the token has expired without a successful refresh', () => {
    jest.advanceTimersByTime(80_000);
    offline(); // 80 s
    jest.advanceTimersByTime(5_000);
    offline(); // 85 s
    jest.advanceTimersByTime(10_000);
    offline(); // 95 s; the next try would be 20 s away, after expiry: it comes at expiry instead
    expect(navigate).not.toHaveBeenCalled();
    jest.advanceTimersByTime(5_000);
    offline(); // 100 s
    expect(session.signedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/staff/sign-in'], expect.objectContaining({ queryParams: expect.objectContaining({ expired: 1 }) as unknown }));
    jest.advanceTimersByTime(120_000);
    backend.expectNone('/api/auth/refresh');
  });

  it('ends the session at once when the server refuses the refresh', () => {
    jest.advanceTimersByTime(80_000);
    refreshCall().flush({ message: 'Session ended' }, { status: 401, statusText: 'Unauthorized' });
    expect(session.signedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledTimes(1);
  });

  it('stops retrying once the person signs out', async () => {
    jest.advanceTimersByTime(80_000);
    offline();
    const out = session.logout();
    backend.expectOne('/api/auth/logout').flush(null);
    await out;
    jest.advanceTimersByTime(60_000);
    backend.expectNone('/api/auth/refresh');
  });
});

describe('AuthSession dashboard language', () => {
  let backend: HttpTestingController;
  let session: AuthSession;
  let i18n: I18n;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), AuthSession] });
    backend = TestBed.inject(HttpTestingController);
    session = TestBed.inject(AuthSession);
    i18n = TestBed.inject(I18n);
    const signedIn = firstValueFrom(session.login({ email: user.email, password: 'pw' }));
    backend.expectOne('/api/auth/login').flush({ accessToken: token('first', 900), user: { ...user, language: 'ms' } } satisfies LoginResponse);
    await signedIn;
  });

  afterEach(() => backend.verify());

  it('speaks the account’s language as soon as sign-in answers', () => {
    expect(i18n.language()).toBe('ms');
    expect(i18n.t('staff.shell.sign_out')).toBe('Log keluar');
  });

  it('switches at once and saves the choice to the account', async () => {
    const changing = session.changeLanguage('en');
    expect(session.user()?.language).toBe('en');
    const put = backend.expectOne('/api/auth/me/language');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ language: 'en' });
    put.flush({ ...user, language: 'en' });
    await changing;
    expect(i18n.language()).toBe('en');
    expect(i18n.t('staff.shell.sign_out')).toBe('Sign out');
  });

  it('goes back to the language it was in when the choice cannot be saved', async () => {
    const changing = session.changeLanguage('en');
    backend.expectOne('/api/auth/me/language').flush({ message: 'no' }, { status: 500, statusText: 'Server Error' });
    await expect(changing).rejects.toBeTruthy();
    expect(session.user()?.language).toBe('ms');
    expect(i18n.language()).toBe('ms');
  });
});
