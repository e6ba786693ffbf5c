import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * The message under a field that needs fixing. Its id goes in the field's aria-describedby;
 * the word "Error" and the icon mean it never relies on colour alone.
 */
@Component({
  selector: 'sg-field-error',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (message(); as message) {
      <p class="field-error" [id]="errorId()"><span aria-hidden="true">⚠ </span><span class="visually-hidden">Error: </span>{{ message }}</p>
    }
  `,
})
export class FieldError {
  /** The message's element id, for aria-describedby (not `id`, which would also land on the host). */
  readonly errorId = input.required<string>();
  readonly message = input<string | undefined>();
}

/** aria-describedby for a field: its hint (if any) and its error (if any), or null for neither. */
export function describedBy(id: string, hasError: boolean, hint = false): string | null {
  const ids = [hint ? `${id}-hint` : '', hasError ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : null;
}

/** A stable element id for a form path: `where.platforms[1].profileUrl` → `f-where-platforms-1-profileUrl`. */
export function fieldId(formPath: string): string {
  return 'f-' + formPath.replace(/[[\].]+/g, '-').replace(/-$/, '');
}
