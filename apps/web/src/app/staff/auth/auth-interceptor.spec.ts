import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { LoginResponse } from '@sg/contracts';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../data-access/staff-contract';
import { firstValueFrom } from 'rxjs';
import { authInterceptor } from './auth-interceptor';
import { AuthSession } from './auth-session';

/**
 * The clock tokens are made against, read once: a token made again a moment later for the
 * comparison must be the same string, even when a second ticks over between the two.
 */
const NOW_SECONDS = Math.floor(Date.now() / 1000);

/** An unsigned JWT is enough: the browser only reads `exp`; the API is what verifies tokens. */
function token(name: string, expiresInSeconds = 900): string {
  const encode = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  const payload = { sub: 'u-1', email: 'casey@demo.test', name, role: 'caseworker', exp: NOW_SECONDS + expiresInSeconds };
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}.signature`;
}

const user = { id: 'u-1', email: 'casey@demo.test', displayName: 'Casey Caseworker', role: 'caseworker' as const, language: 'en' as const };

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let session: AuthSession;
  let navigate: jest.SpyInstance;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting(), AuthSession],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    session = TestBed.inject(AuthSession);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);

    const signedIn = firstValueFrom(session.login({ email: user.email, password: 'pw' }));
    backend.expectOne('/api/auth/login').flush({ accessToken: token('first'), user } satisfies LoginResponse);
    await signedIn;
  });

  afterEach(() => backend.verify());

  it('sends a sign-in the API keeps to second-factor enrolment (a role that now requires one) to the Security page', async () => {
    const navigateByUrl = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const answer = firstValueFrom(http.get('/api/cases/counts')).catch((error: unknown) => error);
    backend
      .expectOne('/api/cases/counts')
      .flush(
        { statusCode: 403, error: 'Forbidden', code: 'second_factor_enrolment_required', message: 'set one up first' },
        { status: 403, statusText: 'Forbidden' },
      );
    expect(await answer).toBeInstanceOf(HttpErrorResponse);
    expect(session.enrolmentRequired()).toBe(true);
    expect(navigateByUrl).toHaveBeenCalledWith('/staff/security');
    // Any other 403 is the caller's to show.
    const other = firstValueFrom(http.get('/api/trends')).catch((error: unknown) => error);
    backend.expectOne('/api/trends').flush({ message: 'This needs the supervisor role' }, { status: 403, statusText: 'Forbidden' });
    await other;
    expect(navigateByUrl).toHaveBeenCalledTimes(1);
  });

  it('sends the access token with API calls and nowhere else', () => {
    http.get('/api/cases/counts').subscribe();
    http.get('https://example.org/elsewhere').subscribe();
    expect(backend.expectOne('/api/cases/counts').request.headers.get('Authorization')).toBe(`Bearer ${token('first')}`);
    expect(backend.expectOne('https://example.org/elsewhere').request.headers.has('Authorization')).toBe(false);
  });

  it('on 401 refreshes once, with the cookie and the CSRF header, and repeats the call with the new token', async () => {
    const answer = firstValueFrom(http.get<{ ok: boolean }>('/api/cases/counts'));
    backend.expectOne('/api/cases/counts').flush({ message: 'expired' }, { status: 401, statusText: 'Unauthorized' });

    const refresh = backend.expectOne('/api/auth/refresh');
    expect(refresh.request.method).toBe('POST');
    expect(refresh.request.withCredentials).toBe(true);
    expect(refresh.request.headers.get(CSRF_HEADER)).toBe(CSRF_HEADER_VALUE);
    refresh.flush({ accessToken: token('second'), user });

    const retried = backend.expectOne('/api/cases/counts');
    expect(retried.request.headers.get('Authorization')).toBe(`Bearer ${token('second')}`);
    retried.flush({ ok: true });
    await expect(answer).resolves.toEqual({ ok: true });
    expect(session.accessToken()).toBe(token('second'));
    expect(navigate).not.toHaveBeenCalled();
  });

  it('shares one refresh between calls that fail together', async () => {
    const first = firstValueFrom(http.get('/api/cases/counts'));
    const second = firstValueFrom(http.get('/api/cases?queue=mine'));
    for (const request of backend.match((req) => req.url.startsWith('/api/cases'))) {
      request.flush(null, { status: 401, statusText: 'Unauthorized' });
    }
    backend.expectOne('/api/auth/refresh').flush({ accessToken: token('second'), user });
    backend.expectOne('/api/cases/counts').flush({ n: 1 });
    backend.expectOne('/api/cases?queue=mine').flush({ n: 2 });
    await expect(Promise.all([first, second])).resolves.toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('does not refresh a second time when the repeated call is refused too: back to sign-in', async () => {
    const answer = firstValueFrom(http.get('/api/cases/counts'));
    backend.expectOne('/api/cases/counts').flush(null, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/auth/refresh').flush({ accessToken: token('second'), user });
    backend.expectOne('/api/cases/counts').flush(null, { status: 401, statusText: 'Unauthorized' });

    await expect(answer).rejects.toBeInstanceOf(HttpErrorResponse);
    backend.expectNone('/api/auth/refresh');
    expect(navigate).toHaveBeenCalledWith(['/staff/sign-in'], expect.objectContaining({ queryParams: expect.objectContaining({ expired: 1 }) as unknown }));
    expect(session.signedIn()).toBe(false);
  });

  it('sends the person to sign in when the session cannot be refreshed', async () => {
    const answer = firstValueFrom(http.get('/api/cases/counts'));
    backend.expectOne('/api/cases/counts').flush(null, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/auth/refresh').flush({ message: 'Session ended' }, { status: 401, statusText: 'Unauthorized' });

    await expect(answer).rejects.toMatchObject({ status: 401 });
    backend.expectNone('/api/cases/counts');
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(session.accessToken()).toBeNull();
  });

  it('passes other errors straight through without refreshing', async () => {
    const answer = firstValueFrom(http.get('/api/cases/x'));
    backend.expectOne('/api/cases/x').flush(null, { status: 403, statusText: 'Forbidden' });
    await expect(answer).rejects.toMatchObject({ status: 403 });
    backend.expectNone('/api/auth/refresh');
  });

  it('treats a 401 from sign-in as the answer (wrong password), not as an expired token', async () => {
    const attempt = firstValueFrom(session.login({ email: user.email, password: 'wrong' }));
    const login = backend.expectOne('/api/auth/login');
    expect(login.request.headers.has('Authorization')).toBe(false);
    login.flush({ message: 'Email or password is not right' }, { status: 401, statusText: 'Unauthorized' });
    await expect(attempt).rejects.toMatchObject({ status: 401 });
    backend.expectNone('/api/auth/refresh');
  });
});
