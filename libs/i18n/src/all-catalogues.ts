import type { Language } from '@sg/domain';
import { Catalogue, flattenCatalogue, FlatCatalogue } from './catalogue';
import en from './catalogues/en.json';
import es from './catalogues/es.json';
import ms from './catalogues/ms.json';
import { compileIcu } from './icu';
import { Translator } from './translator';

/** Every catalogue whole, for the server (nudges, documents) and the tests. Not for the browser. */
export const CATALOGUES: Readonly<Record<Language, Catalogue>> = { en, ms, es };

const flat = new Map<Language, FlatCatalogue>();
function flatFor(language: Language): FlatCatalogue {
  let catalogue = flat.get(language);
  if (!catalogue) flat.set(language, (catalogue = flattenCatalogue(CATALOGUES[language])));
  return catalogue;
}

/** A translator with every key of a language, English behind it. */
export function translatorFor(language: Language, timeZone?: string): Translator {
  return new Translator(language, flatFor(language), { fallback: flatFor('en'), timeZone, icu: compileIcu });
}
