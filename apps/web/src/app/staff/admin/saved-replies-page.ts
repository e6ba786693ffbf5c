import { ChangeDetectionStrategy, Component, inject, signal, viewChild } from '@angular/core';
import { FormBuilder, FormControl, FormGroup, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatTab, MatTabGroup } from '@angular/material/tabs';
import type { SavedReply } from '@sg/contracts';
import { SAVED_REPLY_TRANSLATION_LANGUAGES, TEXT_LIMITS } from '@sg/contracts';
import { LANGUAGE_NAMES, recordOf } from '@sg/domain';
import { finalize } from 'rxjs';
import { I18n } from '../../system/i18n/i18n';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { WhenPipe } from '../ui/when';
import { SavedRepliesApi } from '../data-access/saved-replies-api';
import { applyServerErrors, controlErrors, problemMessage, validationErrors } from '../ui/http-errors';

type TranslationGroup = FormGroup<{ title: FormControl<string>; body: FormControl<string> }>;

/** The form's value of a reply with nothing written yet, in any language. */
const EMPTY_REPLY = {
  title: '',
  body: '',
  active: true,
  translations: recordOf(SAVED_REPLY_TRANSLATION_LANGUAGES, () => ({ title: '', body: '' })),
};

/**
 * Saved replies for the conversation: the team's reviewed words, which caseworkers insert and edit
 * before sending. Every change is audited. Retiring keeps the reply for the record. Each reply has
 * its words in every person language (English required, the others optional): a caseworker
 * writing to someone who reads Malay or Spanish starts from that language, or from English,
 * flagged here, when it is not written yet.
 */
