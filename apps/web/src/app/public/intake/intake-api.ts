import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { IntakeResponse, ParsedIntakeRequest } from '@sg/contracts';
import { IDEMPOTENCY_KEY_HEADER, PUBLIC_API } from '../contracts/public-contract';
import { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class IntakeApi {
  private readonly http = inject(HttpClient);

  /** `POST /api/intakes`; the same key and body always answer with the same case. */
  submit(request: ParsedIntakeRequest, idempotencyKey: string): Observable<IntakeResponse> {
    return this.http.post<IntakeResponse>(PUBLIC_API.intakes, request, {
      headers: new HttpHeaders({ [IDEMPOTENCY_KEY_HEADER]: idempotencyKey }),
    });
  }
}
