import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CaseAccessRequest,
  CaseAccessView,
  CaseAdditionRequest,
  CaseLanguageRequest,
  PlanStepUpdateRequest,
  SessionAdditionRequest,
  SessionPlanStepRequest,
} from '@sg/contracts';
import { CASE_SESSION_HEADER, PUBLIC_API } from '../contracts/public-contract';
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

  /** The open case by its conversation session: after a reload, and for every change once open (never the code again). */
  current(session: string): Observable<CaseAccessView> {
    return this.http.get<CaseAccessView>(PUBLIC_API.currentCase, { headers: sessionHeaders(session) });
  }

  setPlanStepInSession(session: string, request: SessionPlanStepRequest): Observable<CaseAccessView> {
    return this.http.post<CaseAccessView>(PUBLIC_API.currentPlanSteps, request, { headers: sessionHeaders(session) });
  }

  addInSession(session: string, request: SessionAdditionRequest): Observable<CaseAccessView> {
    return this.http.post<CaseAccessView>(PUBLIC_API.currentAdditions, request, { headers: sessionHeaders(session) });
  }

  /** The language the team's messages and nudges reach the person in (answers 204). */
  setLanguage(session: string, language: CaseLanguageRequest['language']): Observable<void> {
    return this.http.put<void>(CURRENT_LANGUAGE, { language } satisfies CaseLanguageRequest, { headers: sessionHeaders(session) });
  }
}

/** `PUT /api/case-access/current/language` (PUBLIC_API has no entry for it; built from the same path). */
const CURRENT_LANGUAGE = `${PUBLIC_API.currentCase}/language`;

const sessionHeaders = (session: string) => new HttpHeaders({ [CASE_SESSION_HEADER]: session });

/** How the page names the open case: its conversation session, or (when none could be opened) the code held in memory. */
export type OpenCaseKey = { session: string } | { credentials: CaseAccessRequest };

export function isSessionKey(key: OpenCaseKey): key is { session: string } {
  return 'session' in key;
}
