import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { LoginResponse, SecondFactorChallenge, StaffUserView } from '@sg/contracts';
import { speakInTests } from '../../system/i18n/testing';
import { AuthSession } from './auth-session';
import { SignInPage } from './sign-in-page';
import { hostOf } from '../../../testing/dom';
import { found } from '@sg/domain';

/** A signed access token's shape (the page never checks the signature). */
function token(): string {
  const part = (value: object) => btoa(JSON.stringify(value)).replace(/=+$/, '');
  return `${part({ alg: 'HS256' })}.${part({ sub: 'u1', exp: Math.floor(Date.now() / 1000) + 900 })}.sig`;
}

describe('SignInPage: the second-factor code step', () => {
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;
  const user: StaffUserView = { id: 'u1', email: 'sam@example.org', displayName: 'Sam', role: 'supervisor', language: 'en' };
  const challenge: SecondFactorChallenge = { secondFactor: 'required', challengeToken: 'challenge-1', expiresInSeconds: 300 };

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [SignInPage],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), AuthSession, speakInTests()],
    }).compileComponents();
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
  });

  afterEach(() => http.verify());

  function type(root: HTMLElement, selector: string, value: string): void {
    const input = root.querySelector<HTMLInputElement>(selector);
    if (!input) throw new Error(`no ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }
  const button = (root: HTMLElement, name: string) =>
    found(
      [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name),
      `the button "${name}"`,
    );

  /** Signs in with the password; the account has a second factor, so the code step shows. */
  async function toCodeStep() {
    const fixture = TestBed.createComponent(SignInPage);
    const root = hostOf(fixture);
    await fixture.whenStable();
    type(root, 'input[type="email"]', user.email);
    type(root, 'input[type="password"]', 'the password');
    button(root, 'Sign in').click();
    http.expectOne('/api/auth/login').flush(challenge);
    await fixture.whenStable();
    return { fixture, root };
  }

  it('asks for the code in one numeric one-time-code field, with a way to use a recovery code', async () => {
    const { root } = await toCodeStep();
    expect(root.querySelector('h1')?.textContent).toBe('Enter your code');
    expect(root.querySelector('input[type="password"]')).toBeNull();
    const inputs = root.querySelectorAll('input');
    expect(inputs).toHaveLength(1);
    expect(inputs[0]?.getAttribute('autocomplete')).toBe('one-time-code');
    expect(inputs[0]?.getAttribute('inputmode')).toBe('numeric');
    expect(button(root, 'Use a recovery code instead')).toBeTruthy();
    expect(navigate).not.toHaveBeenCalled();
  });

  it('sends the code with the challenge and goes to the dashboard', async () => {
    const { fixture, root } = await toCodeStep();
    type(root, '[data-testid="one-time-code"]', '123 456');
    button(root, 'Continue').click();
    const step = http.expectOne('/api/auth/login/second-factor');
    expect(step.request.body).toEqual({ challengeToken: 'challenge-1', code: '123456' });
    step.flush({ accessToken: token(), user } satisfies LoginResponse);
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith('/staff');
  });

  it('says so when the code is wrong, and stays on the code step', async () => {
    const { fixture, root } = await toCodeStep();
    type(root, '[data-testid="one-time-code"]', '000000');
    button(root, 'Continue').click();
    http.expectOne('/api/auth/login/second-factor').flush({ message: 'That code is not right' }, { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('That code is not right, or it was used already.');
    expect(root.querySelector('[data-testid="one-time-code"]')).not.toBeNull();
    expect(navigate).not.toHaveBeenCalled();
  });

  it('takes a recovery code instead', async () => {
    const { fixture, root } = await toCodeStep();
    button(root, 'Use a recovery code instead').click();
    await fixture.whenStable();
    expect(root.querySelector('[data-testid="one-time-code"]')).toBeNull();
    type(root, '[data-testid="recovery-code"]', 'abcde-fghjk');
    button(root, 'Continue').click();
    const step = http.expectOne('/api/auth/login/second-factor');
    expect(step.request.body).toEqual({ challengeToken: 'challenge-1', recoveryCode: 'abcde-fghjk' });
    step.flush({ accessToken: token(), user } satisfies LoginResponse);
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith('/staff');
  });

  it('sends a member whose role requires a second factor, not enrolled yet, to the Security page', async () => {
    const fixture = TestBed.createComponent(SignInPage);
    const root = hostOf(fixture);
    await fixture.whenStable();
    type(root, 'input[type="email"]', user.email);
    type(root, 'input[type="password"]', 'the password');
    button(root, 'Sign in').click();
    http.expectOne('/api/auth/login').flush({ accessToken: token(), user, enrolmentRequired: true } satisfies LoginResponse);
    await fixture.whenStable();
    expect(navigate).toHaveBeenCalledWith('/staff/security');
  });
});
