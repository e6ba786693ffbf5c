import { DataSourceOptions } from 'typeorm';
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
    // A small pool per process: the API and each worker share one PostgreSQL.
    extra: { max: 10, ...session },
  };
}
