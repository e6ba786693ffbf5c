import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { SavedReply } from '@sg/contracts';
import { TEXT_LIMITS } from '@sg/contracts';
import { finalize } from 'rxjs';
import { SavedRepliesApi } from '../data-access/saved-replies-api';
import { applyServerErrors, controlErrors, problemMessage, validationErrors } from '../ui/http-errors';
import { WhenPipe } from '../ui/when';
import { I18n } from '../../system/i18n/i18n';

/**
 * Saved replies for the conversation: the team's reviewed words, which caseworkers insert and edit
 * before sending. Every change is audited. Retiring keeps the reply for the record.
 */
@Component({
  selector: 'sg-saved-replies-page',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatError, MatHint, MatButton, MatCheckbox, WhenPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './admin-page.scss',
  template: `
    <div class="page">
    <h1>Saved replies</h1>
    <p class="lead">Words the team has reviewed, for caseworkers to insert into a message and edit before sending.
      Write for a frightened teenager: short sentences, no blame, what to do next.
      <code>{{ '{{next_step}}' }}</code> becomes the first step of the person's plan not done yet; <code>{{ '{{open_steps}}' }}</code> every step not done.</p>

    <form class="card reply-form" [formGroup]="form" (ngSubmit)="save()" novalidate aria-labelledby="reply-form-heading">
      <h2 id="reply-form-heading">{{ editing() ? 'Edit "' + editing()!.title + '"' : 'Add a saved reply' }}</h2>
      <mat-form-field>
        <mat-label>Title</mat-label>
        <input matInput formControlName="title" required [maxlength]="titleLimit" />
        <mat-error>{{ error(form.controls.title, 'The title') }}</mat-error>
      </mat-form-field>
      <mat-form-field class="wide">
        <mat-label>Message</mat-label>
        <textarea matInput formControlName="body" rows="6" required [maxlength]="bodyLimit"></textarea>
        <mat-hint>{{ form.controls.body.value.length }} / {{ bodyLimit }}</mat-hint>
        <mat-error>{{ error(form.controls.body, 'The message') }}</mat-error>
      </mat-form-field>
      <mat-checkbox formControlName="active">Offered to caseworkers</mat-checkbox>
      @if (problem(); as problem) {
        <p class="problems" role="alert">{{ problem }}</p>
      }
      <div class="buttons">
        <button matButton="filled" type="submit" [disabled]="saving()">{{ saving() ? 'Saving…' : editing() ? 'Save changes' : 'Add' }}</button>
        @if (editing()) {
          <button matButton type="button" (click)="cancel()">Cancel</button>
        }
      </div>
    </form>

    <ul class="replies" aria-label="Saved replies">
      @for (reply of replies(); track reply.id) {
        <li [class.retired]="!reply.active">
          <h3>{{ reply.title }} @if (!reply.active) { <span class="tag">retired</span> }</h3>
          <p class="body">{{ reply.body }}</p>
          <p class="meta">Changed <time [attr.datetime]="reply.updatedAt">{{ reply.updatedAt | when }}</time>
            <button matButton type="button" (click)="edit(reply)" [attr.aria-label]="'Edit ' + reply.title">Edit</button></p>
        </li>
      } @empty {
        <li>No saved replies yet.</li>
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
  private readonly i18n = inject(I18n);
  private readonly api = inject(SavedRepliesApi);
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
        this.problem.set(problemMessage(this.i18n, error, 'The saved reply was not saved.'));
      },
    });
  }

  private reset(): void {
    const directive = this.formDirective();
    if (directive) directive.resetForm({ title: '', body: '', active: true });
    else this.form.reset({ title: '', body: '', active: true });
  }

  private load(): void {
    this.api.list(true).subscribe({ next: (replies) => this.replies.set(replies), error: (error: unknown) => this.problem.set(problemMessage(this.i18n, error, 'Saved replies could not be loaded.')) });
  }
}
