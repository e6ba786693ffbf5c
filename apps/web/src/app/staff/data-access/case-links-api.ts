import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { CASE_LINK_PATHS } from '@sg/contracts';
import type { CaseLinkRequest, CaseLinks, CaseMergeRequest, CaseUnmergeRequest, ClusterListResponse, IdentifierCluster } from '@sg/contracts';
import { Observable } from 'rxjs';
import { apiPath } from './staff-contract';

/** A case's links and merges (`/api/cases/:id/links|merge|unmerge`) and the supervisors' clusters (`/api/clusters`). */
// Provided by the staff routes, like every staff API, so its requests carry the staff session.
@Injectable()
export class CaseLinksApi {
  private readonly http = inject(HttpClient);

  links(caseId: string): Observable<CaseLinks> {
    return this.http.get<CaseLinks>(apiPath('cases', caseId, CASE_LINK_PATHS.links));
  }

  link(caseId: string, request: CaseLinkRequest): Observable<CaseLinks> {
    return this.http.post<CaseLinks>(apiPath('cases', caseId, CASE_LINK_PATHS.links), request);
  }

  unlink(caseId: string, linkId: string): Observable<CaseLinks> {
    return this.http.delete<CaseLinks>(apiPath('cases', caseId, CASE_LINK_PATHS.links, linkId));
  }

  merge(caseId: string, request: CaseMergeRequest): Observable<CaseLinks> {
    return this.http.post<CaseLinks>(apiPath('cases', caseId, CASE_LINK_PATHS.merge), request);
  }

  unmerge(caseId: string, request: CaseUnmergeRequest): Observable<CaseLinks> {
    return this.http.post<CaseLinks>(apiPath('cases', caseId, CASE_LINK_PATHS.unmerge), request);
  }

  clusters(cursor?: string | null, limit = 20): Observable<ClusterListResponse> {
    let params = new HttpParams().set('limit', limit);
    if (cursor) params = params.set('cursor', cursor);
    return this.http.get<ClusterListResponse>(apiPath('clusters'), { params });
  }

  cluster(key: string): Observable<IdentifierCluster> {
    return this.http.get<IdentifierCluster>(apiPath('clusters', key));
  }
}
