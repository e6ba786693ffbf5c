import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import type { QueueHealth, StaffMember } from '@sg/contracts';
import { CASE_AGE_BANDS } from '../data-access/staff-contract';
import { PRIORITIES, Priority, itemAt } from '@sg/domain';
import { EMPTY, catchError, finalize, interval, map, merge, of, startWith, switchMap } from 'rxjs';
import { I18n } from '../../system/i18n/i18n';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { WhenPipe } from '../ui/when';
import { CasesApi } from '../data-access/cases-api';
import { StaffApi } from '../data-access/staff-api';
import { SupervisionApi } from '../data-access/supervision-api';
import { LiveUpdates } from '../live/live-updates';
import { firstResponseCountdown } from '../queues/countdown';
import { Clock } from '../ui/clock';
import { problemMessage } from '../ui/http-errors';
import { CASE_AGE_LABELS, PRIORITY_LABELS, ROLE_LABELS, labelFor } from '../ui/labels';
import { PriorityChip } from '../ui/priority-chip';
import { snackFor } from '../ui/material-options';

/** How long this page trusts its own assignment over a recount (the server's share of a result lasts seconds). */
const RECENT_ASSIGNMENT_MS = 15_000;

/** Supervisors: where the queue stands, who is overloaded, what has waited too long. */
@Component({
  selector: 'sg-queue-health-page',
  imports: [WhenPipe, TranslatePipe, RouterLink, MatButton, MatFormField, MatLabel, MatSelect, MatOption, PriorityChip],
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
  private readonly i18n = inject(I18n);

  protected readonly health = signal<QueueHealth | null>(null);
  protected readonly problem = signal<string | null>(null);
  protected readonly priorities = PRIORITIES;
  protected readonly ages = CASE_AGE_BANDS;
  protected readonly priorityLabels = PRIORITY_LABELS;
  protected readonly ageLabels = CASE_AGE_LABELS;

  /** The label of the grid's `index`th age column (one column per age band). */
  protected ageLabel(index: number): string {
    return this.ageLabels[itemAt(this.ages, index, 'age band')];
  }
  protected readonly choices = signal<Record<string, string>>({});
  /** Assignments made here, kept out of a recount that may have started before them. */
  private readonly recentAssignments = new Map<string, { staffId: string; until: number }>();
  protected readonly assigning = signal<string | null>(null);
  /** Where each number leads: the queue filtered to exactly what it counts. */
  protected readonly links = {
    pastTarget: { overdue: 'first_response' },
    followUpsLate: { overdue: 'follow_up' },
    pressing: 'emergency,urgent',
  } as const;

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
      overdue: this.i18n.text(firstResponseCountdown(item.firstResponseDueAt, null, this.clock.now()).says),
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
              this.problem.set(problemMessage(this.i18n, error, this.i18n.t('staff.supervision.loadFailed')));
              return EMPTY;
            }),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((health) => {
        this.problem.set(null);
        this.health.set(this.withRecentAssignments(health));
      });
  }

  private withRecentAssignments(health: QueueHealth): QueueHealth {
    const now = Date.now();
    for (const [caseId, { staffId, until }] of this.recentAssignments) {
      if (until < now) this.recentAssignments.delete(caseId);
      else health = withAssignment(health, caseId, staffId);
    }
    return health;
  }

  protected roleLabel(role: string): string {
    return this.i18n.t(labelFor(ROLE_LABELS, role));
  }

  protected cell(priority: Priority, age: string): number {
    return this.grid().cells.get(`${priority}|${age}`) ?? 0;
  }

  /** Who takes a case unless the supervisor picks someone: the caseworker holding the fewest open cases. */
  protected readonly suggested = computed(() => {
    const people = this.caseworkers();
    const open = new Map((this.health()?.caseworkerLoad ?? []).map((row) => [row.staff.id, row.open]));
    const byLoad = [...people].sort(
      (a, b) => Number(a.role !== 'caseworker') - Number(b.role !== 'caseworker') || (open.get(a.id) ?? 0) - (open.get(b.id) ?? 0),
    );
    return byLoad[0]?.id ?? null;
  });

  protected choiceFor(caseId: string): string | null {
    return this.choices()[caseId] ?? this.suggested();
  }

  protected choose(caseId: string, staffId: string): void {
    this.choices.update((choices) => ({ ...choices, [caseId]: staffId }));
  }

  protected assign(caseId: string, reference: string): void {
    const staffId = this.choiceFor(caseId);
    if (!staffId) {
      this.snackBar.open(this.i18n.t('staff.supervision.chooseFirst', { reference }), this.i18n.t('staff.supervision.ok'), snackFor(4000));
      return;
    }
    const person = this.caseworkers().find((member) => member.id === staffId);
    this.assigning.set(caseId);
    this.cases
      // The list shows it unassigned: if someone took it meanwhile, the server says so (409).
      .assign(caseId, staffId, null)
      .pipe(finalize(() => this.assigning.set(null)))
      .subscribe({
        next: () => {
          this.recentAssignments.set(caseId, { staffId, until: Date.now() + RECENT_ASSIGNMENT_MS });
          this.health.update((health) => (health ? withAssignment(health, caseId, staffId) : health));
          this.snackBar.open(
            this.i18n.t('staff.supervision.assigned', { reference, name: person?.displayName ?? this.i18n.t('staff.supervision.them') }),
            undefined,
            snackFor(4000),
          );
          this.live.changed();
        },
        error: (error: unknown) => {
          this.snackBar.open(
            problemMessage(this.i18n, error, this.i18n.t('staff.supervision.assignFailed', { reference })),
            this.i18n.t('staff.supervision.ok'),
            snackFor(8000),
          );
          // Whatever happened to it, show the queue as it is now.
          this.live.changed();
        },
      });
  }
}

/**
 * The page right after an assignment, before the recount arrives: the case leaves the list of
 * unassigned cases past target and counts towards its new holder's load.
 */
export function withAssignment(health: QueueHealth, caseId: string, staffId: string): QueueHealth {
  const item = health.unassignedPastTarget.cases.find((entry) => entry.id === caseId);
  if (!item) return health;
  const pressing = item.priority === 'emergency' || item.priority === 'urgent';
  return {
    ...health,
    unassignedPastTarget: {
      count: Math.max(0, health.unassignedPastTarget.count - 1),
      cases: health.unassignedPastTarget.cases.filter((entry) => entry.id !== caseId),
    },
    caseworkerLoad: health.caseworkerLoad.map((row) =>
      row.staff.id === staffId ? { ...row, open: row.open + 1, emergencyOrUrgent: row.emergencyOrUrgent + (pressing ? 1 : 0) } : row,
    ),
  };
}
