import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { FollowUpView, ReportCreate, ReportUpdate, ReportView, TakedownCreate, TakedownUpdate, TakedownView } from '@sg/contracts';
import { Observable } from 'rxjs';
import { apiPath } from './staff-contract';

const id = (value: string) => encodeURIComponent(value);

/** A case's takedown requests, reports to agencies and the follow-ups scheduled for them. */
@Injectable()
export class CaseWorkApi {
  private readonly http = inject(HttpClient);

  takedowns(caseId: string): Observable<TakedownView[]> {
    return this.http.get<TakedownView[]>(apiPath('cases', id(caseId), 'takedowns'));
  }

  /** 201; a new request starts as a draft. */
  fileTakedown(caseId: string, body: TakedownCreate): Observable<TakedownView> {
    return this.http.post<TakedownView>(apiPath('cases', id(caseId), 'takedowns'), body);
  }

  /** 409 with a message when the lifecycle does not allow the move. */
  updateTakedown(takedownId: string, change: TakedownUpdate): Observable<TakedownView> {
    return this.http.patch<TakedownView>(apiPath('takedowns', id(takedownId)), change);
  }

  reports(caseId: string): Observable<ReportView[]> {
    return this.http.get<ReportView[]>(apiPath('cases', id(caseId), 'reports'));
  }

  fileReport(caseId: string, body: ReportCreate): Observable<ReportView> {
    return this.http.post<ReportView>(apiPath('cases', id(caseId), 'reports'), body);
  }

  updateReport(reportId: string, change: ReportUpdate): Observable<ReportView> {
    return this.http.patch<ReportView>(apiPath('reports', id(reportId)), change);
  }

  followUps(caseId: string): Observable<FollowUpView[]> {
    return this.http.get<FollowUpView[]>(apiPath('cases', id(caseId), 'follow-ups'));
  }
}
