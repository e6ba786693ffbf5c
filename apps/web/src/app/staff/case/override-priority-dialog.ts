import { TEXT_LIMITS, TEXT_MINIMUMS } from '@sg/contracts';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import type { CaseDetail, FieldError } from '@sg/contracts';
import { PRIORITIES, Priority } from '@sg/domain';
import { Observable, finalize } from 'rxjs';
import { applyServerErrors, controlErrors, validationErrors } from '../ui/http-errors';
import { PRIORITY_LABELS } from '../ui/labels';
import { CaseConflict } from './case-store';
import { I18n } from '../../system/i18n/i18n';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import type { Speaks } from './speaks';

export interface OverridePriorityDialogData {
  reference: string;
  /** The version of the case the dialog was opened on: the override is based on it. */
  version: number;
  priority: Priority;
  triagePriority: Priority;
  hasOverride: boolean;
  /** null goes back to the computed priority. Fails with CaseConflict if the case changed since `version`. */
  save: (override: { priority: Priority; reason: string } | null, version: number) => Observable<unknown>;
}

/** What the person needs to know when their override met a case someone else had changed. */
export function overrideConflictMessage(current: Pick<CaseDetail, 'priority' | 'triagePriority' | 'priorityOverride'>, i18n: Speaks): string {
  const priority = i18n.t(PRIORITY_LABELS[current.priority]);
  const now = current.priorityOverride
    ? i18n.t('staff.case.override.nowSetBy', {
        priority,
        who: current.priorityOverride.by?.displayName ?? i18n.t('staff.case.view.memberOfStaff'),
        reason: current.priorityOverride.reason,
      })
    : i18n.t('staff.case.override.nowTriage', { priority });
  return i18n.t('staff.case.override.conflict', { now });
}

/** A caseworker's judgement over the rules: always with a reason, which is audited. */
@Component({
  selector: 'sg-override-priority-dialog',
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
    MatInput,
    MatError,
    MatHint,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'staff.case.override.title' | t: { reference: data.reference } }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content>
        <p>
          {{ 'staff.case.override.triageSays' | t }} <strong>{{ labels[data.triagePriority] | t }}</strong>. {{ 'staff.case.override.explain' | t }}
        </p>
        <div class="fields" formGroupName="priorityOverride">
          <mat-form-field>
            <mat-label>{{ 'staff.case.override.priority' | t }}</mat-label>
            <mat-select formControlName="priority" required>
              @for (priority of priorities; track priority) {
                <mat-option [value]="priority">{{ labels[priority] | t }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ error(form.controls.priorityOverride.controls.priority, 'staff.case.override.priority' | t) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'staff.case.override.reason' | t }}</mat-label>
            <textarea matInput formControlName="reason" rows="3" required></textarea>
            <mat-hint>{{ 'staff.case.override.reasonHint' | t }}</mat-hint>
            <mat-error>{{ error(form.controls.priorityOverride.controls.reason, 'staff.case.override.reasonField' | t) }}</mat-error>
          </mat-form-field>
        </div>
        @if (problems().length) {
          <ul class="problems" role="alert">
            @for (problem of problems(); track $index) {
              <li>{{ problem.message }}</li>
            }
          </ul>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        @if (data.hasOverride) {
          <button matButton type="button" (click)="clear()" [disabled]="saving()">{{ 'staff.case.override.useComputed' | t }}</button>
        }
        <button matButton type="button" mat-dialog-close>{{ 'staff.case.common.cancel' | t }}</button>
        <button matButton="filled" type="submit" [disabled]="saving()">{{ 'staff.case.override.submit' | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .fields {
      display: grid;
      gap: 12px;
    }
    mat-form-field {
      width: 100%;
    }
    .problems {
      color: var(--mat-sys-error);
    }
  `,
})
export class OverridePriorityDialog {
  protected readonly data = inject<OverridePriorityDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef<OverridePriorityDialog>);
  private readonly i18n = inject(I18n);
  protected readonly labels = PRIORITY_LABELS;
  protected readonly priorities = PRIORITIES;
  protected readonly saving = signal(false);
  protected readonly problems = signal<FieldError[]>([]);
  /** The version the next save is based on: the one opened, or the one a conflict showed. */
  private version = this.data.version;
  protected readonly error = controlErrors();
  protected readonly form = inject(FormBuilder).nonNullable.group({
    priorityOverride: inject(FormBuilder).nonNullable.group({
      priority: [this.data.priority, Validators.required],
      reason: ['', [Validators.required, Validators.minLength(TEXT_MINIMUMS.overrideReason), Validators.maxLength(TEXT_LIMITS.overrideReason)]],
    }),
  });

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { priority, reason } = this.form.getRawValue().priorityOverride;
    this.send({ priority, reason: reason.trim() });
  }

  protected clear(): void {
    this.send(null);
  }

  private send(override: { priority: Priority; reason: string } | null): void {
    this.saving.set(true);
    this.problems.set([]);
    this.data
      .save(override, this.version)
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        // Only a saved override closes the dialog: after a failure the store has said what went
        // wrong (or completes without a value) and the choice and reason stay here to try again.
        next: () => this.ref.close(true),
        error: (error: unknown) => {
          if (error instanceof CaseConflict) {
            this.version = error.current.version;
            this.problems.set([{ path: '', message: overrideConflictMessage(error.current, this.i18n) }]);
            return;
          }
          this.problems.set(applyServerErrors(this.form, validationErrors(error) ?? []));
        },
      });
  }
}
