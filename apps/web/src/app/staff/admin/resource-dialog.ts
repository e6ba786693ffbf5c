import { RESOURCE_TEXT_LIMITS, RESOURCE_TRANSLATION_LANGUAGES, TEXT_LIMITS } from '@sg/contracts';
import { CdkTextareaAutosize } from '@angular/cdk/text-field';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTab, MatTabGroup } from '@angular/material/tabs';
import type { FieldError, ResourceDirectoryEntry } from '@sg/contracts';
import { COUNTRY_CODES, LANGUAGE_NAMES, RESOURCE_AUDIENCES, RESOURCE_PURPOSES, recordOf } from '@sg/domain';
import { Observable, finalize } from 'rxjs';
import { I18n } from '../../system/i18n/i18n';
import { TranslatePipe } from '../../system/i18n/translate.pipe';
import { ResourceDirectoryApi } from '../data-access/resource-directory-api';
import { applyServerErrors, controlErrors, problemMessage, validationErrors } from '../ui/http-errors';
import { RESOURCE_AUDIENCE_LABELS, RESOURCE_PURPOSE_LABELS } from './admin-labels';
import { ANY_JURISDICTION, countryNamer, emptyResourceForm, resourceChanges, resourceFormValue, toResourceWrite } from './resource-form';

export interface ResourceDialogData {
  /** null: a new entry. */
  entry: ResourceDirectoryEntry | null;
  /** For a new entry: the jurisdiction the list is filtered to, if any. */
  jurisdiction?: string;
}

const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{1,63}$/;

