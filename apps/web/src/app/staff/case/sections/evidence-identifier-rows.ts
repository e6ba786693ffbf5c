import { AbstractControl, FormArray, FormControl, FormGroup, ValidationErrors, ValidatorFn } from '@angular/forms';
import type { EvidenceIdentifier, EvidenceUpdate } from '@sg/contracts';
// Its own entry, not the domain barrel: the phone library comes with it, and this is the lazily loaded case page.
import { IDENTIFIER_KINDS, IDENTIFIER_MAX_LENGTH, IdentifierKind, IdentifierProblem, normaliseIdentifier } from '@sg/domain/identifiers';
import type { Speaks } from '../../ui/speaks';

/**
 * The evidence form's identifier rows: a kind and a value each, checked in the browser with the
 * same normaliser the server uses (so the server's 400 is the exception, not the way to learn).
 * A secret already recorded (a gift-card code) cannot be shown again: its row is `keep` (the
 * identifier's id), read-only, and goes back as `{ keep }`.
 */
export type IdentifierRow = FormGroup<{
  kind: FormControl<IdentifierKind>;
  value: FormControl<string>;
  keep: FormControl<string | null>;
}>;

export const EVIDENCE_IDENTIFIER_KINDS: readonly IdentifierKind[] = IDENTIFIER_KINDS;
/** The most rows one piece of evidence takes (the request schema's limit). */
export const MAX_IDENTIFIER_ROWS = 20;

/** The row's value, as the server would take it for the row's kind; a kept row is always valid. */
export const identifierValueValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const row = control.parent;
  if (!row || row.get('keep')?.value) return null;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- the kind control is a select of IDENTIFIER_KINDS (Angular types an untyped group's values `any`).
  const kind = row.get('kind')?.value as IdentifierKind;
  const result = normaliseIdentifier(kind, String(control.value ?? ''));
  return result.ok ? null : { identifier: { problem: result.problem, kind } };
};

export function identifierRow(initial: { kind?: IdentifierKind; value?: string; keep?: string | null } = {}): IdentifierRow {
  const row: IdentifierRow = new FormGroup({
    kind: new FormControl<IdentifierKind>(initial.kind ?? 'handle', { nonNullable: true }),
    value: new FormControl<string>(initial.value ?? '', { nonNullable: true, validators: identifierValueValidator }),
    keep: new FormControl<string | null>(initial.keep ?? null),
  });
  // A new kind judges the same value anew (a wallet is not a handle); a server error goes with it.
  row.controls.kind.valueChanges.subscribe(() => row.controls.value.updateValueAndValidity());
  if (initial.keep) {
    row.controls.kind.disable();
    row.controls.value.disable();
  }
  row.controls.value.updateValueAndValidity();
  return row;
}

/** Rows for an entry being edited: what it holds, a secret kept as it is (its value is not known here). */
export function identifierRowsOf(identifiers: readonly EvidenceIdentifier[]): IdentifierRow[] {
  return identifiers.map((identifier) =>
    identifier.secret
      ? identifierRow({ kind: identifier.kind, value: '', keep: identifier.id })
      : identifierRow({ kind: identifier.kind, value: identifier.value }),
  );
}

/** What the rows say, for the request: a kept secret as `{ keep }`, any other row as typed. */
export function identifiersOfRows(rows: FormArray<IdentifierRow>): NonNullable<EvidenceUpdate['identifiers']> {
  return rows.controls.map((row) => {
    const keep = row.controls.keep.value;
    return keep ? { keep } : { kind: row.controls.kind.value, value: row.controls.value.value.trim() };
  });
}

/** The form a row's value is matched in, to show beside it; null for a secret, a kept row or a value not yet valid. */
export function matchedForm(row: IdentifierRow): string | null {
  if (row.controls.keep.value) return null;
  const result = normaliseIdentifier(row.controls.kind.value, row.controls.value.value);
  return result.ok && !result.secret && result.value !== row.controls.value.value.trim() ? result.value : null;
}

/** The row's value problem in the reader's language, naming what the kind needs; '' when none. */
export function identifierProblemIn(say: Speaks, control: AbstractControl): string {
  const errors = control.errors;
  if (!errors) return '';
  if (typeof errors['server'] === 'string')
    return say.t('staff.errors.server', { field: say.t('staff.case.evidence.identifierValue'), problem: errors['server'] });
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- set by identifierValueValidator above, in this shape (ValidationErrors' values are `any`).
  const problem = errors['identifier'] as { problem: IdentifierProblem; kind: IdentifierKind } | undefined;
  if (!problem) return say.t('staff.errors.other', { field: say.t('staff.case.evidence.identifierValue') });
  if (problem.problem === 'malformed') return say.t(`staff.case.evidence.identifierProblems.malformed.${problem.kind}`);
  if (problem.problem === 'too_long') return say.t('staff.case.evidence.identifierProblems.too_long', { max: IDENTIFIER_MAX_LENGTH });
  return say.t('staff.case.evidence.identifierProblems.empty');
}
