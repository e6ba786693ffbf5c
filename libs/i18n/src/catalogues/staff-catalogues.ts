import type { StaffLanguage } from '@sg/domain';
import type { Catalogue } from '../catalogue';

/** The dashboard's part of each staff language's catalogue, loaded when a staff member signs in. */
export const STAFF_CATALOGUES: Readonly<Record<StaffLanguage, () => Promise<Catalogue>>> = {
  en: () => import('./staff-en').then((module) => module.default),
  ms: () => import('./staff-ms').then((module) => module.default),
};