/** Admins add or edit one directory entry; closes with the saved entry. */
@Component({
  selector: 'sg-resource-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatCheckbox,
    MatTabGroup,
    MatTab,
    CdkTextareaAutosize,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './resource-dialog.html',
  styles: `
    :host {
      display: block;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 10px 12px;
      align-items: start;
      padding-top: 4px;
    }
    .wide {
      grid-column: 1 / -1;
    }
    mat-form-field {
      width: 100%;
    }
    fieldset {
      margin: 0;
      padding: 4px 8px 8px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
    }
    legend {
      padding: 0 4px;
      font: var(--mat-sys-label-large);
    }
    .audiences {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    .texts {
      padding-bottom: 4px;
    }
    .texts-hint {
      margin: 0 0 4px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .tab-fields {
      display: grid;
      gap: 6px;
      padding-top: 12px;
    }
    .field-problem {
      margin: 4px 0 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
    .problems {
      margin: 0 0 12px;
      padding: 8px 12px 8px 28px;
      border-left: 4px solid var(--mat-sys-error);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class ResourceDialog {
  protected readonly data = inject<ResourceDialogData>(MAT_DIALOG_DATA);
  private readonly api = inject(ResourceDirectoryApi);
  private readonly ref = inject(MatDialogRef<ResourceDialog, ResourceDirectoryEntry>);
  private readonly fb = inject(FormBuilder).nonNullable;
  private readonly i18n = inject(I18n);

  /** Each language named in itself, as the person's language switch names it. */
  protected readonly languageNames = LANGUAGE_NAMES;
  protected readonly translationLanguages = RESOURCE_TRANSLATION_LANGUAGES;
  protected readonly selectedTab = signal(0);
  /** Field names for error messages, in the dashboard's language. */
  protected readonly labels = computed(() => {
    this.i18n.language();
    const label = (field: string) => this.i18n.t(`staff.admin.resources.${field}`);
    return {
      name: label('name'),
      description: label('description'),
      whenToUse: label('whenToUse'),
      contact: label('contact'),
      contactColumn: label('contactColumn'),
      jurisdiction: label('jurisdiction'),
      purpose: label('purpose'),
      webAddress: label('webAddress'),
      key: label('key'),
      sortOrder: label('sortOrder'),
    };
  });

  protected readonly purposes = RESOURCE_PURPOSES.map((value) => ({ value, label: RESOURCE_PURPOSE_LABELS[value] }));
  protected readonly audiences = RESOURCE_AUDIENCES.map((value) => ({ value, label: RESOURCE_AUDIENCE_LABELS[value] }));
  /** Worldwide first, then every country by its name in the dashboard's language. */
  protected readonly jurisdictions = ((): Array<{ value: string; label: string }> => {
    const language = this.i18n.language();
    const nameOf = countryNamer(language);
    const countries = [...COUNTRY_CODES].map((code) => ({ value: code, label: `${nameOf(code)} (${code})` }));
    return [
      { value: ANY_JURISDICTION, label: this.i18n.t('staff.admin.resources.worldwideAny') },
      ...countries.sort((a, b) => a.label.localeCompare(b.label, language)),
    ];
  })();
  protected readonly error = controlErrors();
  protected readonly saving = signal(false);
  protected readonly problems = signal<FieldError[]>([]);

  private readonly initial = this.data.entry ? resourceFormValue(this.data.entry) : emptyResourceForm(this.data.jurisdiction ?? '');
  protected readonly form = this.fb.group({
    key: [this.initial.key, [Validators.required, Validators.pattern(KEY_PATTERN)]],
    jurisdiction: [this.initial.jurisdiction, Validators.required],
    name: [this.initial.name, [Validators.required, Validators.maxLength(TEXT_LIMITS.resourceName)]],
    contact: [this.initial.contact, [Validators.required, Validators.maxLength(TEXT_LIMITS.resourceContact)]],
    url: [this.initial.url, Validators.maxLength(TEXT_LIMITS.url)],
    purpose: [this.initial.purpose, Validators.required],
    audiences: this.fb.group(recordOf(RESOURCE_AUDIENCES, (audience) => !!this.initial.audiences[audience])),
    sortOrder: this.fb.control<number | null>(this.initial.sortOrder, [Validators.min(0), Validators.max(10_000)]),
    active: [this.initial.active],
    // English is required where it always was (name, contact); every other text is optional, with the English limits.
    description: [this.initial.description, Validators.maxLength(RESOURCE_TEXT_LIMITS.description)],
    whenToUse: [this.initial.whenToUse, Validators.maxLength(RESOURCE_TEXT_LIMITS.whenToUse)],
    translations: this.fb.group(
      recordOf(RESOURCE_TRANSLATION_LANGUAGES, (language) => {
        const text = this.initial.translations[language];
        return this.fb.group({
          name: [text.name, Validators.maxLength(TEXT_LIMITS.resourceName)],
          description: [text.description, Validators.maxLength(RESOURCE_TEXT_LIMITS.description)],
          whenToUse: [text.whenToUse, Validators.maxLength(RESOURCE_TEXT_LIMITS.whenToUse)],
          contact: [text.contact, Validators.maxLength(TEXT_LIMITS.resourceContact)],
        });
      }),
    ),
  });

  protected audiencesError(): string {
    const group = this.form.controls.audiences;
    const server: unknown = group.errors?.['server'];
    if (typeof server === 'string') return this.i18n.t('staff.admin.resources.audiencesServer', { problem: server });
    return group.touched && !RESOURCE_AUDIENCES.some((audience) => group.controls[audience].value) ? this.i18n.t('staff.admin.resources.pickAudience') : '';
  }

  /** A problem in a tab that is not open would go unseen: open the first language with one. */
  private showFirstInvalidLanguage(): void {
    const english = this.form.controls.description.invalid || this.form.controls.whenToUse.invalid;
    if (english) return this.selectedTab.set(0);
    const index = RESOURCE_TRANSLATION_LANGUAGES.findIndex((language) => this.form.controls.translations.controls[language].invalid);
    if (index >= 0) this.selectedTab.set(index + 1);
  }

  protected submit(): void {
    this.problems.set([]);
    const value = this.form.getRawValue();
    const write = toResourceWrite(value, RESOURCE_AUDIENCES);
    this.form.controls.audiences.markAsTouched();
    if (this.form.invalid || !write.audiences.length) {
      this.form.markAllAsTouched();
      this.showFirstInvalidLanguage();
      return;
    }
    const entry = this.data.entry;
    let request: Observable<ResourceDirectoryEntry>;
    if (entry) {
      const changes = resourceChanges(entry, write);
      if (!changes) {
        this.ref.close();
        return;
      }
      request = this.api.update(entry.id, changes);
    } else {
      request = this.api.create(write);
    }
    this.saving.set(true);
    request.pipe(finalize(() => this.saving.set(false))).subscribe({
      next: (saved) => this.ref.close(saved),
      error: (error: unknown) => {
        const errors = validationErrors(error);
        if (errors) {
          const rest = applyServerErrors(this.form, errors);
          this.showFirstInvalidLanguage();
          this.problems.set(rest.length ? rest : [{ path: '', message: this.i18n.t('staff.admin.resources.needLook') }]);
        } else {
          // 409: that key is taken.
          this.problems.set([{ path: '', message: problemMessage(this.i18n, error, this.i18n.t('staff.admin.resources.saveFailed')) }]);
        }
      },
    });
  }
}
