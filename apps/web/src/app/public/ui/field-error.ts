import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { Translatable } from '@sg/domain';
import { TranslatePipe } from '../../system/i18n/translate.pipe';

/**
 * The message under a field that needs fixing. Its id goes in the field's aria-describedby;
 * the word "Error" and the icon mean it never relies on colour alone.
 */
@Component({
  selector: 'sg-field-error',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (message(); as message) {
      <p class="field-error" [id]="errorId()">
        <span aria-hidden="true">⚠ </span><span class="visually-hidden">{{ 'person.fields.error' | t }} </span>{{ message | t }}
      </p>
    }
  `,
})
export class FieldError {
  /** The message's element id, for aria-describedby (not `id`, which would also land on the host). */
  readonly errorId = input.required<string>();
  /**
   * A catalogue key with parameters (`person.errors.*`), said in the page's language. A plain
   * string is read as a key too (an unknown one shows as it is).
   */
  readonly message = input<Translatable | string | undefined>();
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
