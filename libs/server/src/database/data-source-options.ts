import { DataSourceOptions } from 'typeorm';
import { AfterCommitSubscriber } from './after-commit';
import { keepConnectionErrorsHandled, ignorePoolError } from './connection-errors';
import { MIGRATIONS } from './migrations';

/**
 * The one description of our database, shared by Nest, the worker, tests and the migration CLI.
 * `session` carries per-process PostgreSQL settings (a worker's synchronous_commit, see workerConfig);
 * `poolSize` is DATABASE_POOL_SIZE for the API and workers, 10 for tools and tests.
 * No entities: they are composition (src/entities.ts). The API and worker register them through
 * EntitiesModule; the tools (migrations, audit-verify, keys:rotate-status) read and write with SQL only.
 */
export function dataSourceOptions(databaseUrl: string, session: { options?: string } = {}, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    migrations: MIGRATIONS,
    // Schema changes only ever happen through reviewed migrations.
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    // A small pool per process: the API and each worker share one PostgreSQL (under a live
    // conversation load the API's requests waited for a connection at 10; DATABASE_POOL_SIZE).
    // A lost connection (a PostgreSQL restart) is logged, never an uncaught 'error' (connection-errors.ts).
    extra: { max: poolSize, ...session, onConnect: keepConnectionErrorsHandled },
    poolErrorHandler: ignorePoolError,
    // What must wait for a commit (live-event NOTIFYs) runs after it: after-commit.ts.
    subscribers: [AfterCommitSubscriber],
  };
}
