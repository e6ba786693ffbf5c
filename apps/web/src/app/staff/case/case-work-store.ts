import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, WritableSignal, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { FollowUpView, ReportCreate, ReportUpdate, ReportView, TakedownCreate, TakedownUpdate, TakedownView } from '@sg/contracts';
import { EMPTY, Observable, Subject, catchError, debounceTime, filter, finalize, map, merge, of, switchMap, tap, throwError } from 'rxjs';
import { CaseWorkApi } from '../data-access/case-work-api';
import { LiveUpdates, REFRESH_DEBOUNCE_MS } from '../live/live-updates';
import { problemMessage, validationErrors } from '../ui/http-errors';
import { I18n } from '../../system/i18n/i18n';
import { snackFor } from '../ui/material-options';

/** One list of a case: null items while it loads; a problem when it could not be read. */
export interface ListState<T> {
  items: T[] | null;
  problem: string | null;
}

const loading = <T>(): ListState<T> => ({ items: null, problem: null });

/**
 * The takedown requests, reports and follow-ups of the open case. Each list is read when the
 * case opens and again when the live stream says the case changed (the API announces changes to
 * takedowns, reports and follow-ups as `case.updated`). After any change made here the lists
 * and the follow-ups are re-read: the API reschedules follow-ups, and a takedown marked
 * "reappeared" opens a new request.
 */
@Injectable()
export class CaseWorkStore {
  private readonly api = inject(CaseWorkApi);
  private readonly live = inject(LiveUpdates);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  private readonly id = signal<string | null>(null);
  private readonly takedownReloads = new Subject<void>();
  private readonly reportReloads = new Subject<void>();
  private readonly followUpReloads = new Subject<void>();

  readonly takedowns = signal<ListState<TakedownView>>(loading());
  readonly reports = signal<ListState<ReportView>>(loading());
  readonly followUps = signal<ListState<FollowUpView>>(loading());
  /** The id of the request or report being changed (its menu is disabled meanwhile). */
  readonly busyId = signal<string | null>(null);

  constructor() {
    this.keep(this.takedowns, this.takedownReloads, (id) => this.api.takedowns(id), 'staff.case.work.takedownsFailed');
    this.keep(this.reports, this.reportReloads, (id) => this.api.reports(id), 'staff.case.work.reportsFailed');
    // Follow-ups also change when one fires or is marked done from the bell (no case event says so).
    const touched = (id: string) => this.live.followUpsTouched$.pipe(filter((caseId) => caseId === null || caseId === id));
    this.keep(this.followUps, this.followUpReloads, (id) => this.api.followUps(id), 'staff.case.work.followUpsFailed', touched);
  }

  open(id: string): void {
    this.id.set(id);
  }

  reloadTakedowns(): void {
    this.takedownReloads.next();
    this.followUpReloads.next();
  }

  reloadReports(): void {
    this.reportReloads.next();
    this.followUpReloads.next();
  }

  reloadFollowUps(): void {
    this.followUpReloads.next();
  }

  fileTakedown(body: TakedownCreate): Observable<TakedownView> {
    const id = this.id();
    if (!id) return EMPTY;
    return this.api.fileTakedown(id, body).pipe(
      tap((created) => {
        this.takedowns.update((state) => ({ ...state, items: [...(state.items ?? []).filter((t) => t.id !== created.id), created] }));
        this.snackBar.open(this.i18n.t('staff.case.work.takedownFiled', { platform: created.platform }), undefined, snackFor(4000));
        this.afterChange(() => this.reloadTakedowns());
      }),
      catchError((error: unknown) => this.report(error, () => this.reloadTakedowns())),
    );
  }

  updateTakedown(takedown: TakedownView, change: TakedownUpdate, success: string): Observable<TakedownView> {
    return this.change(
      takedown.id,
      this.api.updateTakedown(takedown.id, change),
      success,
      () => this.reloadTakedowns(),
      (updated) => this.takedowns.update((state) => ({ ...state, items: (state.items ?? []).map((t) => (t.id === updated.id ? updated : t)) })),
    );
  }

  fileReport(body: ReportCreate): Observable<ReportView> {
    const id = this.id();
    if (!id) return EMPTY;
    return this.api.fileReport(id, body).pipe(
      tap((created) => {
        this.reports.update((state) => ({ ...state, items: [...(state.items ?? []).filter((r) => r.id !== created.id), created] }));
        this.snackBar.open(this.i18n.t('staff.case.work.reportRecorded', { agency: created.agencyName }), undefined, snackFor(4000));
        this.afterChange(() => this.reloadReports());
      }),
      catchError((error: unknown) => this.report(error, () => this.reloadReports())),
    );
  }

  updateReport(report: ReportView, change: ReportUpdate, success: string): Observable<ReportView> {
    return this.change(
      report.id,
      this.api.updateReport(report.id, change),
      success,
      () => this.reloadReports(),
      (updated) => this.reports.update((state) => ({ ...state, items: (state.items ?? []).map((r) => (r.id === updated.id ? updated : r)) })),
    );
  }

  /** For changes without a form (a status menu): a refused value is said in a message. */
  sayProblems(error: unknown): void {
    const problems = validationErrors(error);
    const text = problems?.length ? problems.map((problem) => problem.message).join(' ') : problemMessage(this.i18n, error);
    this.snackBar.open(text, this.i18n.t('staff.case.store.ok'), snackFor(8000));
  }

  private change<T>(id: string, request: Observable<T>, success: string, reload: () => void, apply: (value: T) => void): Observable<T> {
    this.busyId.set(id);
    return request.pipe(
      tap((value) => {
        apply(value);
        this.snackBar.open(success, undefined, snackFor(4000));
        this.afterChange(reload);
      }),
      catchError((error: unknown) => this.report(error, reload)),
      finalize(() => this.busyId.set(null)),
    );
  }

  private afterChange(reload: () => void): void {
    reload();
    // Queues and the case header (timeline) re-read too, without waiting for the stream's echo.
    this.live.changed();
  }

  /** 400s go back to the form; a 409 (a move the lifecycle refuses) says why and shows the latest. */
  private report(error: unknown, reload: () => void): Observable<never> {
    if (validationErrors(error)) return throwError(() => error);
    if (error instanceof HttpErrorResponse && error.status === 409) reload();
    this.snackBar.open(problemMessage(this.i18n, error), this.i18n.t('staff.case.store.ok'), snackFor(8000));
    return EMPTY;
  }

  private keep<T>(
    target: WritableSignal<ListState<T>>,
    reloads: Subject<void>,
    fetch: (caseId: string) => Observable<T[]>,
    /** The catalogue key of what a failed first read says. */
    failure: string,
    more: (caseId: string) => Observable<unknown> = () => EMPTY,
  ): void {
    toObservable(this.id)
      .pipe(
        filter((id): id is string => !!id),
        switchMap((id) =>
          merge(
            of(true),
            reloads.pipe(map(() => false)),
            // After a dropped stream too: this case may have changed meanwhile.
            merge(this.live.changes$.pipe(filter((event) => event.caseId === id)), this.live.reconnected$, more(id)).pipe(
              debounceTime(REFRESH_DEBOUNCE_MS),
              map(() => false),
            ),
          ).pipe(
            switchMap((first) => {
              if (first) target.set(loading());
              return fetch(id).pipe(
                map((items) => ({ items, problem: null })),
                // A failed refresh keeps what is on screen; a failed first read says so.
                catchError((error: unknown) =>
                  first || target().items === null ? of({ items: null, problem: problemMessage(this.i18n, error, this.i18n.t(failure)) }) : EMPTY,
                ),
              );
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((state) => target.set(state));
  }
}
