import { inject } from '@angular/core';
import { I18n } from '../../system/i18n/i18n';
import { CanActivateFn, Router } from '@angular/router';
import type { StaffRole } from '@sg/domain';
import { AuthSession, SECURITY_PATH, SIGN_IN_PATH } from './auth-session';
import { browserStaffLanguage, speakStaffLanguage } from './staff-language';

/** Every dashboard page: restores the session from the refresh cookie first (after a reload). */
export const signedInGuard: CanActivateFn = async (_route, state) => {
  const session = inject(AuthSession);
  const router = inject(Router);
  if (await session.restore()) return true;
  return router.createUrlTree([SIGN_IN_PATH], { queryParams: { returnUrl: state.url } });
};

/**
 * The dashboard proper: a member whose role requires a second factor they have not enrolled is
 * sent to the Security page (the API refuses them everything else until then).
 */
export const secondFactorGuard: CanActivateFn = () => {
  const session = inject(AuthSession);
  return !session.enrolmentRequired() || inject(Router).createUrlTree([SECURITY_PATH]);
};

/**
 * The sign-in page: someone already signed in goes straight to the queues. Otherwise the page
 * speaks the browser's preferred dashboard language (whose account it will be is not known yet).
 */
export const signedOutGuard: CanActivateFn = async () => {
  const session = inject(AuthSession);
  const router = inject(Router);
  const i18n = inject(I18n);
  if (await session.restore()) return router.createUrlTree(['/staff']);
  await speakStaffLanguage(i18n, browserStaffLanguage());
  return true;
};

/** Pages for some roles only (supervision: supervisors and admins). */
export function roleGuard(...roles: StaffRole[]): CanActivateFn {
  return () => {
    const session = inject(AuthSession);
    return session.hasRole(...roles) || inject(Router).createUrlTree(['/staff']);
  };
}
