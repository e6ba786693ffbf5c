import { DataSource, Migration } from 'typeorm';

/** Arbitrary constant: the advisory-lock key that serialises migration runs across processes. */
export const MIGRATION_LOCK_KEY = 7_462_001;

/**
 * Runs pending migrations while holding a PostgreSQL advisory lock, so the API and any number of
 * workers starting at the same moment migrate once, one after another, instead of racing.
 */
export async function runMigrationsWithLock(dataSource: DataSource): Promise<Migration[]> {
  const lockRunner = dataSource.createQueryRunner();
  await lockRunner.connect();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lockRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockRunner.release();
  }
}
