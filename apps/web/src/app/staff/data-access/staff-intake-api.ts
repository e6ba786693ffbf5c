import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { IntakeRequest, IntakeResponse } from '@sg/contracts';
import { IDEMPOTENCY_KEY_HEADER, apiPath } from './staff-contract';
import { Observable } from 'rxjs';

/** The same `POST /api/intakes` as the public form, sent with the caseworker's token. */
@Injectable()
export class StaffIntakeApi {
  private readonly http = inject(HttpClient);

  submit(request: IntakeRequest, idempotencyKey: string): Observable<IntakeResponse> {
    return this.http.post<IntakeResponse>(apiPath('intakes'), request, {
      headers: new HttpHeaders({ [IDEMPOTENCY_KEY_HEADER]: idempotencyKey }),
    });
  }
}
