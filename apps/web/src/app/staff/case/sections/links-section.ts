import { ChangeDetectionStrategy, Component, computed, effect, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { CASE_LINK_LIMITS } from '@sg/contracts';
import type { CaseLinks, FieldError } from '@sg/contracts';
import { finalize, Observable } from 'rxjs';
import { I18n } from '../../../system/i18n/i18n';
import { TranslatePipe } from '../../../system/i18n/translate.pipe';
import { AuthSession } from '../../auth/auth-session';
import { CaseLinksApi } from '../../data-access/case-links-api';
import { applyServerErrors, controlErrors, problemMessage, validationErrors } from '../../ui/http-errors';
import { CASE_STATUS_LABELS, PRIORITY_LABELS } from '../../ui/labels';
import { WhenPipe } from '../../ui/when';
import { CaseStore } from '../case-store';

const REFERENCE = /^SG-[0-9A-Z]{4}-[0-9A-Z]{4}$/;

/**
 * Linked cases: links to other cases (a reason each; anyone who may work the case adds and removes
 * them), a count of links to cases the reader may not open (never their references), and for
 * supervisors merging this case into its original as a duplicate, or undoing that. Every change is
 * on both timelines, so the case reloads after one.
 */
@Component({
  selector: 'sg-links-section',
  imports: [TranslatePipe, WhenPipe, RouterLink, ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatError, MatHint, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './section.scss',
  template: `
    <p class="hint">{{ 'staff.links.explain' | t }}</p>
    @if (view(); as v) {
      @if (v.mergedInto; as into) {
        <p class="caution" role="note" data-testid="merged-into">
          @if (into.case; as c) {
            {{ 'staff.links.mergedInto' | t: { when: (into.mergedAt | when) } }}
            <a [routerLink]="['/staff/cases', c.id]">{{ c.reference }}</a>
          } @else {
            {{ 'staff.links.mergedIntoHidden' | t: { when: (into.mergedAt | when) } }}
          }
        </p>
      }
      <h2 class="section-title">{{ 'staff.links.heading' | t }}</h2>
      @if (v.links.length) {
        <ul class="links">
          @for (link of v.links; track link.id) {
            @if (link.case; as c) {
              <li data-testid="link">
                <a [routerLink]="['/staff/cases', c.id]">{{ c.reference }}</a>
                <span class="meta">
                  {{ statusLabels[c.status] | t }} · {{ priorityLabels[c.priority] | t }} · {{ link.linkedAt | when }}
                  @if (link.linkedBy; as by) {
                    · {{ by }}
                  }
                </span>
                <span class="reason">{{ link.reason }}</span>
                <button matButton type="button" [disabled]="busy()" (click)="unlink(link.id)">
                  {{ 'staff.links.unlink' | t: { reference: c.reference } }}
                </button>
              </li>
            }
          }
        </ul>
      } @else if (!v.hiddenLinks) {
        <p class="empty">{{ 'staff.links.none' | t }}</p>
      }
      @if (v.hiddenLinks) {
        <p class="meta" data-testid="hidden-links">{{ 'staff.links.hidden' | t: { count: v.hiddenLinks } }}</p>
      }
      @if (v.merged.length) {
        <h2 class="section-title">{{ 'staff.links.mergedHere' | t }}</h2>
        <ul class="links">
          @for (m of v.merged; track m.case.id) {
            <li data-testid="merged-from">
              <a [routerLink]="['/staff/cases', m.case.id]">{{ m.case.reference }}</a>
              <span class="meta">{{ m.mergedAt | when }}</span>
            </li>
          }
        </ul>
      }

      @if (!v.mergedInto) {
        <form class="form" [formGroup]="linkForm" (ngSubmit)="link()" novalidate data-testid="link-form">
          <mat-form-field>
            <mat-label>{{ 'staff.links.reference' | t }}</mat-label>
            <input matInput formControlName="reference" autocomplete="off" />
            <mat-error>{{ error(linkForm.controls.reference, 'staff.links.reference' | t) }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'staff.links.reason' | t }}</mat-label>
            <input matInput formControlName="reason" autocomplete="off" />
            <mat-hint>{{ 'staff.links.reasonHint' | t }}</mat-hint>
            <mat-error>{{ error(linkForm.controls.reason, 'staff.links.reason' | t) }}</mat-error>
          </mat-form-field>
          <div class="buttons">
            <button matButton="filled" type="submit" [disabled]="busy()">{{ 'staff.links.link' | t }}</button>
          </div>
        </form>
      }

      @if (canSupervise()) {
        <h2 class="section-title">{{ 'staff.links.mergeHeading' | t }}</h2>
        <p class="hint">{{ (v.mergedInto ? 'staff.links.unmergeExplain' : 'staff.links.mergeExplain') | t }}</p>
        <form class="form" [formGroup]="mergeForm" (ngSubmit)="v.mergedInto ? unmerge() : merge()" novalidate data-testid="merge-form">
          @if (!v.mergedInto) {
            <mat-form-field>
              <mat-label>{{ 'staff.links.original' | t }}</mat-label>
              <input matInput formControlName="reference" autocomplete="off" />
              <mat-error>{{ error(mergeForm.controls.reference, 'staff.links.original' | t) }}</mat-error>
            </mat-form-field>
          }
          <mat-form-field>
            <mat-label>{{ 'staff.links.reason' | t }}</mat-label>
            <input matInput formControlName="reason" autocomplete="off" />
            <mat-error>{{ error(mergeForm.controls.reason, 'staff.links.reason' | t) }}</mat-error>
          </mat-form-field>
          <div class="buttons">
            <button matButton="filled" type="submit" [disabled]="busy()">{{ (v.mergedInto ? 'staff.links.unmerge' : 'staff.links.merge') | t }}</button>
          </div>
        </form>
      }
    }
    @if (problems().length) {
      <ul class="problems" role="alert">
        @for (problem of problems(); track $index) {
          <li>{{ problem.message }}</li>
        }
      </ul>
    }
  `,
  styles: `
    .caution {
      padding: 8px 12px;
      border-left: 4px solid var(--sg-overdue);
      background: var(--mat-sys-surface-container);
    }
    .links {
      list-style: none;
      margin: 0 0 12px;
      padding: 0;
    }
    .links li {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      align-items: baseline;
      padding: 4px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .reason {
      flex: 1 1 240px;
    }
    .form {
      margin-top: 8px;
    }
  `,
})
export class LinksSection {
  protected readonly store = inject(CaseStore);
  private readonly api = inject(CaseLinksApi);
  private readonly i18n = inject(I18n);
  private readonly session = inject(AuthSession);
  protected readonly statusLabels = CASE_STATUS_LABELS;
  protected readonly priorityLabels = PRIORITY_LABELS;
  protected readonly view = signal<CaseLinks | null>(null);
  protected readonly busy = signal(false);
  protected readonly problems = signal<FieldError[]>([]);
  protected readonly error = controlErrors();
  protected readonly canSupervise = computed(() => this.session.hasRole('supervisor', 'admin'));
  private readonly fb = inject(FormBuilder).nonNullable;
  private readonly reason = () => [
    '',
    [Validators.required, Validators.minLength(CASE_LINK_LIMITS.reasonMin), Validators.maxLength(CASE_LINK_LIMITS.reasonMax)],
  ];
  protected readonly linkForm = this.fb.group({ reference: ['', [Validators.required, Validators.pattern(REFERENCE)]], reason: this.reason() });
  protected readonly mergeForm = this.fb.group({ reference: ['', [Validators.pattern(REFERENCE)]], reason: this.reason() });

  constructor() {
    effect(() => {
      const id = this.store.detail()?.id;
      this.view.set(null);
      if (id) this.api.links(id).subscribe({ next: (view) => this.view.set(view), error: () => this.view.set(null) });
    });
  }

  protected link(): void {
    this.linkForm.controls.reference.setValue(this.linkForm.controls.reference.value.trim().toUpperCase());
    this.send(this.linkForm, (id) => this.api.link(id, this.linkForm.getRawValue()));
  }

  protected unlink(linkId: string): void {
    this.send(null, (id) => this.api.unlink(id, linkId));
  }

  protected merge(): void {
    const reference = this.mergeForm.controls.reference;
    reference.setValue(reference.value.trim().toUpperCase());
    if (!reference.value) reference.setErrors({ required: true });
    this.send(this.mergeForm, (id) => this.api.merge(id, this.mergeForm.getRawValue()));
  }

  protected unmerge(): void {
    this.mergeForm.controls.reference.setValue('');
    this.send(this.mergeForm, (id) => this.api.unmerge(id, { reason: this.mergeForm.getRawValue().reason }));
  }

  private send(form: typeof this.linkForm | null, change: (caseId: string) => Observable<CaseLinks>): void {
    const id = this.store.detail()?.id;
    if (!id) return;
    this.problems.set([]);
    if (form && form.invalid) {
      form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    change(id)
      .pipe(finalize(() => this.busy.set(false)))
      .subscribe({
        next: (view) => {
          this.view.set(view);
          form?.reset();
          // On both timelines (and a merge changes the case's status): show it.
          this.store.reload();
        },
        error: (error: unknown) => {
          const invalid = validationErrors(error);
          this.problems.set(invalid && form ? applyServerErrors(form, invalid) : [{ path: '', message: problemMessage(this.i18n, error) }]);
        },
      });
  }
}
