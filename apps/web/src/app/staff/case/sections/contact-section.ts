import { TEXT_LIMITS, TEXT_MINIMUMS } from '@sg/contracts';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, viewChild } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators, FormGroupDirective } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { ContactDetails, FieldError } from '@sg/contracts';
import { finalize } from 'rxjs';
import { applyServerErrors, controlErrors, validationErrors } from '../../ui/http-errors';
import { CONTACT_CHANNEL_LABELS } from '../../ui/labels';
import { I18n } from '../../../system/i18n/i18n';
import { labelIn } from './facts-form';
import { CaseStore } from '../case-store';
import { TranslatePipe } from '../../../system/i18n/translate.pipe';

/** How to reach the person: behind a reveal that asks why and is recorded. */
@Component({
  selector: 'sg-contact-section',
  imports: [TranslatePipe, ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatError, MatHint, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './section.scss',
  template: `
    @if (store.detail(); as c) {
      <dl class="facts">
        <dt>{{ 'staff.case.contact.askedBy' | t }}</dt>
        <dd>{{ channel() }}</dd>
        <dt>{{ 'staff.case.contact.agreed' | t }}</dt>
        <dd>{{ (c.contact.consentToContact ? 'staff.case.common.yes' : 'staff.case.common.no') | t }}</dd>
      </dl>
      @if (!c.contact.consentToContact || c.contact.channel === 'none') {
        <p class="caution" role="note">{{ 'staff.case.contact.noConsent' | t }}</p>
      }

      @if (details(); as d) {
        <section class="revealed" aria-labelledby="revealed-title">
          <h2 class="section-title" id="revealed-title">{{ 'staff.case.contact.details' | t }}</h2>
          <dl class="facts">
            <dt>{{ channelFor(d.channel) }}</dt>
            <dd class="mono">{{ d.value ?? ('staff.case.contact.noneGiven' | t) }}</dd>
            <dt>{{ 'staff.case.contact.safeTimes' | t }}</dt>
            <dd>{{ d.safeTimes ?? ('staff.case.common.notGiven' | t) }}</dd>
            <dt>{{ 'staff.case.contact.mayName' | t }}</dt>
            <dd>{{ (d.canMentionOrganisation ? 'staff.case.common.yes' : 'staff.case.contact.doNotName') | t }}</dd>
          </dl>
          <p class="hint">{{ 'staff.case.contact.revealLogged' | t }}</p>
          <button matButton type="button" (click)="details.set(null)">{{ 'staff.case.contact.hide' | t }}</button>
        </section>
      } @else if (c.contact.hasDetails) {
        <form class="form" [formGroup]="form" (ngSubmit)="reveal()" novalidate>
          <mat-form-field class="wide">
            <mat-label>{{ 'staff.case.contact.why' | t }}</mat-label>
            <input matInput formControlName="reason" required autocomplete="off" />
            <mat-hint>{{ 'staff.case.contact.whyHint' | t }}</mat-hint>
            <mat-error>{{ error(form.controls.reason, 'staff.case.override.reasonField' | t) }}</mat-error>
          </mat-form-field>
          @if (problems().length) {
            <ul class="problems" role="alert">
              @for (problem of problems(); track $index) {
                <li>{{ problem.message }}</li>
              }
            </ul>
          }
          <div class="buttons">
            <button matButton="filled" type="submit" [disabled]="busy()">{{ 'staff.case.contact.reveal' | t }}</button>
            <span class="meta">{{ 'staff.case.contact.recorded' | t }}</span>
          </div>
        </form>
      } @else {
        <p class="empty">{{ 'staff.case.contact.none' | t }}</p>
      }
    }
  `,
  styles: `
    .caution {
      padding: 8px 12px;
      border-left: 4px solid var(--sg-overdue);
      background: var(--mat-sys-surface-container);
    }
    .revealed {
      padding: 8px 12px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: 8px;
    }
  `,
})
export class ContactSection {
  /** Reset through the directive too: a plain reset leaves it "submitted", and Material then shows "is required" on the empty form. */
  private readonly formDirective = viewChild(FormGroupDirective);
  protected readonly store = inject(CaseStore);
  private readonly i18n = inject(I18n);
  protected readonly details = signal<ContactDetails | null>(null);
  protected readonly busy = signal(false);
  protected readonly problems = signal<FieldError[]>([]);
  protected readonly error = controlErrors();
  protected readonly form = inject(FormBuilder).nonNullable.group({
    reason: ['', [Validators.required, Validators.minLength(TEXT_MINIMUMS.contactRevealReason), Validators.maxLength(TEXT_LIMITS.contactRevealReason)]],
  });
  protected readonly channel = computed(() => labelIn(this.i18n, CONTACT_CHANNEL_LABELS, this.store.detail()?.contact.channel));
  private readonly caseId = computed(() => this.store.detail()?.id);

  constructor() {
    // Details revealed for one case never linger when another case opens.
    effect(() => {
      this.caseId();
      this.details.set(null);
    });
  }

  protected channelFor(channel: string): string {
    return labelIn(this.i18n, CONTACT_CHANNEL_LABELS, channel);
  }

  protected reveal(): void {
    this.problems.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.store
      .revealContact(this.form.getRawValue().reason.trim())
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (details) => {
          this.details.set(details);
          const directive = this.formDirective();
          if (directive) directive.resetForm();
          else this.form.reset();
        },
        error: (error: unknown) => this.problems.set(applyServerErrors(this.form, validationErrors(error) ?? [])),
      });
  }
}
