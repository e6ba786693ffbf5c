import { DataSource } from 'typeorm';
import { createTestDatabase, TestDatabase } from '../testing';
import { dataSourceOptions } from './data-source-options';
import { MIGRATIONS } from './migrations';
import { runMigrationsWithLock } from './run-migrations';

/** Every table, column, type, nullability and default in `public`: what a migration changes. */
async function schemaOf(dataSource: DataSource): Promise<string[]> {
  const rows: { line: string }[] = await dataSource.query(`
    SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS line
    FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1`);
  return rows.map((row) => row.line);
}

async function tablesOf(dataSource: DataSource): Promise<string[]> {
  const rows: { table_name: string }[] = await dataSource.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
  );
  return rows.map((row) => row.table_name);
}

async function appliedMigrations(dataSource: DataSource): Promise<string[]> {
  const rows: { name: string }[] = await dataSource.query(`SELECT name FROM migrations ORDER BY id`);
  return rows.map((row) => row.name);
}

const migrationNames = MIGRATIONS.map((migration) => migration.name);

describe('database migrations', () => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = await createTestDatabase({ migrate: false });
  });

  afterEach(async () => {
    await db.drop();
  });

  it('apply on an empty database, each recorded once', async () => {
    expect(await tablesOf(db.dataSource)).toEqual([]);

    const applied = await runMigrationsWithLock(db.dataSource);

    expect(applied.map((migration) => migration.name)).toEqual(migrationNames);
    expect(await appliedMigrations(db.dataSource)).toEqual(migrationNames);
    expect(await tablesOf(db.dataSource)).toEqual(expect.arrayContaining(['organisation', 'staff_user', 'worker_heartbeat']));
    // A second run (the next process to start) finds nothing left to do.
    expect(await runMigrationsWithLock(db.dataSource)).toEqual([]);
  });

  it('apply each migration once when two processes start at the same moment', async () => {
    // Two DataSources = two pools, as the API and a worker starting together would have.
    const other = new DataSource(dataSourceOptions(db.url));
    await other.initialize();
    try {
      const [first, second] = await Promise.all([runMigrationsWithLock(db.dataSource), runMigrationsWithLock(other)]);

      expect([...first, ...second].map((migration) => migration.name).sort()).toEqual([...migrationNames].sort());
      expect(await appliedMigrations(db.dataSource)).toEqual(migrationNames);
    } finally {
      await other.destroy();
    }
  });

  it('revert completely and re-apply to the same schema', async () => {
    await runMigrationsWithLock(db.dataSource);
    const migratedSchema = await schemaOf(db.dataSource);

    for (let i = 0; i < MIGRATIONS.length; i++) {
      await db.dataSource.undoLastMigration({ transaction: 'each' });
    }
    // Only TypeORM's bookkeeping table may remain, and it must be empty.
    expect(await tablesOf(db.dataSource)).toEqual(['migrations']);
    expect(await appliedMigrations(db.dataSource)).toEqual([]);

    await runMigrationsWithLock(db.dataSource);
    expect(await schemaOf(db.dataSource)).toEqual(migratedSchema);
  });
});
