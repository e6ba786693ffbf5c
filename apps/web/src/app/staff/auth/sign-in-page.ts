import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router } from '@angular/router';
import { applyServerErrors, controlErrors, problemMessage, validationErrors } from '../ui/http-errors';
import { AuthSession } from './auth-session';
import { I18n } from '../../system/i18n/i18n';

@Component({
  selector: 'sg-sign-in-page',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatError, MatButton],
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
  protected readonly problem = signal<string | null>(null);
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
      next: () => {
        const target = this.returnUrl();
        void this.router.navigateByUrl(target?.startsWith('/staff') && !target.startsWith('/staff/sign-in') ? target : '/staff');
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const fieldErrors = validationErrors(error);
        if (fieldErrors) {
          const rest = applyServerErrors(this.form, fieldErrors);
          if (rest.length) this.problem.set(rest.map((e) => e.message).join(' '));
          return;
        }
        if (error instanceof HttpErrorResponse && error.status === 401) {
          this.problem.set(problemMessage(this.i18n, error, 'Email or password is not right'));
        } else if (error instanceof HttpErrorResponse && error.status === 429) {
          this.problem.set('Too many attempts. Wait a few minutes, then try again.');
        } else {
          this.problem.set(problemMessage(this.i18n, error, 'Signing in did not work. Please try again.'));
        }
      },
    });
  }
}
