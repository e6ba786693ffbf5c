import { EnvironmentProviders, inject, provideEnvironmentInitializer } from '@angular/core';
import type { Language } from '@sg/domain';
import { CATALOGUES, compileIcu } from '@sg/i18n/server';
import { I18n, useIcuRuntime } from './i18n';

/**
 * For unit tests: the app speaks `language` from the first render, every catalogue part loaded
 * (`providers: [speakInTests()]`). English by default, so tests keep asserting the English words.
 */
export function speakInTests(language: Language = 'en'): EnvironmentProviders {
  return provideEnvironmentInitializer(() => {
    useIcuRuntime(compileIcu);
    inject(I18n).useLoaded(language, 'all', CATALOGUES[language]);
  });
}
