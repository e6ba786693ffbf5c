import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RETENTION_LIMITS } from '@sg/contracts';
import type { FieldError, RetentionSettings } from '@sg/contracts';
import { finalize } from 'rxjs';
import { I18n } from '../../system/i18n/i18n';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { RetentionApi } from '../data-access/retention-api';
import { applyServerErrors, controlErrors, problemMessage, validationErrors } from '../ui/http-errors';
import { WhenPipe } from '../ui/when';

/**
 * Admins: how long resolved and closed cases are kept after their last activity. Unset, nothing is
 * purged by age. Cases on legal hold are never purged. Every save is audited.
 */
@Component({
  selector: 'sg-retention-page',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatError, MatHint, MatButton, MatCheckbox, WhenPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './admin-page.scss',
  template: `
    <div class="page">
      <h1>{{ 'staff.retention.settings.title' | t }}</h1>
      <p class="lead">{{ 'staff.retention.settings.lead' | t }}</p>
      @if (settings(); as s) {
        <p class="meta">{{ 'staff.retention.settings.coolingOff' | t: { days: s.deletionCoolingOffDays } }}</p>
        @if (s.updatedAt; as updatedAt) {
          <p class="meta">
            {{ 'staff.retention.settings.lastSaved' | t }} <time [attr.datetime]="updatedAt">{{ updatedAt | when }}</time>
          </p>
        }
        <form [formGroup]="form" (ngSubmit)="save()" novalidate [attr.aria-label]="'staff.retention.settings.title' | t">
          <mat-checkbox formControlName="keep">{{ 'staff.retention.settings.keepUntilChosen' | t }}</mat-checkbox>
          @if (!form.controls.keep.value) {
            <mat-form-field>
              <mat-label>{{ 'staff.retention.settings.days' | t }}</mat-label>
              <input matInput type="number" formControlName="closedCaseDays" [min]="limits.minDays" [max]="limits.maxDays" required />
              <mat-hint>{{ 'staff.retention.settings.daysHint' | t: { min: limits.minDays, max: limits.maxDays } }}</mat-hint>
              <mat-error>{{ error(form.controls.closedCaseDays, 'staff.retention.settings.days' | t) }}</mat-error>
            </mat-form-field>
          }
          <div role="alert">
            @if (problem(); as problem) {
              <p class="problem">{{ problem }}</p>
            }
            @for (p of problems(); track $index) {
              <p class="problem">{{ p.message }}</p>
            }
          </div>
          <button matButton="filled" type="submit" [disabled]="busy()">{{ 'staff.retention.settings.save' | t }}</button>
          @if (saved()) {
            <span class="meta" role="status">{{ 'staff.retention.settings.saved' | t }}</span>
          }
        </form>
      } @else if (problem(); as problem) {
        <p class="problem" role="alert">{{ problem }}</p>
      }
    </div>
  `,
})
export class RetentionPage {
  private readonly api = inject(RetentionApi);
  private readonly i18n = inject(I18n);
  protected readonly limits = RETENTION_LIMITS;
  protected readonly settings = signal<RetentionSettings | null>(null);
  protected readonly busy = signal(false);
  protected readonly saved = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly problems = signal<FieldError[]>([]);
  protected readonly error = controlErrors();
  protected readonly form = inject(FormBuilder).nonNullable.group({
    keep: [true],
    closedCaseDays: [365, [Validators.required, Validators.min(RETENTION_LIMITS.minDays), Validators.max(RETENTION_LIMITS.maxDays)]],
  });

  constructor() {
    this.api.settings().subscribe({
      next: (settings) => this.show(settings),
      error: (error: unknown) => this.problem.set(problemMessage(this.i18n, error)),
    });
  }

  protected save(): void {
    const { keep, closedCaseDays } = this.form.getRawValue();
    this.saved.set(false);
    this.problem.set(null);
    this.problems.set([]);
    if (!keep && this.form.controls.closedCaseDays.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.api
      .saveSettings({ closedCaseDays: keep ? null : Number(closedCaseDays) })
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (settings) => {
          this.show(settings);
          this.saved.set(true);
        },
        error: (error: unknown) => {
          const fields = validationErrors(error);
          if (fields) this.problems.set(applyServerErrors(this.form, fields));
          else this.problem.set(problemMessage(this.i18n, error));
        },
      });
  }

  private show(settings: RetentionSettings): void {
    this.settings.set(settings);
    this.form.reset({ keep: settings.closedCaseDays === null, closedCaseDays: settings.closedCaseDays ?? 365 });
  }
}
