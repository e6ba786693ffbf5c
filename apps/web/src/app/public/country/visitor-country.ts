import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { isCountryCode } from '@sg/domain/geo';
import { PublicSessionStore } from '../session/public-session-store';
import { guessCountry } from './country';

const KEY = 'country';

/**
 * The country whose helplines we show. Starts as a guess from the browser; once the person
 * picks one (on the first screen or in the form) every public page uses their choice.
 */
@Injectable({ providedIn: 'root' })
export class VisitorCountry {
  private readonly store = inject(PublicSessionStore);
  private readonly navigator = inject(DOCUMENT).defaultView?.navigator;
  private readonly current = signal<string | null>(this.initial());

  readonly country = this.current.asReadonly();

  set(country: string): void {
    if (!isCountryCode(country) || country === this.current()) return;
    this.current.set(country);
    this.store.write(KEY, country);
  }

  private initial(): string | null {
    const chosen = this.store.read<string>(KEY);
    if (isCountryCode(chosen)) return chosen;
    const languages = this.navigator?.languages?.length ? this.navigator.languages : [this.navigator?.language ?? ''];
    return guessCountry(languages.filter(Boolean));
  }
}
