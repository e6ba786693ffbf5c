import { TEXT_LIMITS } from '@sg/contracts';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import type { StaffMember } from '@sg/contracts';
import { finalize } from 'rxjs';
import { I18n } from '../../system/i18n/i18n';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { StaffAccountsApi } from '../data-access/staff-accounts-api';
import { problemMessage, validationErrors } from '../ui/http-errors';
import { MIN_PASSWORD_LENGTH } from './password';
import { PasswordField } from './password-field';
import { PasswordOnce } from './password-once';

/** Admins set a new password for someone (it ends their sessions), then pass it on. */
@Component({
  selector: 'sg-reset-password-dialog',
  imports: [ReactiveFormsModule, MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton, PasswordField, PasswordOnce, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'staff.admin.reset.title' | t: { name: member.displayName } }}</h2>
    @if (done(); as password) {
      <mat-dialog-content>
        <sg-password-once [password]="password" [name]="member.displayName" [email]="member.email" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton="filled" type="button" [mat-dialog-close]="true">{{ 'staff.admin.reset.done' | t }}</button>
      </mat-dialog-actions>
    } @else {
      <form (submit)="$event.preventDefault(); submit()" novalidate>
        <mat-dialog-content>
          <p class="hint">{{ 'staff.admin.reset.hint' | t }}</p>
          @if (problem(); as problem) {
            <p class="problem" role="alert">{{ problem }}</p>
          }
          <sg-password-field [control]="password" [label]="'staff.admin.reset.newPassword' | t" />
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button matButton type="button" mat-dialog-close>{{ 'staff.admin.reset.cancel' | t }}</button>
          <button matButton="filled" type="submit" [disabled]="saving()">{{ 'staff.admin.reset.submit' | t }}</button>
        </mat-dialog-actions>
      </form>
    }
  `,
  styles: `
    .hint {
      margin: 0 0 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .problem {
      color: var(--mat-sys-error);
    }
  `,
})
export class ResetPasswordDialog {
  protected readonly member = inject<StaffMember>(MAT_DIALOG_DATA);
  private readonly api = inject(StaffAccountsApi);
  private readonly i18n = inject(I18n);
  private readonly ref = inject(MatDialogRef<ResetPasswordDialog>);
  protected readonly password = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH), Validators.maxLength(TEXT_LIMITS.staffPassword)],
  });
  protected readonly saving = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly done = signal<string | null>(null);

  protected submit(): void {
    this.problem.set(null);
    if (this.password.invalid) {
      this.password.markAsTouched();
      return;
    }
    const password = this.password.value;
    this.saving.set(true);
    this.ref.disableClose = true;
    this.api
      .update(this.member.id, { password })
      .pipe(
        finalize(() => {
          this.saving.set(false);
          this.ref.disableClose = false;
        }),
      )
      .subscribe({
        next: () => {
          this.password.reset();
          this.done.set(password);
        },
        error: (error: unknown) => {
          const errors = validationErrors(error);
          if (errors?.length) {
            this.password.setErrors({ server: errors.map((problem) => problem.message).join('; ') });
            this.password.markAsTouched();
          } else {
            this.problem.set(problemMessage(this.i18n, error, this.i18n.t('staff.admin.reset.failed')));
          }
        },
      });
  }
}
