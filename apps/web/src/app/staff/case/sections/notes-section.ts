import { TEXT_LIMITS } from '@sg/contracts';
import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators, FormGroupDirective } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { finalize } from 'rxjs';
import { applyServerErrors, controlErrors, validationErrors } from '../../ui/http-errors';
import { CaseStore } from '../case-store';
import { WhenPipe } from '../../ui/when';
import { TranslatePipe } from '../../../system/i18n/translate.pipe';

/** Internal notes: for colleagues, never shown to the person. */
@Component({
  selector: 'sg-notes-section',
  imports: [WhenPipe, TranslatePipe, ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatError, MatHint, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './section.scss',
  template: `
    <form class="form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-form-field class="wide">
        <mat-label>{{ 'staff.case.notes.new' | t }}</mat-label>
        <textarea matInput formControlName="body" rows="3" required></textarea>
        <mat-hint>{{ 'staff.case.notes.hint' | t }}</mat-hint>
        <mat-error>{{ error(form.controls.body, 'staff.case.notes.field' | t) }}</mat-error>
      </mat-form-field>
      <div class="buttons">
        <button matButton="filled" type="submit" [disabled]="saving()">{{ (saving() ? 'staff.case.notes.adding' : 'staff.case.notes.add') | t }}</button>
      </div>
    </form>
    <ul class="notes">
      @for (note of notes(); track note.id) {
        <li>
          <p class="meta">
            {{ note.author.displayName }} · <time [attr.datetime]="note.at">{{ note.at | when }}</time>
          </p>
          <p class="body">{{ note.body }}</p>
        </li>
      } @empty {
        <li class="empty">{{ 'staff.case.notes.empty' | t }}</li>
      }
    </ul>
  `,
  styles: `
    .notes {
      list-style: none;
      margin: 16px 0 0;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    .notes li {
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-low);
    }
    .notes p {
      margin: 0;
    }
    .body {
      white-space: pre-wrap;
      margin-top: 2px !important;
    }
  `,
})
export class NotesSection {
  /** Reset through the directive too: a plain reset leaves it "submitted", and Material then shows "is required" on the empty form. */
  private readonly formDirective = viewChild(FormGroupDirective);
  private readonly store = inject(CaseStore);
  protected readonly form = inject(FormBuilder).nonNullable.group({ body: ['', [Validators.required, Validators.maxLength(TEXT_LIMITS.note)]] });
  protected readonly saving = signal(false);
  protected readonly error = controlErrors();
  protected readonly notes = computed(() => [...(this.store.detail()?.notes ?? [])].sort((a, b) => Date.parse(b.at) - Date.parse(a.at)));

  protected submit(): void {
    if (!this.form.value.body?.trim()) {
      this.form.controls.body.setErrors({ required: true });
      this.form.markAllAsTouched();
      return;
    }
    this.saving.set(true);
    this.store
      .addNote(this.form.getRawValue().body.trim())
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        next: () => {
          const directive = this.formDirective();
          if (directive) directive.resetForm();
          else this.form.reset();
        },
        error: (error: unknown) => applyServerErrors(this.form, validationErrors(error) ?? []),
      });
  }
}
