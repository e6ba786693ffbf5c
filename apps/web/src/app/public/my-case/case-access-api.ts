import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CaseAccessRequest, CaseAccessView, CaseAdditionRequest, PlanStepUpdateRequest } from '@sg/contracts';
import { PUBLIC_API } from '../contracts/public-contract';
import { Observable } from 'rxjs';

/** The person's own way back into their case, with the reference and access code. */
@Injectable({ providedIn: 'root' })
export class CaseAccessApi {
  private readonly http = inject(HttpClient);

  open(request: CaseAccessRequest): Observable<CaseAccessView> {
    return this.http.post<CaseAccessView>(PUBLIC_API.caseAccess, request);
  }

  setPlanStep(request: PlanStepUpdateRequest): Observable<CaseAccessView> {
    return this.http.post<CaseAccessView>(PUBLIC_API.planSteps, request);
  }

  add(request: CaseAdditionRequest): Observable<CaseAccessView> {
    return this.http.post<CaseAccessView>(PUBLIC_API.additions, request);
  }
}
