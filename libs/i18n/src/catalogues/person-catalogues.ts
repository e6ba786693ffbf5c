import type { Language } from '@sg/domain';
import type { Catalogue } from '../catalogue';

/**
 * The person's part of each catalogue, each language its own lazily loaded chunk, written out
 * from the catalogues (`catalogues/browser/`, see catalogue-split.ts) so a person's phone never
 * downloads the dashboard's words.
 */
export const PERSON_CATALOGUES: Readonly<Record<Language, () => Promise<Catalogue>>> = {
  en: () => import('./person-en').then((module) => module.default),
  ms: () => import('./person-ms').then((module) => module.default),
  es: () => import('./person-es').then((module) => module.default),
};
