import { DataSourceOptions } from 'typeorm';
import { keepConnectionErrorsHandled, ignorePoolError } from './connection-errors';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/**
 * The one description of our database, shared by Nest, the worker, tests and the migration CLI.
 * `session` carries per-process PostgreSQL settings (a worker's synchronous_commit, see workerConfig).
 */
export function dataSourceOptions(databaseUrl: string, session: { options?: string } = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    // Schema changes only ever happen through reviewed migrations.
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    // A small pool per process: the API and each worker share one PostgreSQL. A lost connection
    // (a PostgreSQL restart) is logged, never an uncaught 'error' (connection-errors.ts).
    extra: { max: 10, ...session, onConnect: keepConnectionErrorsHandled },
    poolErrorHandler: ignorePoolError,
  };
}
