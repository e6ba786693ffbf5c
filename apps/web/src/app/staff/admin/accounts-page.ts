import { TEXT_LIMITS } from '@sg/contracts';
import { ChangeDetectionStrategy, Component, ElementRef, Injector, computed, inject, signal, viewChild } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { confirmAction } from '../ui/confirm-dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect, MatSelectChange } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { FieldError, StaffMember } from '@sg/contracts';
import { STAFF_ROLES, isStaffRole } from '@sg/domain';
import { finalize } from 'rxjs';
import { I18n } from '../../system/i18n/i18n';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { AuthSession } from '../auth/auth-session';
import { HttpErrorResponse } from '@angular/common/http';
import { SecondFactorApi } from '../data-access/second-factor-api';
import { StaffAccountsApi } from '../data-access/staff-accounts-api';
import { applyServerErrors, controlErrors, problemMessage, validationErrors } from '../ui/http-errors';
import { ROLE_LABELS } from '../ui/labels';
import { StaffRoleCode, sortAccounts, staffChanges, toStaffCreate } from './account-form';
import { MIN_PASSWORD_LENGTH } from './password';
import { PasswordField } from './password-field';
import { PasswordOnce } from './password-once';
import { ResetPasswordDialog } from './reset-password-dialog';
import { snackFor, dialogOptions } from '../ui/material-options';

