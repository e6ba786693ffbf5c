import { HttpErrorResponse, HttpHandlerFn, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { SECOND_FACTOR_ENROLMENT_REQUIRED } from '@sg/contracts';
import { API_PREFIX, CSRF_HEADER, CSRF_HEADER_VALUE } from '../data-access/staff-contract';
import { catchError, switchMap, throwError } from 'rxjs';
import { AUTH_CALL } from './auth-context';
import { AuthSession } from './auth-session';
import { isRecord } from '@sg/domain';

const isApi = (url: string) => url.startsWith(`/${API_PREFIX}/`);

/**
 * Sends the access token with every API call. When one is refused with 401 (the token expired),
 * it refreshes once and repeats the call once; if that fails too, the person signs in again.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApi(request.url)) return next(request);
  const session = inject(AuthSession);

  if (request.context.get(AUTH_CALL)) {
    return next(request.clone({ withCredentials: true, setHeaders: { [CSRF_HEADER]: CSRF_HEADER_VALUE } }));
  }

  return send(request, next, session).pipe(
    catchError((error: unknown) => {
      // The role requires a second factor this sign-in has not got (e.g. just promoted): enrol first.
      if (needsEnrolment(error)) session.requireEnrolment();
      if (!isUnauthorized(error)) return throwError(() => error);
      return session.refresh().pipe(
        switchMap((refreshed) => {
          if (!refreshed) {
            session.expire();
            return throwError(() => error);
          }
          return send(request, next, session).pipe(
            catchError((again: unknown) => {
              if (isUnauthorized(again)) session.expire();
              return throwError(() => again);
            }),
          );
        }),
      );
    }),
  );
};

function send(request: HttpRequest<unknown>, next: HttpHandlerFn, session: AuthSession) {
  const token = session.accessToken();
  return next(token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request);
}

function needsEnrolment(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 403 && isRecord(error.error) && error.error['code'] === SECOND_FACTOR_ENROLMENT_REQUIRED;
}

function isUnauthorized(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 401;
}
