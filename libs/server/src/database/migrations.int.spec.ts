import { DataSource } from 'typeorm';
import { createTestDatabase, firstRowOf, rowsOf, TestDatabase } from '../testing';
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
  const rows: { table_name: string }[] = await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
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
    const other = new DataSource(dataSourceOptions(db.ownerUrl));
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

  it('refuses the one-request-per-target rule over duplicate takedown requests, naming the case', async () => {
    await runMigrationsWithLock(db.dataSource);
    const [staff] = await rowsOf<{ id: string }>(db.dataSource, `SELECT id FROM staff_user LIMIT 1`);
    const caseRow = await firstRowOf<{ id: string }>(
      db.dataSource,
      `INSERT INTO support_case (reference, access_code_hash, status, priority, priority_rank, triage_priority, triage_factors, triaged_at, first_response_due_at,
         submitted_by, channel, age_band, country, self_harm, immediate_danger, demands, content_posted, contact_channel, consent_contact)
       VALUES ('SG-DUPE-0001', 'x', 'new', 'standard', 3, 'standard', '[]', now(), now(), 'victim', 'web', '18_plus', 'GB', 'none', false, '{}', 'no', 'none', false)
       RETURNING id`,
    );
    // Back to the schema before the rule, where the same URL could be requested twice.
    const before = MIGRATIONS.findIndex((migration) => migration.name === 'FollowUpRevisions1765100000000');
    for (let i = MIGRATIONS.length - 1; i >= before; i--) await db.dataSource.undoLastMigration({ transaction: 'each' });
    for (const url of ['https://example.com/p/1', ' HTTPS://example.com/p/1 ']) {
      await db.dataSource.query(`INSERT INTO takedown_request (case_id, platform, url, channel, created_by) VALUES ($1, 'Reddit', $2, 'platform_form', $3)`, [
        caseRow.id,
        url,
        staff?.id ?? null,
      ]);
    }

    await expect(runMigrationsWithLock(db.dataSource)).rejects.toThrow('SG-DUPE-0001: 2 requests to Reddit for');
    expect(await appliedMigrations(db.dataSource)).toEqual(migrationNames.slice(0, before));
  });
});