@Component({
  selector: 'sg-saved-replies-page',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatError, MatHint, MatButton, MatCheckbox, MatTabGroup, MatTab, WhenPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './admin-page.scss',
  template: `
    <div class="page">
      <h1>{{ 'staff.admin.replies.title' | t }}</h1>
      <p class="lead">
        {{ 'staff.admin.replies.lead' | t }} <code>{{ '{{next_step}}' }}</code> {{ 'staff.admin.replies.nextStep' | t }}; <code>{{ '{{open_steps}}' }}</code>
        {{ 'staff.admin.replies.openSteps' | t }}
      </p>

      <form class="card reply-form" #replyForm="ngForm" [formGroup]="form" (ngSubmit)="save()" novalidate aria-labelledby="reply-form-heading">
        <h2 id="reply-form-heading">
          {{ editing() ? ('staff.admin.replies.editTitle' | t: { title: editing()!.title }) : ('staff.admin.replies.addTitle' | t) }}
        </h2>
        <p class="texts-hint">{{ 'staff.admin.replies.languagesHint' | t }}</p>
        <mat-tab-group
          animationDuration="0ms"
          [mat-stretch-tabs]="false"
          mat-align-tabs="start"
          [selectedIndex]="selectedTab()"
          (selectedIndexChange)="selectedTab.set($event)"
        >
          <mat-tab [label]="languageNames.en">
            <div class="tab-fields" lang="en" data-language="en">
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
            </div>
          </mat-tab>
          @for (language of translationLanguages; track language) {
            <mat-tab [label]="languageNames[language]">
              <div class="tab-fields" [formGroup]="form.controls.translations.controls[language]" [attr.lang]="language" [attr.data-language]="language">
                <p class="texts-hint">{{ 'staff.admin.replies.emptyFallsBack' | t }}</p>
                <mat-form-field>
                  <mat-label>{{ 'staff.admin.replies.titleLabel' | t }}</mat-label>
                  <input matInput formControlName="title" [maxlength]="titleLimit" [placeholder]="form.controls.title.value" />
                  <mat-error>{{ error(form.controls.translations.controls[language].controls.title, 'staff.admin.replies.titleField' | t) }}</mat-error>
                </mat-form-field>
                <mat-form-field class="wide">
                  <mat-label>{{ 'staff.admin.replies.message' | t }}</mat-label>
                  <textarea matInput formControlName="body" rows="6" [maxlength]="bodyLimit"></textarea>
                  <mat-hint>{{ form.controls.translations.controls[language].controls.body.value.length }} / {{ bodyLimit }}</mat-hint>
                  <mat-error>{{ error(form.controls.translations.controls[language].controls.body, 'staff.admin.replies.messageField' | t) }}</mat-error>
                </mat-form-field>
              </div>
            </mat-tab>
          }
        </mat-tab-group>
        <mat-checkbox formControlName="active">{{ 'staff.admin.replies.offered' | t }}</mat-checkbox>
        @if (problem(); as problem) {
          <p class="problems" role="alert">{{ problem }}</p>
        }
        <div class="buttons">
          <button matButton="filled" type="submit" [disabled]="saving()">
            {{ (saving() ? 'staff.admin.replies.saving' : editing() ? 'staff.admin.replies.saveChanges' : 'staff.admin.replies.add') | t }}
          </button>
          @if (editing()) {
            <button matButton type="button" (click)="cancel()">{{ 'staff.admin.replies.cancel' | t }}</button>
          }
        </div>
      </form>

      <ul class="replies" [attr.aria-label]="'staff.admin.replies.title' | t">
        @for (reply of replies(); track reply.id) {
          <li [class.retired]="!reply.active">
            <h3>
              {{ reply.title }}
              @if (!reply.active) {
                <span class="tag">{{ 'staff.admin.replies.retired' | t }}</span>
              }
              @for (language of reply.fallsBackToEnglish; track language) {
                <span class="tag fallback" [attr.data-language]="language" [title]="'staff.admin.replies.fallsBackHint' | t">{{
                  'staff.admin.replies.fallsBack.' + language | t
                }}</span>
              }
            </h3>
            <p class="body">{{ reply.body }}</p>
            <p class="meta">
              {{ 'staff.admin.replies.changed' | t }} <time [attr.datetime]="reply.updatedAt">{{ reply.updatedAt | when }}</time>
              <button matButton type="button" (click)="edit(reply)" [attr.aria-label]="'staff.admin.replies.editNamed' | t: { title: reply.title }">
                {{ 'staff.admin.replies.edit' | t }}
              </button>
            </p>
          </li>
        } @empty {
          <li>{{ 'staff.admin.replies.none' | t }}</li>
        }
      </ul>
    </div>
  `,
  styles: `
    .lead {
      max-width: 72ch;
    }
    .reply-form {
      display: grid;
      gap: 4px;
      max-width: 72ch;
    }
    .buttons {
      display: flex;
      gap: 8px;
    }
    .problems {
      color: var(--mat-sys-error);
    }
    .replies {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 12px;
      margin-top: 24px;
      max-width: 72ch;
    }
    .replies li {
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    .replies li.retired {
      opacity: 0.75;
    }
    .replies h3 {
      margin: 0 0 4px;
      font: var(--mat-sys-title-small);
    }
    .body {
      white-space: pre-wrap;
      margin: 0;
    }
    .tag {
      font: var(--mat-sys-label-small);
      padding: 2px 6px;
      border-radius: 4px;
      background: var(--mat-sys-surface-container-high);
    }
    .tag.fallback {
      display: inline-block;
      margin-left: 4px;
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .texts-hint {
      margin: 0 0 4px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .tab-fields {
      display: grid;
      gap: 4px;
      padding-top: 12px;
    }
  `,
})
export class SavedRepliesPage {
  private readonly api = inject(SavedRepliesApi);
  private readonly i18n = inject(I18n);
  // By name: each language tab holds a FormGroupDirective of its own.
  private readonly formDirective = viewChild('replyForm', { read: FormGroupDirective });
  protected readonly titleLimit = TEXT_LIMITS.savedReplyTitle;
  protected readonly bodyLimit = TEXT_LIMITS.message;
  /** Each language named in itself, as the person's language switch names it. */
  protected readonly languageNames = LANGUAGE_NAMES;
  protected readonly translationLanguages = SAVED_REPLY_TRANSLATION_LANGUAGES;
  protected readonly selectedTab = signal(0);
  private readonly fb = inject(FormBuilder).nonNullable;
  // English is required; every other language is optional, with the English limits.
  protected readonly form = this.fb.group({
    title: ['', [Validators.required, Validators.maxLength(TEXT_LIMITS.savedReplyTitle)]],
    body: ['', [Validators.required, Validators.maxLength(TEXT_LIMITS.message)]],
    active: [true],
    translations: this.fb.group(
      recordOf(SAVED_REPLY_TRANSLATION_LANGUAGES, (): TranslationGroup =>
        this.fb.group({ title: ['', Validators.maxLength(TEXT_LIMITS.savedReplyTitle)], body: ['', Validators.maxLength(TEXT_LIMITS.message)] }),
      ),
    ),
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
    const translations = recordOf(SAVED_REPLY_TRANSLATION_LANGUAGES, (language) => ({
      title: reply.translations?.[language]?.title ?? '',
      body: reply.translations?.[language]?.body ?? '',
    }));
    this.form.setValue({ title: reply.title, body: reply.body, active: reply.active, translations });
  }

  /** A problem in a tab that is not open would go unseen: open the first language with one. */
  private showFirstInvalidLanguage(): void {
    if (this.form.controls.title.invalid || this.form.controls.body.invalid) return this.selectedTab.set(0);
    const index = SAVED_REPLY_TRANSLATION_LANGUAGES.findIndex((language) => this.form.controls.translations.controls[language].invalid);
    if (index >= 0) this.selectedTab.set(index + 1);
  }

  protected cancel(): void {
    this.editing.set(null);
    this.reset();
  }

  protected save(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.showFirstInvalidLanguage();
      return;
    }
    // Every language is sent (blank ones are "not written"): the server keeps what is sent.
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
        this.showFirstInvalidLanguage();
        this.problem.set(problemMessage(this.i18n, error, this.i18n.t('staff.admin.replies.saveFailed')));
      },
    });
  }

  private reset(): void {
    const directive = this.formDirective();
    if (directive) directive.resetForm(EMPTY_REPLY);
    else this.form.reset(EMPTY_REPLY);
    this.selectedTab.set(0);
  }

  private load(): void {
    this.api.list(true).subscribe({
      next: (replies) => this.replies.set(replies),
      error: (error: unknown) => this.problem.set(problemMessage(this.i18n, error, this.i18n.t('staff.admin.replies.loadFailed'))),
    });
  }
}
