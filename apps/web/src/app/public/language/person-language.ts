import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
// The language module alone, not the domain's barrel: the routes load this file on the first screen.
import { Language, PERSON_LANGUAGES, isLanguage, preferredLanguage } from '@sg/domain/language';
import { PERSON_CATALOGUES } from '@sg/i18n/person';
import { I18n } from '../../system/i18n/i18n';
import { PublicSessionStore } from '../session/public-session-store';

/** Kept in the tab only (quick exit clears it with everything else). */
export const LANGUAGE_KEY = 'language';

/** `/ms/help` for Malay, `/help` for English: the path of `path` in `language`. */
export function pathIn(language: Language, path: string): string {
  const bare = withoutLanguage(path);
  if (language === 'en') return bare;
  if (bare === '/') return `/${language}`;
  return `/${language}${bare.startsWith('/?') || bare.startsWith('/#') ? bare.slice(1) : bare}`;
}

/** `/es/my-case?x=1` → `/my-case?x=1`; `/ms` → `/`. */
export function withoutLanguage(path: string): string {
  const prefix = /^\/(?:ms|es)(?=[/?#]|$)/.exec(path);
  if (!prefix) return path || '/';
  const rest = path.slice(prefix[0].length);
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/** The public pages under a language prefix: load that language's words before showing them. */
export function speaks(language: Language): CanActivateFn {
  return async () => {
    inject(PublicSessionStore).write(LANGUAGE_KEY, language);
    await inject(I18n).use(language, 'person', PERSON_CATALOGUES[language]);
    return true;
  };
}

/**
 * The unprefixed (English) pages: a tab that chose another language, or a first visit whose
 * browser prefers Malay or Spanish, goes to that language's page; otherwise English.
 */
export const speaksTabOrBrowserLanguage: CanActivateFn = async (_route, state) => {
  const store = inject(PublicSessionStore);
  const chosen = store.read<string>(LANGUAGE_KEY);
  const language = isLanguage(chosen) ? chosen : preferredLanguage(globalThis.navigator?.languages ?? [], PERSON_LANGUAGES);
  if (language !== 'en') return inject(Router).parseUrl(pathIn(language, state.url));
  await inject(I18n).use('en', 'person', PERSON_CATALOGUES.en);
  return true;
};
