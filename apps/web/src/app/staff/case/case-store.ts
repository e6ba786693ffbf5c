import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { AuditEntry, CaseDetail, CaseNote, CaseUpdate, ContactDetails, EvidenceEntry, EvidenceInput, EvidenceUpdate } from '@sg/contracts';
import type { ActionPlanStepKey } from '@sg/domain';
import { EMPTY, Observable, Subject, catchError, debounceTime, filter, finalize, map, merge, of, switchMap, tap, throwError } from 'rxjs';
import { CasesApi } from '../data-access/cases-api';
import { ConversationApi } from '../data-access/conversation-api';
import { LiveUpdates, REFRESH_DEBOUNCE_MS } from '../live/live-updates';
import { problemMessage, validationErrors } from '../ui/http-errors';
import { ClaimCase, conflictCase, isCaseDetail } from './claim-case';
import { I18n } from '../../system/i18n/i18n';
import { snackFor } from '../ui/material-options';

/** `gone`: it was open, and a refresh found it is no longer this person's to see (reassigned). */
export type CaseLoadState = 'loading' | 'ready' | 'missing' | 'held' | 'gone' | 'error';

/** Catalogue keys of what the store says (exported for the specs). */
export const CONFLICT_MESSAGE = 'staff.case.store.conflict';
export const GONE_MESSAGE = 'staff.case.store.gone';

/**
 * A change based on an older version of the case was refused: someone else changed it first.
 * `current` is the case as it is now (already on screen); the form that sent the change keeps
 * what the person typed and shows what differs.
 */
export class CaseConflict extends Error {
  constructor(
    readonly current: CaseDetail,
    /** The server's own words (e.g. "it is now with Casey Caseworker"). */
    readonly serverMessage: string,
  ) {
    // Not shown: the form that sent the change says what happened in the reader's language.
    super('A change based on an older version of the case was refused.');
  }
}

/**
 * One open case: loads it, keeps it fresh when the live stream says it changed, and runs every
 * change against the version on screen. A 409 (someone else got there first) replaces the case
 * with the server's current one and says so; nothing is overwritten silently.
 */
@Injectable()
export class CaseStore {
  private readonly api = inject(CasesApi);
  private readonly conversationApi = inject(ConversationApi);
  private readonly live = inject(LiveUpdates);
  private readonly claimer = inject(ClaimCase);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  private readonly id = signal<string | null>(null);
  private readonly reloads = new Subject<void>();

  readonly detail = signal<CaseDetail | null>(null);
  readonly state = signal<CaseLoadState>('loading');
  readonly problem = signal<string | null>(null);
  readonly busy = signal(false);

