import { InitialSchema1763800000000 } from './1763800000000-initial-schema';

/**
 * Every migration, in order. Listed explicitly (not globbed) because the API and worker are
 * bundled, so migration files are not on disk beside them at run time.
 */
export const MIGRATIONS = [InitialSchema1763800000000];
