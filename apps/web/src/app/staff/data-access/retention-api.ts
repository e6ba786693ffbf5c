import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { RETENTION_PATHS } from '@sg/contracts';
import type { CaseRetentionState, LegalHoldReleaseRequest, LegalHoldRequest, RetentionSettings, RetentionSettingsInput } from '@sg/contracts';
import { Observable } from 'rxjs';
import { apiPath } from './staff-contract';

/** Retention (`/api/organisation/retention`) and a case's legal hold (`/api/cases/:id/legal-hold`). */
// Provided by the staff routes, like every staff API, so its requests carry the staff session.
@Injectable()
export class RetentionApi {
  private readonly http = inject(HttpClient);

  settings(): Observable<RetentionSettings> {
    return this.http.get<RetentionSettings>(apiPath('organisation', RETENTION_PATHS.settings));
  }

  saveSettings(input: RetentionSettingsInput): Observable<RetentionSettings> {
    return this.http.put<RetentionSettings>(apiPath('organisation', RETENTION_PATHS.settings), input);
  }

  caseState(caseId: string): Observable<CaseRetentionState> {
    return this.http.get<CaseRetentionState>(apiPath('cases', caseId, RETENTION_PATHS.legalHold));
  }

  placeHold(caseId: string, request: LegalHoldRequest): Observable<CaseRetentionState> {
    return this.http.post<CaseRetentionState>(apiPath('cases', caseId, RETENTION_PATHS.legalHold), request);
  }

  releaseHold(caseId: string, request: LegalHoldReleaseRequest): Observable<CaseRetentionState> {
    return this.http.post<CaseRetentionState>(apiPath('cases', caseId, RETENTION_PATHS.legalHoldRelease), request);
  }
}