  constructor() {
    toObservable(this.id)
      .pipe(
        filter((id): id is string => !!id),
        switchMap((id) =>
          merge(
            of(true),
            this.reloads.pipe(map(() => false)),
            // Its own changes, and anything after a dropped stream (events may have been missed).
            merge(this.live.changes$.pipe(filter((event) => event.caseId === id)), this.live.reconnected$).pipe(
              debounceTime(REFRESH_DEBOUNCE_MS),
              map(() => false),
            ),
          ).pipe(
            switchMap((first) => {
              if (first) {
                this.state.set('loading');
                this.detail.set(null);
              }
              return this.api.get(id).pipe(
                catchError((error: unknown) => {
                  const missing = error instanceof HttpErrorResponse && (error.status === 404 || error.status === 403);
                  if (first || this.detail()?.id !== id) {
                    // 403: someone else holds it, and the answer says who.
                    const held = error instanceof HttpErrorResponse && error.status === 403;
                    this.state.set(held ? 'held' : missing ? 'missing' : 'error');
                    this.problem.set(problemMessage(this.i18n, error, this.i18n.t('staff.case.store.loadFailed')));
                  } else if (missing) {
                    // Reassigned (or deleted) while open: nothing of it may stay on this screen.
                    this.detail.set(null);
                    this.state.set('gone');
                    this.problem.set(this.i18n.t(GONE_MESSAGE));
                  }
                  // Any other failure of a background refresh keeps what is on screen.
                  return EMPTY;
                }),
              );
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((detail) => {
        this.detail.set(detail);
        this.state.set('ready');
        this.problem.set(null);
      });

    // The Conversation tab's "(2 new)": the count only, not an audited read. While the tab is open
    // it reads the thread itself (which marks it read) and keeps the count at 0.
    toObservable(this.id)
      .pipe(
        filter((id): id is string => !!id),
        switchMap((id) =>
          merge(of(null), this.live.conversation$.pipe(filter((event) => event.caseId === id)), this.live.reconnected$).pipe(
            debounceTime(REFRESH_DEBOUNCE_MS),
            filter(() => !this.conversationOpen),
            switchMap(() => this.conversationApi.unread(id).pipe(catchError(() => EMPTY))),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe(({ unread }) => this.conversationUnread.set(unread));
  }

  /** The person's messages the signed-in member of staff has not read in this case. */
  readonly conversationUnread = signal(0);
  /** Set by the Conversation tab while it is on screen. */
  conversationOpen = false;

  open(id: string): void {
    this.id.set(id);
  }

  reload(): void {
    this.reloads.next();
  }

  /** PATCH with the version on screen (a menu click). Errors other than 400 are reported here; 400s go to the form. */
  update(change: Omit<CaseUpdate, 'version'>, success: string): Observable<CaseDetail> {
    const current = this.detail();
    if (!current) return EMPTY;
    return this.save(this.api.update(current.id, { ...change, version: current.version }), success, 'announce');
  }

  /**
   * PATCH a change the person prepared on `version` (a form or dialog opened earlier): if the
   * case changed since, the server refuses it, the current case goes on screen and the caller
   * gets a CaseConflict to show beside what the person typed. Nothing is overwritten unseen.
   */
  updateFrom(version: number, change: Omit<CaseUpdate, 'version'>, success: string): Observable<CaseDetail> {
    const current = this.detail();
    if (!current) return EMPTY;
    return this.save(this.api.update(current.id, { ...change, version }), success, 'return');
  }

  setPlanStep(key: ActionPlanStepKey, done: boolean): Observable<CaseDetail> {
    const current = this.detail();
    if (!current) return EMPTY;
    return this.save(this.api.setPlanStep(current.id, key, done), null, 'announce');
  }

  /** Guarded by who holds it on screen: if someone else moved it meanwhile, the server says so (409). */
  assign(assigneeId: string, assigneeName: string): Observable<CaseDetail> {
    const current = this.detail();
    if (!current) return EMPTY;
    return this.save(
      this.api.assign(current.id, assigneeId, current.assignee?.id ?? null),
      this.i18n.t('staff.case.store.assigned', { reference: current.reference, name: assigneeName }),
      'return',
    ).pipe(
      catchError((error: unknown) => {
        if (!(error instanceof CaseConflict)) return throwError(() => error);
        this.snackBar.open(error.serverMessage, this.i18n.t('staff.case.store.ok'), snackFor(8000));
        return EMPTY;
      }),
    );
  }

  claim(): void {
    const current = this.detail();
    if (!current) return;
    this.busy.set(true);
    this.claimer
      .claim(current.id, current.reference)
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe((outcome) => (outcome.detail ? this.detail.set(outcome.detail) : this.reload()));
  }

  addNote(body: string): Observable<CaseNote> {
    const current = this.detail();
    if (!current) return EMPTY;
    return this.api.addNote(current.id, body).pipe(
      tap((note) => {
        this.detail.update((detail) => (detail && detail.id === current.id ? { ...detail, notes: [note, ...detail.notes] } : detail));
        this.snackBar.open(this.i18n.t('staff.case.store.noteAdded'), undefined, snackFor(3000));
        this.reload();
      }),
      catchError((error: unknown) => this.report(error)),
    );
  }

  addEvidence(evidence: EvidenceInput): Observable<unknown> {
    const current = this.detail();
    if (!current) return EMPTY;
    return this.api.addEvidence(current.id, evidence).pipe(
      tap((answer) => {
        if (isCaseDetail(answer)) this.detail.set(answer);
        this.snackBar.open(this.i18n.t('staff.case.store.evidenceRecorded'), undefined, snackFor(3000));
        this.reload();
      }),
      catchError((error: unknown) => this.report(error)),
    );
  }

  updateEvidence(evidenceId: string, evidence: EvidenceUpdate): Observable<EvidenceEntry> {
    const current = this.detail();
    if (!current) return EMPTY;
    return this.api.updateEvidence(current.id, evidenceId, evidence).pipe(
      tap((entry) => {
        this.detail.update((detail) =>
          detail && detail.id === current.id ? { ...detail, evidence: detail.evidence.map((e) => (e.id === entry.id ? entry : e)) } : detail,
        );
        this.snackBar.open(this.i18n.t('staff.case.store.evidenceUpdated'), undefined, snackFor(3000));
        this.reload();
      }),
      catchError((error: unknown) => this.report(error)),
    );
  }

  removeEvidence(evidenceId: string): Observable<void> {
    const current = this.detail();
    if (!current) return EMPTY;
    return this.api.removeEvidence(current.id, evidenceId).pipe(
      tap(() => {
        this.detail.update((detail) =>
          detail && detail.id === current.id ? { ...detail, evidence: detail.evidence.filter((e) => e.id !== evidenceId) } : detail,
        );
        this.snackBar.open(this.i18n.t('staff.case.store.evidenceRemoved'), undefined, snackFor(3000));
        this.reload();
      }),
      catchError((error: unknown) => this.report(error)),
    );
  }

  revealContact(reason: string): Observable<ContactDetails> {
    const current = this.detail();
    if (!current) return EMPTY;
    return this.api.revealContact(current.id, reason).pipe(catchError((error: unknown) => this.report(error)));
  }

  audit(): Observable<AuditEntry[]> {
    const current = this.detail();
    return current ? this.api.audit(current.id) : EMPTY;
  }

  /** `conflicts`: say a stale-version 409 here ('announce'), or hand it to the caller as a CaseConflict ('return'). */
  private save(request: Observable<CaseDetail>, success: string | null, conflicts: 'announce' | 'return'): Observable<CaseDetail> {
    this.busy.set(true);
    return request.pipe(
      tap((detail) => {
        this.detail.set(detail);
        if (success) this.snackBar.open(success, undefined, snackFor(4000));
        this.live.changed();
      }),
      catchError((error: unknown) => {
        if (error instanceof HttpErrorResponse && error.status === 409) {
          const current = conflictCase(error.error);
          if (current) {
            // A stale version: show what the server has now, and say so.
            this.detail.set(current);
            this.state.set('ready');
            if (conflicts === 'return') return throwError(() => new CaseConflict(current, problemMessage(this.i18n, error, this.i18n.t(CONFLICT_MESSAGE))));
            this.snackBar.open(this.i18n.t(CONFLICT_MESSAGE), this.i18n.t('staff.case.store.ok'), snackFor(8000));
          } else {
            // A move the lifecycle does not allow: the server says why in words.
            this.reload();
            this.snackBar.open(problemMessage(this.i18n, error, this.i18n.t(CONFLICT_MESSAGE)), this.i18n.t('staff.case.store.ok'), snackFor(8000));
          }
          return EMPTY;
        }
        return this.report(error);
      }),
      finalize(() => this.busy.set(false)),
    );
  }

  /** 400s go back to the form (it shows them by the fields); anything else is said here. */
  private report(error: unknown): Observable<never> {
    if (validationErrors(error)) return throwError(() => error);
    this.snackBar.open(problemMessage(this.i18n, error), this.i18n.t('staff.case.store.ok'), snackFor(8000));
    return EMPTY;
  }
}
