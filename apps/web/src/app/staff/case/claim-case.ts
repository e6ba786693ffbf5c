import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { CaseDetail } from '@sg/contracts';
import { Observable, catchError, map, of, tap } from 'rxjs';
import { CasesApi } from '../data-access/cases-api';
import { LiveUpdates } from '../live/live-updates';
import { problemMessage } from '../ui/http-errors';
import { I18n } from '../../system/i18n/i18n';
import type { Speaks } from './speaks';
import { snackFor } from '../ui/material-options';
import { isRecord } from '@sg/domain';

export interface ClaimOutcome {
  claimed: boolean;
  /** The case as the server has it now, when the answer carried it. */
  detail: CaseDetail | null;
}

/** Claiming from anywhere (a row, the case header, the `c` key) says the same things. */
@Injectable()
export class ClaimCase {
  private readonly api = inject(CasesApi);
  private readonly live = inject(LiveUpdates);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);

  claim(id: string, reference: string): Observable<ClaimOutcome> {
    return this.api.claim(id).pipe(
      map((detail): ClaimOutcome => ({ claimed: true, detail: isCaseDetail(detail) ? detail : null })),
      tap(() => {
        this.snackBar.open(this.i18n.t('staff.case.claim.claimed', { reference }), undefined, snackFor(4000));
        this.live.changed();
      }),
      catchError((error: unknown) => {
        this.snackBar.open(claimProblem(error, this.i18n), this.i18n.t('staff.case.store.ok'), snackFor(8000));
        const body: unknown = error instanceof HttpErrorResponse ? error.error : null;
        if (error instanceof HttpErrorResponse && error.status === 409) this.live.changed();
        return of<ClaimOutcome>({ claimed: false, detail: conflictCase(body) });
      }),
    );
  }
}

/** "Already claimed by Casey Caseworker" from a 409, whichever shape its body has. */
export function claimProblem(error: unknown, i18n: Speaks): string {
  if (error instanceof HttpErrorResponse && error.status === 409) {
    const body: unknown = error.error;
    const current = conflictCase(body);
    if (current?.assignee) return i18n.t('staff.case.claim.alreadyClaimed', { name: current.assignee.displayName });
    const message = isRecord(body) ? body['message'] : undefined;
    if (typeof message === 'string' && message) return message;
    return i18n.t('staff.case.claim.claimedFirst');
  }
  return problemMessage(i18n, error, i18n.t('staff.case.claim.failed'));
}

/**
 * The current case carried by a 409: the API sends `{ message, current }` for a stale version
 * (the brief also allows the case itself as the body); other conflicts carry only a message.
 */
export function conflictCase(body: unknown): CaseDetail | null {
  if (isCaseDetail(body)) return body;
  const current = isRecord(body) ? body['current'] : undefined;
  return isCaseDetail(current) ? current : null;
}

export function isCaseDetail(value: unknown): value is CaseDetail {
  return isRecord(value) && typeof value['id'] === 'string' && typeof value['version'] === 'number' && Array.isArray(value['timeline']);
}
