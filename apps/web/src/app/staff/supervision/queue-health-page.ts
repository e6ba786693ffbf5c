import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type { QueueHealth, StaffMember } from '@sg/contracts';
import { CASE_AGE_BANDS } from '../data-access/staff-contract';
import { PRIORITIES, Priority } from '@sg/domain';
import { EMPTY, catchError, finalize, interval, map, merge, of, startWith, switchMap } from 'rxjs';
import { CasesApi } from '../data-access/cases-api';
import { StaffApi } from '../data-access/staff-api';
import { SupervisionApi } from '../data-access/supervision-api';
import { LiveUpdates } from '../live/live-updates';
import { firstResponseCountdown } from '../queues/countdown';
import { Clock } from '../ui/clock';
import { problemMessage } from '../ui/http-errors';
import { CASE_AGE_LABELS, PRIORITY_LABELS, ROLE_LABELS, labelFor } from '../ui/labels';
import { PriorityChip } from '../ui/priority-chip';
import { WhenPipe } from '../ui/when';

/** Supervisors: where the queue stands, who is overloaded, what has waited too long. */
@Component({
  selector: 'sg-queue-health-page',
  imports: [WhenPipe, RouterLink, MatButton, MatFormField, MatLabel, MatSelect, MatOption, PriorityChip],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './queue-health-page.html',
  styleUrl: './queue-health-page.scss',
})
export class QueueHealthPage {
  private readonly api = inject(SupervisionApi);
  private readonly cases = inject(CasesApi);
  private readonly live = inject(LiveUpdates);
  private readonly snackBar = inject(MatSnackBar);
  private readonly clock = inject(Clock);

  protected readonly health = signal<QueueHealth | null>(null);
  protected readonly problem = signal<string | null>(null);
  protected readonly priorities = PRIORITIES;
  protected readonly ages = CASE_AGE_BANDS;
  protected readonly priorityLabels = PRIORITY_LABELS;
  protected readonly ageLabels = CASE_AGE_LABELS;
  protected readonly choices = signal<Record<string, string>>({});
  protected readonly assigning = signal<string | null>(null);

  protected readonly caseworkers = toSignal(
    inject(StaffApi)
      .assignable()
      .pipe(
        map((staff) => staff.filter((person) => person.active)),
        catchError(() => of([] as StaffMember[])),
      ),
    { initialValue: [] as StaffMember[] },
  );

  /** Counts keyed "priority|age", with row and column totals. */
  protected readonly grid = computed(() => {
    const cells = new Map<string, number>();
    const rowTotals = new Map<Priority, number>();
    let total = 0;
    for (const cell of this.health()?.openByPriorityAndAge ?? []) {
      cells.set(`${cell.priority}|${cell.age}`, cell.count);
      rowTotals.set(cell.priority, (rowTotals.get(cell.priority) ?? 0) + cell.count);
      total += cell.count;
    }
    const columnTotals = this.ages.map((age) => PRIORITIES.reduce((sum, priority) => sum + (cells.get(`${priority}|${age}`) ?? 0), 0));
    return { cells, rowTotals, columnTotals, total };
  });

  protected readonly breaches = computed(() =>
    (this.health()?.unassignedPastTarget.cases ?? []).map((item) => ({
      ...item,
      overdue: firstResponseCountdown(item.firstResponseDueAt, null, this.clock.now()).text,
    })),
  );

  protected readonly load = computed(() => {
    const rows = this.health()?.caseworkerLoad ?? [];
    const max = Math.max(1, ...rows.map((row) => row.open));
    return [...rows]
      .sort((a, b) => b.open - a.open)
      .map((row) => ({ ...row, openPercent: (row.open / max) * 100, pressingPercent: (row.emergencyOrUrgent / max) * 100 }));
  });

  constructor() {
    merge(this.live.refresh$, interval(60_000))
      .pipe(
        startWith(undefined),
        switchMap(() =>
          this.api.queueHealth().pipe(
            catchError((error: unknown) => {
              this.problem.set(problemMessage(error, 'Queue health could not be loaded.'));
              return EMPTY;
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((health) => {
        this.problem.set(null);
        this.health.set(health);
      });
  }

  protected roleLabel(role: string): string {
    return labelFor(ROLE_LABELS, role);
  }

  protected cell(priority: Priority, age: string): number {
    return this.grid().cells.get(`${priority}|${age}`) ?? 0;
  }

  protected choose(caseId: string, staffId: string): void {
    this.choices.update((choices) => ({ ...choices, [caseId]: staffId }));
  }

  protected assign(caseId: string, reference: string): void {
    const staffId = this.choices()[caseId];
    if (!staffId) {
      this.snackBar.open(`Choose who should take ${reference} first.`, 'OK', { duration: 4000 });
      return;
    }
    const person = this.caseworkers().find((member) => member.id === staffId);
    this.assigning.set(caseId);
    this.cases
      .assign(caseId, staffId)
      .pipe(finalize(() => this.assigning.set(null)))
      .subscribe({
        next: () => {
          this.snackBar.open(`${reference} is now with ${person?.displayName ?? 'them'}.`, undefined, { duration: 4000 });
          this.live.changed();
        },
        error: (error: unknown) => this.snackBar.open(problemMessage(error, `${reference} could not be assigned.`), 'OK', { duration: 8000 }),
      });
  }
}
