import { HttpClient, HttpErrorResponse, HttpParams, HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ReferralRecipient } from '@sg/contracts';
import { Observable, catchError, from, switchMap, throwError } from 'rxjs';
import { apiPath } from './staff-contract';

/**
 * Files the API streams as attachments: a case's or a cluster's referral packet (PDF) and the funders' CSV. They
 * come through the dashboard's HttpClient (so the staff token goes with them) as blobs. Provided
 * by the staff routes, not in root: root's HttpClient has no auth interceptor.
 */
@Injectable()
export class DownloadsApi {
  private readonly http = inject(HttpClient);

  referralPacket(caseId: string, recipient: ReferralRecipient, includeContact: boolean): Observable<HttpResponse<Blob>> {
    const params = new HttpParams().set('recipient', recipient).set('includeContact', String(includeContact));
    return this.blob(apiPath('cases', caseId, 'referral-packet'), params);
  }

  /** Every case holding one shared identifier, in one PDF (supervisors; never contact details). */
  clusterReferralPacket(key: string, recipient: ReferralRecipient): Observable<HttpResponse<Blob>> {
    return this.blob(apiPath('clusters', key, 'referral-packet'), new HttpParams().set('recipient', recipient));
  }

  fundersCsv(months = 12): Observable<HttpResponse<Blob>> {
    return this.blob(apiPath('fundersExport'), new HttpParams().set('months', String(months)));
  }

  /** A refusal arrives as a blob too: read it back into the JSON problem the rest of the dashboard understands. */
  private blob(url: string, params: HttpParams): Observable<HttpResponse<Blob>> {
    return this.http.get(url, { params, observe: 'response', responseType: 'blob' }).pipe(
      catchError((error: unknown) => {
        if (!(error instanceof HttpErrorResponse) || !(error.error instanceof Blob)) return throwError(() => error);
        return from(error.error.text()).pipe(
          switchMap((text) => {
            let body: unknown = text;
            try {
              body = JSON.parse(text);
            } catch {
              // not JSON: keep the text
            }
            return throwError(
              () =>
                new HttpErrorResponse({ error: body, status: error.status, statusText: error.statusText, url: error.url ?? undefined, headers: error.headers }),
            );
          }),
        );
      }),
    );
  }
}
