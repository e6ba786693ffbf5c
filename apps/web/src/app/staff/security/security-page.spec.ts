import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { SecondFactorEnrolled, SecondFactorEnrolment, SecondFactorStatus } from '@sg/contracts';
import { of } from 'rxjs';
import { speakInTests } from '../../system/i18n/testing';
import { AuthSession } from '../auth/auth-session';
import { SecondFactorApi } from '../data-access/second-factor-api';
import { SecurityPage } from './security-page';
import { hostOf, query } from '../../../testing/dom';
import { found } from '@sg/domain';

describe('SecurityPage: enrolling an authenticator app', () => {
  let http: HttpTestingController;
  const refresh = jest.fn(() => of(true));
  const enrolmentRequired = signal(true);

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [SecurityPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        SecondFactorApi,
        speakInTests(),
        { provide: AuthSession, useValue: { enrolmentRequired, refresh, logout: jest.fn() } },
      ],
    }).compileComponents();
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  const button = (root: HTMLElement, name: string) =>
    found(
      [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name),
      `the button "${name}"`,
    );

  it('shows the QR code and the key, confirms with a code, shows the recovery codes once, then renews the sign-in', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const fixture = TestBed.createComponent(SecurityPage);
    const root = hostOf(fixture);
    await fixture.whenStable();
    http.expectOne('/api/auth/second-factor').flush({ enrolled: false, required: true, recoveryCodesLeft: 0 } satisfies SecondFactorStatus);
    await fixture.whenStable();
    expect(root.querySelector('.note')?.textContent).toContain('Your role must sign in with a second factor');
    // Kept to this page: the way out is signing out, not the dashboard.
    expect(root.querySelector('a[href="/staff"]')).toBeNull();

    button(root, 'Set up an authenticator app').click();
    http.expectOne('/api/auth/second-factor/enrolment').flush({
      secret: 'JBSWY3DPEHPK3PXP',
      otpauthUri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP',
      qrCodeSvg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>',
    } satisfies SecondFactorEnrolment);
    await fixture.whenStable();
    const qr = query(root, 'img.qr', HTMLImageElement);
    expect(qr.alt).toBe('QR code for your authenticator app');
    expect(qr.src).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(root.querySelector('[data-testid="totp-secret"]')?.textContent).toBe('JBSWY3DPEHPK3PXP');
    const code = query(root, '[data-testid="confirm-code"]', HTMLInputElement);
    expect(code.getAttribute('autocomplete')).toBe('one-time-code');

    code.value = '123 456';
    code.dispatchEvent(new Event('input'));
    button(root, 'Confirm').click();
    const confirm = http.expectOne('/api/auth/second-factor/enrolment/confirm');
    expect(confirm.request.body).toEqual({ code: '123456' });
    const recoveryCodes = Array.from({ length: 10 }, (_, i) => `AAAA${i}-BBBBB`);
    confirm.flush({ recoveryCodes, status: { enrolled: true, required: true, recoveryCodesLeft: 10 } } satisfies SecondFactorEnrolled);
    await fixture.whenStable();
    expect([...root.querySelectorAll('[data-testid="recovery-codes"] li')].map((li) => li.textContent?.trim())).toEqual(recoveryCodes);
    expect(button(root, 'Copy the codes')).toBeTruthy();

    button(root, 'I have saved them').click();
    await fixture.whenStable();
    expect(root.querySelector('[data-testid="recovery-codes"]')).toBeNull();
    expect(refresh).toHaveBeenCalled();
    expect(navigate).toHaveBeenCalledWith('/staff');
    expect(root.textContent).toContain('On: signing in needs a code from your authenticator app.');
  });

  it('says so when the code is not the one the app shows', async () => {
    const fixture = TestBed.createComponent(SecurityPage);
    const root = hostOf(fixture);
    await fixture.whenStable();
    http.expectOne('/api/auth/second-factor').flush({ enrolled: false, required: false, recoveryCodesLeft: 0 } satisfies SecondFactorStatus);
    await fixture.whenStable();
    button(root, 'Set up an authenticator app').click();
    http
      .expectOne('/api/auth/second-factor/enrolment')
      .flush({ secret: 'JBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://x', qrCodeSvg: '<svg></svg>' } satisfies SecondFactorEnrolment);
    await fixture.whenStable();
    const code = query(root, '[data-testid="confirm-code"]', HTMLInputElement);
    code.value = '000000';
    code.dispatchEvent(new Event('input'));
    button(root, 'Confirm').click();
    http
      .expectOne('/api/auth/second-factor/enrolment/confirm')
      .flush(
        { statusCode: 400, error: 'Bad Request', message: 'code is not right', errors: [{ path: 'code', message: 'is not right', code: 'invalid' }] },
        { status: 400, statusText: 'Bad Request' },
      );
    await fixture.whenStable();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('That is not the code your app shows now.');
    expect(root.querySelector('[data-testid="totp-secret"]')).not.toBeNull();
  });
});
