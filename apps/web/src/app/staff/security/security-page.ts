import { Clipboard } from '@angular/cdk/clipboard';
import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import type { SecondFactorEnrolment, SecondFactorStatus } from '@sg/contracts';
import { finalize, firstValueFrom } from 'rxjs';
import { I18n } from '../../system/i18n/i18n';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { AuthSession } from '../auth/auth-session';
import { SecondFactorApi } from '../data-access/second-factor-api';
import { controlErrors, problemMessage, validationErrors } from '../ui/http-errors';

const SIX_DIGITS = /^\s*(\d\s*){6}$/;

/**
 * The signed-in member's own sign-in security: enrol an authenticator app (QR code, or the secret
 * typed in by hand), confirm it with a code, keep the recovery codes (shown once), or switch it
 * off where the role allows. A member whose role requires a second factor lands here after
 * signing in and can reach nothing else until they have one.
 */
@Component({
  selector: 'sg-security-page',
  imports: [ReactiveFormsModule, MatButton, MatFormField, MatLabel, MatInput, MatError, MatHint, RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './security-page.html',
  styleUrl: './security-page.scss',
})
export class SecurityPage {
  private readonly api = inject(SecondFactorApi);
  private readonly i18n = inject(I18n);
  private readonly clipboard = inject(Clipboard);
  private readonly router = inject(Router);
  protected readonly session = inject(AuthSession);
  protected readonly error = controlErrors();

  protected readonly status = signal<SecondFactorStatus | null>(null);
  protected readonly enrolment = signal<SecondFactorEnrolment | null>(null);
  protected readonly recoveryCodes = signal<string[] | null>(null);
  protected readonly problem = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly copied = signal(false);
  protected readonly disabling = signal(false);

  protected readonly confirmForm = inject(FormBuilder).nonNullable.group({ code: ['', [Validators.required, Validators.pattern(SIX_DIGITS)]] });
  protected readonly disableForm = inject(FormBuilder).nonNullable.group({ code: ['', [Validators.required, Validators.pattern(SIX_DIGITS)]] });

  constructor() {
    this.load();
  }

  protected load(): void {
    this.api.status().subscribe({
      next: (status) => this.status.set(status),
      error: (error: unknown) => this.problem.set(problemMessage(this.i18n, error, this.i18n.t('staff.security.loadFailed'))),
    });
  }

  /** The QR code as an image: the SVG is the server's, drawn from the secret alone. */
  protected qrCodeSource(enrolment: SecondFactorEnrolment): string {
    return `data:image/svg+xml;base64,${btoa(enrolment.qrCodeSvg)}`;
  }

  protected start(): void {
    this.problem.set(null);
    this.busy.set(true);
    this.api
      .startEnrolment()
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (enrolment) => {
          this.confirmForm.reset();
          this.enrolment.set(enrolment);
        },
        error: (error: unknown) => this.problem.set(problemMessage(this.i18n, error, this.i18n.t('staff.security.failed'))),
      });
  }

  protected confirm(): void {
    this.problem.set(null);
    if (this.confirmForm.invalid) {
      this.confirmForm.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.api
      .confirmEnrolment({ code: this.confirmForm.getRawValue().code.replace(/\s+/g, '') })
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (enrolled) => {
          this.enrolment.set(null);
          this.recoveryCodes.set(enrolled.recoveryCodes);
          this.status.set(enrolled.status);
        },
        error: (error: unknown) => this.problem.set(this.codeProblem(error)),
      });
  }

  protected copyRecoveryCodes(codes: string[]): void {
    this.copied.set(this.clipboard.copy(codes.join('\n')));
  }

  /**
   * Done with the recovery codes: a sign-in that was kept to this page renews its token (now with
   * the second factor) and goes on to the dashboard.
   */
  protected async finish(): Promise<void> {
    this.recoveryCodes.set(null);
    this.copied.set(false);
    if (this.session.enrolmentRequired()) {
      if (await firstValueFrom(this.session.refresh())) await this.router.navigateByUrl('/staff');
    }
  }

  protected disable(): void {
    this.problem.set(null);
    if (this.disableForm.invalid) {
      this.disableForm.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.api
      .disable({ code: this.disableForm.getRawValue().code.replace(/\s+/g, '') })
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: () => {
          this.disabling.set(false);
          this.disableForm.reset();
          this.load();
        },
        error: (error: unknown) => this.problem.set(this.codeProblem(error)),
      });
  }

  private codeProblem(error: unknown): string {
    if (validationErrors(error)) return this.i18n.t('staff.security.codeWrong');
    if (error instanceof HttpErrorResponse && error.status === 403) return this.i18n.t('staff.security.requiredCannotDisable');
    return problemMessage(this.i18n, error, this.i18n.t('staff.security.failed'));
  }
}
