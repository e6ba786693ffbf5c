import { ChangeDetectionStrategy, Component, effect, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RETENTION_LIMITS } from '@sg/contracts';
import type { CaseRetentionState, FieldError } from '@sg/contracts';
import { finalize, Observable } from 'rxjs';
import { RetentionApi } from '../../data-access/retention-api';
import { applyServerErrors, controlErrors, validationErrors } from '../../ui/http-errors';
import { WhenPipe } from '../../ui/when';
import { TranslatePipe } from '../../../system/i18n/translate.pipe';
import { CaseStore } from '../case-store';

/**
 * Supervisors: the case's legal hold (a held case is never purged, by retention or at the person's
 * request) and the person's pending request to delete it. Placing needs a reason; both are audited
 * and on the timeline, so the case reloads after a change.
 */
@Component({
  selector: 'sg-legal-hold-section',
  imports: [TranslatePipe, WhenPipe, ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatError, MatHint, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './section.scss',
  template: `
    <p class="hint">{{ 'staff.retention.hold.explain' | t }}</p>
    @if (state(); as s) {
      @if (s.deletion; as d) {
        <p class="caution" role="note">{{ 'staff.retention.hold.deletionPending' | t: { when: (d.executeAfter | when) } }}</p>
      }
      @if (s.hold; as hold) {
        <dl class="facts">
          <dt>{{ 'staff.retention.hold.onHold' | t }}</dt>
          <dd data-testid="hold-reason">{{ hold.reason }}</dd>
          <dt>{{ 'staff.retention.hold.placed' | t }}</dt>
          <dd>
            {{ hold.placedAt | when }}
            @if (hold.placedBy; as by) {
              <span>· {{ by.displayName }}</span>
            }
          </dd>
        </dl>
      } @else {
        <p>{{ 'staff.retention.hold.notHeld' | t }}</p>
      }
      <form class="form" [formGroup]="form" (ngSubmit)="submit(!!s.hold)" novalidate>
        <mat-form-field class="wide">
          <mat-label>{{ (s.hold ? 'staff.retention.hold.releaseWhy' : 'staff.retention.hold.why') | t }}</mat-label>
          <input matInput formControlName="reason" autocomplete="off" />
          <mat-hint>{{ (s.hold ? 'staff.retention.hold.releaseHint' : 'staff.retention.hold.whyHint') | t }}</mat-hint>
          <mat-error>{{ error(form.controls.reason, 'staff.retention.hold.reasonField' | t) }}</mat-error>
        </mat-form-field>
        @if (problems().length) {
          <ul class="problems" role="alert">
            @for (problem of problems(); track $index) {
              <li>{{ problem.message }}</li>
            }
          </ul>
        }
        <div class="buttons">
          <button matButton="filled" type="submit" [disabled]="busy()">
            {{ (s.hold ? 'staff.retention.hold.release' : 'staff.retention.hold.place') | t }}
          </button>
          <span class="meta">{{ 'staff.retention.hold.recorded' | t }}</span>
        </div>
      </form>
    }
  `,
  styles: `
    .caution {
      padding: 8px 12px;
      border-left: 4px solid var(--sg-overdue);
      background: var(--mat-sys-surface-container);
    }
  `,
})
export class LegalHoldSection {
  protected readonly store = inject(CaseStore);
  private readonly api = inject(RetentionApi);
  protected readonly state = signal<CaseRetentionState | null>(null);
  protected readonly busy = signal(false);
  protected readonly problems = signal<FieldError[]>([]);
  protected readonly error = controlErrors();
  protected readonly form = inject(FormBuilder).nonNullable.group({ reason: ['', [Validators.maxLength(RETENTION_LIMITS.holdReasonMax)]] });

  constructor() {
    effect(() => {
      const id = this.store.detail()?.id;
      this.state.set(null);
      if (id) this.api.caseState(id).subscribe({ next: (state) => this.state.set(state), error: () => this.state.set(null) });
    });
  }

  protected submit(held: boolean): void {
    const id = this.store.detail()?.id;
    if (!id) return;
    const reason = this.form.getRawValue().reason.trim();
    this.problems.set([]);
    if (!held && reason.length < RETENTION_LIMITS.holdReasonMin) {
      this.form.controls.reason.setErrors({ required: true });
      this.form.markAllAsTouched();
      return;
    }
    const change: Observable<CaseRetentionState> = held ? this.api.releaseHold(id, reason ? { reason } : {}) : this.api.placeHold(id, { reason });
    this.busy.set(true);
    change.pipe(finalize(() => this.busy.set(false))).subscribe({
      next: (state) => {
        this.state.set(state);
        this.form.reset();
        // The hold is on the timeline: show it there too.
        this.store.reload();
      },
      error: (error: unknown) => this.problems.set(applyServerErrors(this.form, validationErrors(error) ?? [])),
    });
  }
}
