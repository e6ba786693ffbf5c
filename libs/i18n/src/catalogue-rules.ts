import { LANGUAGES, Language, STAFF_LANGUAGES, isOneOf } from '@sg/domain';
import { IntlMessageFormat } from 'intl-messageformat';
import { Catalogue, flattenCatalogue, Surface, SURFACES } from './catalogue';

/** Which languages each part of the catalogue must be complete in. */
export const SURFACE_LANGUAGES: Readonly<Record<Surface, readonly Language[]>> = {
  person: LANGUAGES,
  staff: STAFF_LANGUAGES,
};

export interface CatalogueProblem {
  language: Language;
  key: string;
  problem: 'missing' | 'not in English' | 'does not parse' | 'placeholders differ' | 'same as English' | 'unknown surface';
  detail?: string;
}

type ArgumentElement = { type: number; value?: string; options?: Record<string, { value: ArgumentElement[] }>; children?: ArgumentElement[] };

/** The argument names a message uses (`{name}`, `{count, plural, …}`), nested ones included. */
export function argumentNames(source: string, locale: string): Set<string> {
  const names = new Set<string>();
  const visit = (elements: readonly ArgumentElement[]): void => {
    for (const element of elements) {
      // Literal (0) and pound (7) carry no name; tags (8) only children.
      if (element.type !== 0 && element.type !== 7 && element.type !== 8 && element.value) names.add(element.value);
      for (const option of Object.values(element.options ?? {})) visit(option.value);
      if (element.children) visit(element.children);
    }
  };
  visit(new IntlMessageFormat(source, locale, undefined, { ignoreTag: true }).getAst());
  return names;
}

const hasLetters = (text: string) => /\p{L}/u.test(text.replace(/\{[^{}]*\}/g, ''));

/**
 * Everything wrong with the catalogues: a key missing in a language its surface needs, a key
 * English does not have, a message that does not parse, placeholders that differ from English,
 * and a "translation" identical to English that is not on the allowlist.
 */
export function catalogueProblems(catalogues: Readonly<Record<Language, Catalogue>>, sameAsEnglish: ReadonlySet<string>): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const english = flattenCatalogue(catalogues.en);
  for (const [key, source] of english) {
    try {
      argumentNames(source, 'en');
    } catch (error) {
      problems.push({ language: 'en', key, problem: 'does not parse', detail: String(error) });
    }
  }
  for (const language of LANGUAGES) {
    if (language === 'en') continue;
    const own = flattenCatalogue(catalogues[language]);
    for (const key of own.keys()) if (!english.has(key)) problems.push({ language, key, problem: 'not in English' });
    for (const [key, source] of english) {
      const surface = key.split('.')[0];
      const needed = isOneOf(SURFACES, surface) ? SURFACE_LANGUAGES[surface] : undefined;
      if (!needed) {
        if (language === LANGUAGES[1]) problems.push({ language: 'en', key, problem: 'unknown surface' });
        continue;
      }
      if (!needed.includes(language)) continue;
      const translation = own.get(key);
      if (translation === undefined) {
        problems.push({ language, key, problem: 'missing' });
        continue;
      }
      let names: Set<string>;
      try {
        names = argumentNames(translation, language);
      } catch (error) {
        problems.push({ language, key, problem: 'does not parse', detail: String(error) });
        continue;
      }
      let englishNames: Set<string>;
      try {
        englishNames = argumentNames(source, 'en');
      } catch {
        continue;
      }
      const differ = [...names].some((name) => !englishNames.has(name)) || [...englishNames].some((name) => !names.has(name));
      if (differ) problems.push({ language, key, problem: 'placeholders differ', detail: `${[...englishNames].join(',')} vs ${[...names].join(',')}` });
      if (translation === source && hasLetters(source) && !sameAsEnglish.has(key)) problems.push({ language, key, problem: 'same as English' });
    }
  }
  return problems;
}