/** Admins: who can sign in to the dashboard, with which role; add, change, deactivate, reset. */
@Component({
  selector: 'sg-accounts-page',
  imports: [ReactiveFormsModule, MatButton, MatFormField, MatLabel, MatInput, MatError, MatSelect, MatOption, PasswordField, PasswordOnce, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './accounts-page.html',
  styleUrl: './admin-page.scss',
})
export class AccountsPage {
  private readonly api = inject(StaffAccountsApi);
  private readonly secondFactor = inject(SecondFactorApi);
  private readonly i18n = inject(I18n);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly snackBar = inject(MatSnackBar);
  private readonly fb = inject(FormBuilder).nonNullable;
  private readonly firstField = viewChild<ElementRef<HTMLInputElement>>('firstField');

  protected readonly me = inject(AuthSession).user;
  protected readonly roles = STAFF_ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly error = controlErrors();

  protected readonly accounts = signal<StaffMember[] | null>(null);
  protected readonly problem = signal<string | null>(null);
  protected readonly sorted = computed(() => sortAccounts(this.accounts() ?? []));
  protected readonly activeCount = computed(() => (this.accounts() ?? []).filter((member) => member.active).length);
  /** The row being saved, so its buttons wait. */
  protected readonly busy = signal<string | null>(null);
  /** A row action the API refused (e.g. demoting yourself): shown beside the table. */
  protected readonly rowProblem = signal<string | null>(null);

  protected readonly adding = signal(false);
  protected readonly saving = signal(false);
  protected readonly problems = signal<FieldError[]>([]);
  protected readonly created = signal<{ member: StaffMember; password: string } | null>(null);
  protected readonly form = this.fb.group({
    displayName: ['', [Validators.required, Validators.maxLength(TEXT_LIMITS.displayName)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(TEXT_LIMITS.email)]],
    role: ['caseworker' as StaffRoleCode, Validators.required],
    password: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH), Validators.maxLength(TEXT_LIMITS.staffPassword)]],
  });

  constructor() {
    this.load();
  }

  protected load(): void {
    this.api.list().subscribe({
      next: (accounts) => {
        this.problem.set(null);
        this.accounts.set(accounts);
      },
      error: (error: unknown) => this.problem.set(problemMessage(this.i18n, error, this.i18n.t('staff.admin.accounts.loadFailed'))),
    });
  }

  protected isMe(member: StaffMember): boolean {
    return this.me()?.id === member.id;
  }

  protected startAdding(): void {
    this.created.set(null);
    this.problems.set([]);
    this.form.reset();
    this.adding.set(true);
    setTimeout(() => this.firstField()?.nativeElement.focus());
  }

  protected cancelAdding(): void {
    this.adding.set(false);
    this.form.reset();
    this.problems.set([]);
  }

  protected create(): void {
    this.problems.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const body = toStaffCreate(this.form.getRawValue());
    this.saving.set(true);
    this.api
      .create(body)
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: (member) => {
          this.accounts.update((accounts) => [...(accounts ?? []).filter((other) => other.id !== member.id), member]);
          this.created.set({ member, password: body.password });
          this.adding.set(false);
          this.form.reset();
        },
        error: (error: unknown) => {
          const errors = validationErrors(error);
          if (errors) {
            const rest = applyServerErrors(this.form, errors);
            this.problems.set(rest.length ? rest : [{ path: '', message: this.i18n.t('staff.admin.accounts.needLook') }]);
          } else {
            // 409: that email already has an account.
            this.problems.set([{ path: '', message: problemMessage(this.i18n, error, this.i18n.t('staff.admin.accounts.createFailed')) }]);
          }
        },
      });
  }

  protected changeRole(member: StaffMember, event: MatSelectChange): void {
    const role: unknown = event.value;
    if (!isStaffRole(role)) return;
    const body = staffChanges(member, { role });
    if (!body) return;
    this.save(
      member,
      body,
      this.i18n.t('staff.admin.accounts.roleChanged', { name: member.displayName, role: this.roleLabels[role].toLowerCase() }),
      () => (event.source.value = member.role),
    );
  }

  protected setActive(member: StaffMember, active: boolean): void {
    const body = staffChanges(member, { active });
    if (!body) return;
    const save = () =>
      this.save(member, body, this.i18n.t(active ? 'staff.admin.accounts.reactivated' : 'staff.admin.accounts.deactivatedDone', { name: member.displayName }));
    if (active) return save();
    // Deactivating signs them out at once, mid-call perhaps: never on a stray click.
    confirmAction(this.dialog, {
      title: this.i18n.t('staff.admin.accounts.confirmTitle', { name: member.displayName }),
      message: this.i18n.t('staff.admin.accounts.confirmMessage', { name: member.displayName, email: member.email }),
      confirm: this.i18n.t('staff.admin.accounts.confirmButton', { name: member.displayName }),
      danger: true,
    }).subscribe((confirmed) => {
      if (confirmed) save();
    });
  }

  protected resetPassword(member: StaffMember): void {
    this.rowProblem.set(null);
    this.dialog.open(ResetPasswordDialog, dialogOptions({ data: member, injector: this.injector, width: '520px', autoFocus: 'first-tabbable' }));
  }

  /** A lost phone: the member's second factor goes (audited), they are signed out and enrol again. */
  protected resetSecondFactor(member: StaffMember): void {
    this.rowProblem.set(null);
    confirmAction(this.dialog, {
      title: this.i18n.t('staff.admin.accounts.resetSecondFactorTitle', { name: member.displayName }),
      message: this.i18n.t('staff.admin.accounts.resetSecondFactorMessage', { name: member.displayName, email: member.email }),
      confirm: this.i18n.t('staff.admin.accounts.resetSecondFactor'),
      danger: true,
    }).subscribe((confirmed) => {
      if (!confirmed) return;
      this.busy.set(member.id);
      this.secondFactor
        .reset(member.id)
        .pipe(finalize(() => this.busy.set(null)))
        .subscribe({
          next: () => this.snackBar.open(this.i18n.t('staff.admin.accounts.secondFactorReset', { name: member.displayName }), undefined, snackFor(4000)),
          error: (error: unknown) =>
            this.rowProblem.set(
              error instanceof HttpErrorResponse && error.status === 404
                ? this.i18n.t('staff.admin.accounts.noSecondFactor', { name: member.displayName })
                : problemMessage(this.i18n, error, this.i18n.t('staff.admin.accounts.changeFailed', { name: member.displayName })),
            ),
        });
    });
  }

  private save(member: StaffMember, body: Parameters<StaffAccountsApi['update']>[1], done: string, undo?: () => void): void {
    this.rowProblem.set(null);
    this.busy.set(member.id);
    this.api
      .update(member.id, body)
      .pipe(finalize(() => this.busy.set(null)))
      .subscribe({
        next: (updated) => {
          this.accounts.update((accounts) => (accounts ?? []).map((other) => (other.id === updated.id ? updated : other)));
          this.snackBar.open(done, undefined, snackFor(4000));
        },
        error: (error: unknown) => {
          undo?.();
          const errors = validationErrors(error);
          const message = errors?.length
            ? errors.map((problem) => problem.message).join('; ')
            : problemMessage(this.i18n, error, this.i18n.t('staff.admin.accounts.changeFailed', { name: member.displayName }));
          this.rowProblem.set(message);
        },
      });
  }
}
