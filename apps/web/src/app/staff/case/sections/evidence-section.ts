import { TEXT_LIMITS } from '@sg/contracts';
import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { FormArray, FormBuilder, ReactiveFormsModule, Validators, FormGroupDirective } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import type { EvidenceEntry, EvidenceInput, EvidenceKind, EvidenceUpdate, FieldError } from '@sg/contracts';
import { EVIDENCE_KINDS } from '../../data-access/staff-contract';
import { finalize } from 'rxjs';
import { applyServerErrors, controlErrors, validationErrors } from '../../ui/http-errors';
import { EVIDENCE_KIND_LABELS } from '../../ui/labels';
import { CaseStore } from '../case-store';
import { fromDateTimeLocal, toDateTimeLocal } from './datetime-local';
import { canFingerprint, sha256Hex } from './file-fingerprint';
import { WhenPipe } from '../../ui/when';
import { TranslatePipe } from '../../../system/i18n/translate.pipe';
import { I18n } from '../../../system/i18n/i18n';
import { PlatformPipe } from '../../ui/platform-pipe';
import {
  EVIDENCE_IDENTIFIER_KINDS,
  IdentifierRow,
  MAX_IDENTIFIER_ROWS,
  identifierProblemIn,
  identifierRow,
  identifierRowsOf,
  identifiersOfRows,
  matchedForm,
} from './evidence-identifier-rows';

/**
 * Evidence as structured text. A screenshot or file is represented by its SHA-256, computed in
 * this browser: the file itself never leaves the computer (the product must not hold images).
 * Each entry carries typed identifiers (rows of kind + value, checked as typed), and can be
 * edited (the same form, filled in) or removed (after a confirmation in place); both are audited.
 */
