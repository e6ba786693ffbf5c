import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { QueueCounts } from '@sg/contracts';
import { Subject, catchError, merge, of, startWith, switchMap } from 'rxjs';
import { CasesApi } from '../data-access/cases-api';
import { LiveUpdates } from '../live/live-updates';

/** The numbers in the left rail: read on start and again after every (debounced) case change. */
@Injectable()
export class QueueCountsStore {
  private readonly api = inject(CasesApi);
  private readonly live = inject(LiveUpdates);
  private readonly value = signal<QueueCounts | null>(null);
  private readonly reloads = new Subject<void>();

  readonly counts = this.value.asReadonly();

  /** Runs while `destroyRef`'s owner (the shell) lives. */
  watch(destroyRef: DestroyRef): void {
    merge(this.live.refresh$, this.reloads)
      .pipe(
        startWith(undefined),
        switchMap(() => this.api.counts().pipe(catchError(() => of(null)))),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((counts) => counts && this.value.set(counts));
  }

  reload(): void {
    this.reloads.next();
  }
}
