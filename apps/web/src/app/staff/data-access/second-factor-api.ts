import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { SecondFactorCode, SecondFactorEnrolled, SecondFactorEnrolment, SecondFactorStatus } from '@sg/contracts';
import { Observable } from 'rxjs';
import { apiPath } from './staff-contract';

/** The signed-in member's own second factor (`/api/auth/second-factor`), and admins' reset of someone's. */
@Injectable()
export class SecondFactorApi {
  private readonly http = inject(HttpClient);

  status(): Observable<SecondFactorStatus> {
    return this.http.get<SecondFactorStatus>(apiPath('secondFactor'));
  }

  startEnrolment(): Observable<SecondFactorEnrolment> {
    return this.http.post<SecondFactorEnrolment>(apiPath('secondFactor', 'enrolment'), {});
  }

  confirmEnrolment(body: SecondFactorCode): Observable<SecondFactorEnrolled> {
    return this.http.post<SecondFactorEnrolled>(apiPath('secondFactor', 'enrolment', 'confirm'), body);
  }

  disable(body: SecondFactorCode): Observable<void> {
    return this.http.post<void>(apiPath('secondFactor', 'disable'), body);
  }

  /** Admins: removes a member's second factor (they are signed out and enrol again). */
  reset(staffId: string): Observable<void> {
    return this.http.post<void>(apiPath('staff', encodeURIComponent(staffId), 'second-factor', 'reset'), {});
  }
}
