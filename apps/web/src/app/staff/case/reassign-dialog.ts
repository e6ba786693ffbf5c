import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import type { StaffMember } from '@sg/contracts';
import { Observable, Subject, catchError, finalize, map, of, startWith, switchMap } from 'rxjs';
import { problemMessage } from '../ui/http-errors';
import { ROLE_LABELS } from '../ui/labels';
import type { Speaks } from '../ui/speaks';
import { I18n } from '../../system/i18n/i18n';
import { TranslatePipe } from '../../system/i18n/translate.pipe';

export interface ReassignDialogData {
  reference: string;
  currentAssigneeId: string | null;
  staff: Observable<StaffMember[]>;
  assign: (id: string, name: string) => Observable<unknown>;
}

/** "Sam Lee (Caseworker)"; two people of the same name also show their e-mail to tell them apart. */
export function staffOptionLabel(person: StaffMember, everyone: readonly StaffMember[], say: Speaks): string {
  const sameName = everyone.filter((other) => other.displayName.trim().toLowerCase() === person.displayName.trim().toLowerCase()).length > 1;
  return `${person.displayName}${sameName ? `, ${person.email}` : ''} (${say.t(ROLE_LABELS[person.role])})`;
}

/** Supervisors and admins hand a case to someone else. */
@Component({
  selector: 'sg-reassign-dialog',
  imports: [
    TranslatePipe,
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatButton,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatError,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'staff.case.reassign.title' | t: { reference: data.reference } }}</h2>
    <form (submit)="$event.preventDefault(); submit()" novalidate>
      <mat-dialog-content>
        @if (people(); as people) {
          <mat-form-field>
            <mat-label>{{ 'staff.case.reassign.assignTo' | t }}</mat-label>
            <mat-select [formControl]="assignee" required>
              @for (person of people; track person.id) {
                <mat-option [value]="person.id" [disabled]="person.id === data.currentAssigneeId">
                  {{ optionLabel(person) }}{{ person.id === data.currentAssigneeId ? ('staff.case.reassign.hasIt' | t) : '' }}
                </mat-option>
              }
            </mat-select>
            <mat-error>{{ 'staff.case.reassign.choose' | t }}</mat-error>
          </mat-form-field>
        } @else if (people() === null) {
          <p role="alert">{{ 'staff.case.reassign.staffFailed' | t }}</p>
          <button matButton="outlined" type="button" (click)="loadStaff()">{{ 'staff.case.view.tryAgain' | t }}</button>
        } @else {
          <p>{{ 'staff.case.reassign.loadingStaff' | t }}</p>
        }
        @if (problem(); as problem) {
          <p class="problem" role="alert">{{ problem }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>{{ 'staff.case.common.cancel' | t }}</button>
        <button matButton="filled" type="submit" [disabled]="saving()">{{ 'staff.case.view.assign' | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-form-field {
      width: 100%;
    }
    .problem {
      color: var(--mat-sys-error);
    }
  `,
})
export class ReassignDialog {
  protected readonly data = inject<ReassignDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<ReassignDialog>);
  private readonly i18n = inject(I18n);
  protected readonly roles = ROLE_LABELS;
  protected readonly assignee = new FormControl('', { nonNullable: true, validators: Validators.required });
  protected readonly saving = signal(false);
  protected readonly problem = signal<string | null>(null);
  private readonly staffLoads = new Subject<void>();
  /** undefined while loading; null when the list could not be loaded (an empty list looked like "nobody"). */
  protected readonly people = toSignal(
    this.staffLoads.pipe(
      startWith(undefined),
      switchMap(() =>
        this.data.staff.pipe(
          map((staff): StaffMember[] | null => staff.filter((person) => person.active)),
          catchError(() => of(null)),
          startWith(undefined),
        ),
      ),
    ),
  );
  protected optionLabel(person: StaffMember): string {
    return staffOptionLabel(person, this.people() ?? [], this.i18n);
  }
  private readonly byId = computed(() => new Map((this.people() ?? []).map((person) => [person.id, person])));

  protected loadStaff(): void {
    this.staffLoads.next();
  }

  protected submit(): void {
    if (this.assignee.invalid) {
      this.assignee.markAsTouched();
      return;
    }
    const person = this.byId().get(this.assignee.value);
    this.saving.set(true);
    this.problem.set(null);
    this.data
      .assign(this.assignee.value, person?.displayName ?? this.i18n.t('staff.case.reassign.them'))
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        // Only a done assignment closes the dialog; after a failure (already reported by the
        // store, which then completes without a value) the choice stays here to try again.
        next: () => this.ref.close(true),
        error: (error: unknown) => this.problem.set(problemMessage(this.i18n, error, this.i18n.t('staff.case.reassign.failed'))),
      });
  }
}
