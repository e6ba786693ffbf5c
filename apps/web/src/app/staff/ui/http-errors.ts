import { HttpErrorResponse } from '@angular/common/http';
import { inject } from '@angular/core';
import { AbstractControl, FormArray, FormGroup } from '@angular/forms';
import type { FieldError } from '@sg/contracts';
import { I18n } from '../../system/i18n/i18n';
import type { Speaks } from './speaks';
import { isRecord } from '@sg/domain';

/** The field problems of a 400, or null when the error is something else. */
export function validationErrors(error: unknown): FieldError[] | null {
  if (!(error instanceof HttpErrorResponse) || error.status !== 400) return null;
  const body: unknown = error.error;
  return isRecord(body) && Array.isArray(body['errors']) ? fieldErrors(body['errors']) : [];
}

/**
 * A sentence for a failed request in the reader's language: the server's own message when it sent
 * one, else `fallback` (already said by the caller), else "That did not work. Please try again.".
 */
export function problemMessage(say: Speaks, error: unknown, fallback?: string): string {
  const otherwise = () => fallback ?? say.t('staff.errors.failed');
  if (!(error instanceof HttpErrorResponse)) return otherwise();
  if (error.status === 0 || error.status === 502 || error.status === 504) return say.t('staff.errors.unreachable');
  const body: unknown = error.error;
  const said = isRecord(body) ? body['message'] : undefined;
  const first: unknown = Array.isArray(said) ? said[0] : undefined;
  const message = typeof said === 'string' ? said : Array.isArray(said) ? (typeof first === 'string' ? first : (JSON.stringify(first) ?? 'undefined')) : null;
  if (error.status === 403) return message || say.t('staff.errors.forbidden');
  return message || otherwise();
}

/** `platforms[0].profileUrl` → ['platforms', 0, 'profileUrl'] */
export function pathSegments(path: string): Array<string | number> {
  return path
    .split(/[.[\]]/)
    .filter(Boolean)
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Puts each server problem on the control it names (shown by the field's mat-error) and returns
 * the ones no control matches, for a summary above the form.
 */
export function applyServerErrors(form: FormGroup | FormArray, errors: readonly FieldError[]): FieldError[] {
  const unmatched: FieldError[] = [];
  for (const problem of errors) {
    const control = problem.path ? form.get(pathSegments(problem.path)) : null;
    if (control && control !== form) {
      control.setErrors({ ...(control.errors ?? {}), server: problem.message });
      control.markAsTouched();
    } else {
      unmatched.push(problem);
    }
  }
  return unmatched;
}

/**
 * The message for a field's first problem as one sentence of the reader's language, the field's
 * (already said) name inside it: "Description is required" / "Description diperlukan". The
 * server's words come after the name as the server wrote them.
 */
export function controlErrorIn(say: Speaks, control: AbstractControl | null, field: string): string {
  const errors = control?.errors;
  if (!errors) return '';
  if (typeof errors['server'] === 'string') return say.t('staff.errors.server', { field, problem: errors['server'] });
  if (errors['required']) return say.t('staff.errors.required', { field });
  if (errors['email']) return say.t('staff.errors.email', { field });
  if (errors['minlength']) return say.t('staff.errors.minLength', { field, count: requiredLength(errors['minlength']) });
  if (errors['maxlength']) return say.t('staff.errors.maxLength', { field, count: requiredLength(errors['maxlength']) });
  if (errors['pattern']) return say.t('staff.errors.pattern', { field });
  return say.t('staff.errors.other', { field });
}

/**
 * For a component with a form: `protected readonly error = controlErrors();` (a field, so it runs
 * where `inject` works), then `error(form.get('x'), label)` in the template, in the reader's language.
 */
export function controlErrors(): (control: AbstractControl | null, field: string) => string {
  const i18n = inject(I18n);
  return (control, field) => controlErrorIn(i18n, control, field);
}

/** The length a minlength/maxlength error names (Angular types ValidationErrors' values `any`). */
function requiredLength(error: unknown): number | string {
  const length = isRecord(error) ? error['requiredLength'] : undefined;
  return typeof length === 'number' ? length : '';
}

/** A 400's `errors`, as the API sends them (FieldError: path and message, a code when it has one). */
function fieldErrors(items: unknown[]): FieldError[] {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- the API's ValidationErrorResponse (its contract) lists FieldErrors; the page only reads path and message, each checked where it is shown.
  return items as FieldError[];
}
