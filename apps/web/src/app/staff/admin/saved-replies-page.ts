import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { SavedReply } from '@sg/contracts';
import { TEXT_LIMITS } from '@sg/contracts';
import { finalize } from 'rxjs';
import { I18n } from '../../system/i18n/i18n';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { WhenPipe } from '../ui/when';
import { SavedRepliesApi } from '../data-access/saved-replies-api';
import { applyServerErrors, controlErrors, problemMessage, validationErrors } from '../ui/http-errors';

/**
 * Saved replies for the conversation: the team's reviewed words, which caseworkers insert and edit
 * before sending. Every change is audited. Retiring keeps the reply for the record.
 */
@Component({
  selector: 'sg-saved-replies-page',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatError, MatHint, MatButton, MatCheckbox, WhenPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './admin-page.scss',
  template: `
    <div class="page">
    <h1>{{ 'staff.admin.replies.title' | t }}</h1>
    <p class="lead">{{ 'staff.admin.replies.lead' | t }}
      <code>{{ '{{next_step}}' }}</code> {{ 'staff.admin.replies.nextStep' | t }}; <code>{{ '{{open_steps}}' }}</code> {{ 'staff.admin.replies.openSteps' | t }}</p>

    <form class="card reply-form" [formGroup]="form" (ngSubmit)="save()" novalidate aria-labelledby="reply-form-heading">
      <h2 id="reply-form-heading">{{ editing() ? ('staff.admin.replies.editTitle' | t: { title: editing()!.title }) : ('staff.admin.replies.addTitle' | t) }}</h2>
      <mat-form-field>
        <mat-label>{{ 'staff.admin.replies.titleLabel' | t }}</mat-label>
        <input matInput formControlName="title" required [maxlength]="titleLimit" />
        <mat-error>{{ error(form.controls.title, 'staff.admin.replies.titleField' | t) }}</mat-error>
      </mat-form-field>
      <mat-form-field class="wide">
        <mat-label>{{ 'staff.admin.replies.message' | t }}</mat-label>
        <textarea matInput formControlName="body" rows="6" required [maxlength]="bodyLimit"></textarea>
        <mat-hint>{{ form.controls.body.value.length }} / {{ bodyLimit }}</mat-hint>
        <mat-error>{{ error(form.controls.body, 'staff.admin.replies.messageField' | t) }}</mat-error>
      </mat-form-field>
      <mat-checkbox formControlName="active">{{ 'staff.admin.replies.offered' | t }}</mat-checkbox>
      @if (problem(); as problem) {
        <p class="problems" role="alert">{{ problem }}</p>
      }
      <div class="buttons">
        <button matButton="filled" type="submit" [disabled]="saving()">{{ (saving() ? 'staff.admin.replies.saving' : editing() ? 'staff.admin.replies.saveChanges' : 'staff.admin.replies.add') | t }}</button>
        @if (editing()) {
          <button matButton type="button" (click)="cancel()">{{ 'staff.admin.replies.cancel' | t }}</button>
        }
      </div>
    </form>

    <ul class="replies" [attr.aria-label]="'staff.admin.replies.title' | t">
      @for (reply of replies(); track reply.id) {
        <li [class.retired]="!reply.active">
          <h3>{{ reply.title }} @if (!reply.active) { <span class="tag">{{ 'staff.admin.replies.retired' | t }}</span> }</h3>
          <p class="body">{{ reply.body }}</p>
          <p class="meta">{{ 'staff.admin.replies.changed' | t }} <time [attr.datetime]="reply.updatedAt">{{ reply.updatedAt | when }}</time>
            <button matButton type="button" (click)="edit(reply)" [attr.aria-label]="'staff.admin.replies.editNamed' | t: { title: reply.title }">{{ 'staff.admin.replies.edit' | t }}</button></p>
        </li>
      } @empty {
        <li>{{ 'staff.admin.replies.none' | t }}</li>
      }
    </ul>
    </div>
  `,
  styles: `
    .lead { max-width: 72ch; }
    .reply-form { display: grid; gap: 4px; max-width: 72ch; }
    .buttons { display: flex; gap: 8px; }
    .problems { color: var(--mat-sys-error); }
    .replies { list-style: none; padding: 0; display: grid; gap: 12px; margin-top: 24px; max-width: 72ch; }
    .replies li { padding: 12px 16px; border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px; }
    .replies li.retired { opacity: 0.75; }
    .replies h3 { margin: 0 0 4px; font: var(--mat-sys-title-small); }
    .body { white-space: pre-wrap; margin: 0; }
    .tag { font: var(--mat-sys-label-small); padding: 2px 6px; border-radius: 4px; background: var(--mat-sys-surface-container-high); }
  `,
})
export class SavedRepliesPage {
  private readonly api = inject(SavedRepliesApi);
  private readonly i18n = inject(I18n);
  private readonly formDirective = viewChild(FormGroupDirective);
  protected readonly titleLimit = TEXT_LIMITS.savedReplyTitle;
  protected readonly bodyLimit = TEXT_LIMITS.message;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    title: ['', [Validators.required, Validators.maxLength(TEXT_LIMITS.savedReplyTitle)]],
    body: ['', [Validators.required, Validators.maxLength(TEXT_LIMITS.message)]],
    active: [true],
  });
  protected readonly replies = signal<SavedReply[]>([]);
  protected readonly editing = signal<SavedReply | null>(null);
  protected readonly saving = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly error = controlErrors();

  constructor() {
    this.load();
  }

  protected edit(reply: SavedReply): void {
    this.editing.set(reply);
    this.form.setValue({ title: reply.title, body: reply.body, active: reply.active });
  }

  protected cancel(): void {
    this.editing.set(null);
    this.reset();
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const editing = this.editing();
    this.saving.set(true);
    this.problem.set(null);
    (editing ? this.api.update(editing.id, value) : this.api.create(value)).pipe(finalize(() => this.saving.set(false))).subscribe({
      next: () => {
        this.editing.set(null);
        this.reset();
        this.load();
      },
      error: (error: unknown) => {
        applyServerErrors(this.form, validationErrors(error) ?? []);
        this.problem.set(problemMessage(this.i18n, error, this.i18n.t('staff.admin.replies.saveFailed')));
      },
    });
  }

  private reset(): void {
    const directive = this.formDirective();
    if (directive) directive.resetForm({ title: '', body: '', active: true });
    else this.form.reset({ title: '', body: '', active: true });
  }

  private load(): void {
    this.api.list(true).subscribe({ next: (replies) => this.replies.set(replies), error: (error: unknown) => this.problem.set(problemMessage(this.i18n, error, this.i18n.t('staff.admin.replies.loadFailed'))) });
  }
}
