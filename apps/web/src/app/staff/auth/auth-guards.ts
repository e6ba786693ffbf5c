import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import type { StaffRole } from '@sg/domain';
import { AuthSession, SIGN_IN_PATH } from './auth-session';

/** Every dashboard page: restores the session from the refresh cookie first (after a reload). */
export const signedInGuard: CanActivateFn = async (_route, state) => {
  const session = inject(AuthSession);
  const router = inject(Router);
  if (await session.restore()) return true;
  return router.createUrlTree([SIGN_IN_PATH], { queryParams: { returnUrl: state.url } });
};

/** The sign-in page: someone already signed in goes straight to the queues. */
export const signedOutGuard: CanActivateFn = async () => {
  const session = inject(AuthSession);
  const router = inject(Router);
  return (await session.restore()) ? router.createUrlTree(['/staff']) : true;
};

/** Pages for some roles only (supervision: supervisors and admins). */
export function roleGuard(...roles: StaffRole[]): CanActivateFn {
  return () => {
    const session = inject(AuthSession);
    return session.hasRole(...roles) || inject(Router).createUrlTree(['/staff']);
  };
}
