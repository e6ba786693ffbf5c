import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AuditEntry,
  CaseAssign,
  CaseDetail,
  CaseListQuery,
  CaseListResponse,
  CaseNote,
  CaseUpdate,
  ContactDetails,
  EvidenceEntry,
  EvidenceInput,
  EvidenceUpdate,
  QueueCounts,
} from '@sg/contracts';
import { apiPath } from './staff-contract';
import type { ActionPlanStepKey } from '@sg/domain';
import { Observable } from 'rxjs';

const cases = (...rest: string[]) => apiPath('cases', ...rest);

/** The case endpoints, typed by the shared contracts. */
@Injectable()
export class CasesApi {
  private readonly http = inject(HttpClient);

  list(query: CaseListQuery): Observable<CaseListResponse> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params = params.set(key, typeof value === 'string' ? value : JSON.stringify(value));
    }
    return this.http.get<CaseListResponse>(cases(), { params });
  }

  counts(): Observable<QueueCounts> {
    return this.http.get<QueueCounts>(cases('counts'));
  }

  get(id: string): Observable<CaseDetail> {
    return this.http.get<CaseDetail>(cases(encodeURIComponent(id)));
  }

  /** 409 with the current case in the body when `version` is stale. */
  update(id: string, change: CaseUpdate): Observable<CaseDetail> {
    return this.http.patch<CaseDetail>(cases(encodeURIComponent(id)), change);
  }

  claim(id: string): Observable<CaseDetail> {
    return this.http.post<CaseDetail>(cases(encodeURIComponent(id), 'claim'), {});
  }

  /** `expectedAssigneeId`: who the caller saw holding it (null: nobody); 409 with the current case if that changed. */
  assign(id: string, assigneeId: string, expectedAssigneeId?: string | null): Observable<CaseDetail> {
    const body: CaseAssign = expectedAssigneeId === undefined ? { assigneeId } : { assigneeId, expectedAssigneeId };
    return this.http.post<CaseDetail>(cases(encodeURIComponent(id), 'assign'), body);
  }

  setPlanStep(id: string, key: ActionPlanStepKey, done: boolean): Observable<CaseDetail> {
    return this.http.patch<CaseDetail>(cases(encodeURIComponent(id), 'plan-steps', key), { done });
  }

  addNote(id: string, body: string): Observable<CaseNote> {
    return this.http.post<CaseNote>(cases(encodeURIComponent(id), 'notes'), { body });
  }

  addEvidence(id: string, evidence: EvidenceInput): Observable<unknown> {
    return this.http.post<unknown>(cases(encodeURIComponent(id), 'evidence'), evidence);
  }

  /** Replaces the entry's fields and typed identifiers (a secret is kept with `{ keep: id }`). */
  updateEvidence(id: string, evidenceId: string, evidence: EvidenceUpdate): Observable<EvidenceEntry> {
    return this.http.put<EvidenceEntry>(cases(encodeURIComponent(id), 'evidence', encodeURIComponent(evidenceId)), evidence);
  }

  removeEvidence(id: string, evidenceId: string): Observable<void> {
    return this.http.delete<void>(cases(encodeURIComponent(id), 'evidence', encodeURIComponent(evidenceId)));
  }

  revealContact(id: string, reason: string): Observable<ContactDetails> {
    return this.http.post<ContactDetails>(cases(encodeURIComponent(id), 'contact-reveal'), { reason });
  }

  audit(id: string): Observable<AuditEntry[]> {
    return this.http.get<AuditEntry[]>(cases(encodeURIComponent(id), 'audit'));
  }
}