@Component({
  selector: 'sg-evidence-section',
  imports: [PlatformPipe, WhenPipe, TranslatePipe, ReactiveFormsModule, MatFormField, MatLabel, MatInput, MatSelect, MatOption, MatError, MatHint, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './section.scss',
  templateUrl: './evidence-section.html',
  styles: `
    .evidence {
      list-style: none;
      margin: 0 0 16px;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    .evidence li {
      padding: 8px 12px;
      border-radius: 8px;
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .evidence p {
      margin: 0;
    }
    .kind {
      font: var(--mat-sys-label-large);
    }
    .fingerprint {
      grid-column: 1 / -1;
      display: grid;
      gap: 6px;
      padding: 10px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
    }
    .fingerprint p {
      margin: 0;
    }
    .file-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    input[type='file'] {
      min-height: 32px;
    }
    .identifier-rows {
      grid-column: 1 / -1;
      display: grid;
      gap: 8px;
      margin: 0;
      padding: 0;
      border: 0;
    }
    .identifier-rows legend {
      font: var(--mat-sys-title-small);
      padding: 0;
    }
    .identifier-row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: flex-start;
    }
    .identifier-row .kind {
      flex: 0 1 220px;
    }
    .identifier-row .value {
      flex: 1 1 240px;
    }
    .identifier-row .kept {
      align-self: center;
      flex: 1 1 240px;
      margin: 0;
    }
    .evidence .entry-identifiers {
      margin: 0;
      padding-left: 20px;
    }
    .evidence .entry-identifiers li {
      border: 0;
      padding: 0;
      border-radius: 0;
    }
    .entry-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-top: 4px;
      align-items: center;
    }
    .confirm {
      display: grid;
      gap: 6px;
      margin-top: 6px;
    }
  `,
})
export class EvidenceSection {
  /** Reset through the directive too: a plain reset leaves it "submitted", and Material then shows "is required" on the empty form. */
  private readonly formDirective = viewChild(FormGroupDirective);
  private readonly store = inject(CaseStore);
  private readonly i18n = inject(I18n);
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');
  protected readonly kinds = EVIDENCE_KINDS.map((value) => ({ value, label: EVIDENCE_KIND_LABELS[value] }));
  protected readonly kindLabels = EVIDENCE_KIND_LABELS;
  protected readonly evidence = computed(() => [...(this.store.detail()?.evidence ?? [])].sort((a, b) => Date.parse(b.addedAt) - Date.parse(a.addedAt)));
  protected readonly hashing = signal(false);
  protected readonly fingerprint = signal<{ sha256: string; fileName: string } | null>(null);
  protected readonly fingerprintProblem = signal<string | null>(null);
  protected readonly canHash = canFingerprint();
  protected readonly saving = signal(false);
  protected readonly problems = signal<FieldError[]>([]);
  protected readonly error = controlErrors();
  /** The entry being edited (the form below holds it), or null when the form adds new evidence. */
  protected readonly editing = signal<EvidenceEntry | null>(null);
  /** The entry whose removal waits for a yes. */
  protected readonly confirmingRemoval = signal<string | null>(null);
  protected readonly identifierKinds = EVIDENCE_IDENTIFIER_KINDS;
  protected readonly maxIdentifierRows = MAX_IDENTIFIER_ROWS;
  protected readonly matchedForm = matchedForm;
  protected readonly identifierProblem = (control: IdentifierRow['controls']['value']) => identifierProblemIn(this.i18n, control);
  private readonly formTitle = viewChild<ElementRef<HTMLElement>>('formTitle');

  protected readonly form = inject(FormBuilder).nonNullable.group({
    kind: ['threat_message' as EvidenceKind, Validators.required],
    platform: ['', Validators.maxLength(TEXT_LIMITS.platform)],
    offenderHandle: ['', Validators.maxLength(TEXT_LIMITS.offenderHandle)],
    profileUrl: ['', Validators.maxLength(TEXT_LIMITS.url)],
    description: ['', [Validators.required, Validators.maxLength(TEXT_LIMITS.evidenceDescription)]],
    paymentReference: ['', Validators.maxLength(TEXT_LIMITS.paymentReference)],
    seenAt: '',
    sha256: '',
    fileName: '',
    identifiers: new FormArray<IdentifierRow>([]),
  });

  protected get identifierRows(): FormArray<IdentifierRow> {
    return this.form.controls.identifiers;
  }

  protected addIdentifierRow(): void {
    if (this.identifierRows.length >= MAX_IDENTIFIER_ROWS) return;
    this.identifierRows.push(identifierRow());
  }

  protected removeIdentifierRow(index: number): void {
    this.identifierRows.removeAt(index);
  }

  /** Fills the form with the entry and moves there; saving replaces it (PUT). */
  protected edit(entry: EvidenceEntry): void {
    this.problems.set([]);
    this.confirmingRemoval.set(null);
    this.editing.set(entry);
    this.form.reset();
    this.form.patchValue({
      kind: entry.kind,
      platform: entry.platform ?? '',
      offenderHandle: entry.offenderHandle ?? '',
      profileUrl: entry.profileUrl ?? '',
      description: entry.description,
      paymentReference: entry.paymentReference ?? '',
      seenAt: entry.seenAt ? toDateTimeLocal(entry.seenAt) : '',
      sha256: entry.sha256 ?? '',
      fileName: entry.fileName ?? '',
    });
    this.identifierRows.clear();
    for (const row of identifierRowsOf(entry.identifiers)) this.identifierRows.push(row);
    this.fingerprint.set(entry.sha256 ? { sha256: entry.sha256, fileName: entry.fileName ?? '' } : null);
    this.formTitle()?.nativeElement.focus();
  }

  protected cancelEdit(): void {
    this.editing.set(null);
    this.clearForm();
  }

  protected askRemoval(entry: EvidenceEntry): void {
    this.confirmingRemoval.set(entry.id);
  }

  protected remove(entry: EvidenceEntry): void {
    this.saving.set(true);
    this.store
      .removeEvidence(entry.id)
      .pipe(finalize(() => this.saving.set(false)))
      .subscribe({
        complete: () => {
          this.confirmingRemoval.set(null);
          if (this.editing()?.id === entry.id) this.cancelEdit();
        },
      });
  }

  private clearForm(): void {
    const directive = this.formDirective();
    if (directive) directive.resetForm();
    else this.form.reset();
    this.identifierRows.clear();
    this.fingerprint.set(null);
    this.problems.set([]);
    const input = this.fileInput()?.nativeElement;
    if (input) input.value = '';
  }

  protected async fingerprintFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    this.fingerprint.set(null);
    this.fingerprintProblem.set(null);
    if (!file) return;
    this.hashing.set(true);
    try {
      const sha256 = await sha256Hex(file);
      this.fingerprint.set({ sha256, fileName: file.name });
      this.form.patchValue({ sha256, fileName: file.name.slice(0, 255) });
    } catch {
      this.fingerprintProblem.set(this.i18n.t('staff.case.evidence.fingerprintFailed'));
    } finally {
      this.hashing.set(false);
      // Drop the browser's reference to the file: only the hash is kept.
      input.value = '';
    }
  }

  protected clearFingerprint(): void {
    this.fingerprint.set(null);
    this.form.patchValue({ sha256: '', fileName: '' });
  }

  protected submit(): void {
    this.problems.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    const evidence: EvidenceInput = { kind: value.kind, description: value.description.trim() };
    const optional = ['platform', 'offenderHandle', 'profileUrl', 'paymentReference', 'sha256', 'fileName'] as const;
    for (const key of optional) {
      const text = value[key].trim();
      if (text) evidence[key] = text;
    }
    const seenAt = fromDateTimeLocal(value.seenAt);
    if (seenAt) evidence.seenAt = seenAt;
    const identifiers = identifiersOfRows(this.identifierRows);
    const editing = this.editing();

    this.saving.set(true);
    const request = editing
      ? this.store.updateEvidence(editing.id, { ...evidence, identifiers } satisfies EvidenceUpdate)
      : this.store.addEvidence(identifiers.length ? { ...evidence, identifiers: identifiers.filter((i) => 'kind' in i) } : evidence);
    request.pipe(finalize(() => this.saving.set(false))).subscribe({
      next: () => {
        this.editing.set(null);
        this.clearForm();
      },
      error: (error: unknown) => this.problems.set(applyServerErrors(this.form, validationErrors(error) ?? [])),
    });
  }
}
