import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router } from '@angular/router';
import { applyServerErrors, controlErrors, problemMessage, validationErrors } from '../ui/http-errors';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { PRODUCT_NAME } from '../shell/staff-words';
import type { SecondFactorChallenge } from '@sg/contracts';
import { AuthSession, SECURITY_PATH } from './auth-session';
import { I18n } from '../../system/i18n/i18n';

@Component({
  selector: 'sg-sign-in-page',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatError, MatButton, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './sign-in-page.html',
  styleUrl: './sign-in-page.scss',
})
export class SignInPage {
  private readonly i18n = inject(I18n);
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);

  /** Where to go after signing in (from the guard); only paths inside the dashboard. */
  readonly returnUrl = input<string>();
  /** Set when a session ended on its own, so the page can say why. */
  readonly expired = input<string>();

  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  /**
   * What went wrong: a catalogue key, or the server's own words for a validation problem (the
   * `t` pipe shows text that is not a key as it is).
   */
  protected readonly problem = signal<string | null>(null);
  /** Set after a right password on an account with a second factor: the code step shows. */
  protected readonly challenge = signal<SecondFactorChallenge | null>(null);
  /** The code step takes a recovery code instead of the app's code. */
  protected readonly useRecoveryCode = signal(false);
  protected readonly codeForm = inject(FormBuilder).nonNullable.group({
    code: ['', [Validators.required, Validators.pattern(/^\s*(\d\s*){6}$/)]],
    recoveryCode: [''],
  });
  protected readonly product = PRODUCT_NAME;
  protected readonly busy = signal(false);
  protected readonly error = controlErrors();

  protected submit(): void {
    this.problem.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.session.login(this.form.getRawValue()).subscribe({
      next: (step) => {
        if ('challenge' in step) {
          this.busy.set(false);
          this.codeForm.reset();
          this.useRecoveryCode.set(false);
          this.challenge.set(step.challenge);
          return;
        }
        this.goOn();
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  /** The code step: the app's 6 digits, or a recovery code. A wrong one counts toward the lockout. */
  protected submitCode(): void {
    const challenge = this.challenge();
    if (!challenge) return;
    this.problem.set(null);
    const recovery = this.useRecoveryCode();
    const control = recovery ? this.codeForm.controls.recoveryCode : this.codeForm.controls.code;
    if (control.invalid || !control.value.trim()) {
      control.markAsTouched();
      this.problem.set(recovery ? 'staff.auth.recovery_needed' : 'staff.auth.code_needed');
      return;
    }
    this.busy.set(true);
    const body = recovery
      ? { challengeToken: challenge.challengeToken, recoveryCode: control.value }
      : { challengeToken: challenge.challengeToken, code: control.value.replace(/\s+/g, '') };
    this.session.completeSecondFactor(body).subscribe({
      next: () => this.goOn(),
      error: (error: unknown) => {
        this.busy.set(false);
        if (error instanceof HttpErrorResponse && error.status === 401) {
          this.problem.set(recovery ? 'staff.auth.recovery_wrong' : 'staff.auth.code_wrong');
          return;
        }
        this.fail(error);
      },
    });
  }

  protected switchToRecoveryCode(recovery: boolean): void {
    this.problem.set(null);
    this.useRecoveryCode.set(recovery);
  }

  /** Back to the password: the challenge is dropped (it expires on its own). */
  protected startAgain(): void {
    this.problem.set(null);
    this.challenge.set(null);
    this.form.controls.password.reset();
  }

  private goOn(): void {
    if (this.session.enrolmentRequired()) {
      void this.router.navigateByUrl(SECURITY_PATH);
      return;
    }
    const target = this.returnUrl();
    void this.router.navigateByUrl(target?.startsWith('/staff') && !target.startsWith('/staff/sign-in') ? target : '/staff');
  }

  private fail(error: unknown): void {
    this.busy.set(false);
    const fieldErrors = validationErrors(error);
    if (fieldErrors) {
      const rest = this.challenge() ? fieldErrors : applyServerErrors(this.form, fieldErrors);
      if (rest.length) this.problem.set(rest.map((e) => e.message).join(' '));
      return;
    }
    if (error instanceof HttpErrorResponse && error.status === 401) {
      // The server says the same in English; the key says it in the page's language.
      this.problem.set('staff.auth.wrong');
    } else if (error instanceof HttpErrorResponse && error.status === 429) {
      this.problem.set('staff.auth.too_many');
    } else {
      this.problem.set(problemMessage(this.i18n, error, 'staff.auth.failed'));
    }
  }
}
