import type { Language } from '@sg/domain';
import type { Catalogue } from '../catalogue';

/**
 * The person's part of each catalogue, each language its own lazily loaded chunk. The named
 * import of the JSON's top-level `person` lets the bundler leave the dashboard's strings out of
 * what a person's phone downloads.
 */
export const PERSON_CATALOGUES: Readonly<Record<Language, () => Promise<Catalogue>>> = {
  en: () => import('./person-en').then((module) => module.default),
  ms: () => import('./person-ms').then((module) => module.default),
  es: () => import('./person-es').then((module) => module.default),
};
