import { HttpErrorResponse } from '@angular/common/http';
import { AbstractControl, FormArray, FormGroup } from '@angular/forms';
import type { ErrorResponse, FieldError, ValidationErrorResponse } from '@sg/contracts';

/** The field problems of a 400, or null when the error is something else. */
export function validationErrors(error: unknown): FieldError[] | null {
  if (!(error instanceof HttpErrorResponse) || error.status !== 400) return null;
  const body = error.error as Partial<ValidationErrorResponse> | null;
  return Array.isArray(body?.errors) ? body.errors : [];
}

/** A sentence for a failed request: the server's own message when it sent one. */
export function problemMessage(error: unknown, fallback = 'That did not work. Please try again.'): string {
  if (!(error instanceof HttpErrorResponse)) return fallback;
  if (error.status === 0 || error.status === 502 || error.status === 504) return 'The server cannot be reached right now. Please try again in a moment.';
  const body = error.error as Partial<ErrorResponse> | null;
  const message = typeof body?.message === 'string' ? body.message : Array.isArray(body?.message) ? String(body.message[0]) : null;
  if (error.status === 403) return message || 'Your role does not allow this.';
  return message || fallback;
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

/** The message for a field's first problem: "Description is required", or the server's words. */
export function controlError(control: AbstractControl | null, label: string): string {
  const errors = control?.errors;
  if (!errors) return '';
  if (typeof errors['server'] === 'string') return `${label} ${errors['server']}`;
  if (errors['required']) return `${label} is required`;
  if (errors['email']) return `${label} must be an email address`;
  if (errors['minlength']) return `${label} must be at least ${errors['minlength'].requiredLength} characters`;
  if (errors['maxlength']) return `${label} must be at most ${errors['maxlength'].requiredLength} characters`;
  if (errors['pattern']) return `${label} is not in the right form`;
  return `${label} needs a look`;
}
