import { Pipe, PipeTransform, inject } from '@angular/core';
import type { Translatable, TranslatableParams } from '@sg/domain';
import { I18n } from './i18n';

/**
 * `{{ 'person.home.title' | t }}`, `{{ 'person.x' | t: { count: n } }}`, or `{{ step.title | t }}`
 * for a key with parameters from the domain. Not pure: the language can change under the same
 * arguments, and reading it through a signal is what re-renders the view.
 */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(key: string | Translatable, params?: TranslatableParams): string {
    return typeof key === 'string' ? this.i18n.t(key, params) : this.i18n.text(key);
  }
}
