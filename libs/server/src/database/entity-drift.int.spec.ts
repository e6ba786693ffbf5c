import { createTestDatabase, TestDatabase } from '../testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { runMigrationsWithLock } from './run-migrations';

/**
 * The entities must describe the schema the migrations build, exactly: a reader (and every plain
 * read or write through a TypeORM Repository) trusts them. TypeORM's schema builder compares the
 * two and, asked to `log()`, returns the statements it would run without running them; after the
 * real migrations on an empty database there must be none.
 *
 * `entity-drift.baseline.json` lists the statements still owed (foreign keys, indexes and CHECK
 * constraints the entities do not declare yet). It may only shrink: a statement outside it fails
 * (new drift), and so does a baseline entry that no longer occurs (remove it when fixed). When it
 * is empty, delete it and this test asserts no statements at all.
 */
const baseline = z.array(z.string()).parse(JSON.parse(readFileSync(join(__dirname, 'entity-drift.baseline.json'), 'utf8')));

describe('entities match the migrated schema', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    await runMigrationsWithLock(db.dataSource);
  });

  afterAll(async () => {
    await db.drop();
  });

  it('TypeORM finds nothing to change beyond the shrinking baseline', async () => {
    const pending = await db.dataSource.driver.createSchemaBuilder().log();
    const statements = pending.upQueries.map((query) => query.query);
    const owed = new Set<string>(baseline);
    // The messages list every statement, so a failure says which entity or migration to fix.
    expect({ newDrift: statements.filter((statement) => !owed.has(statement)) }).toEqual({ newDrift: [] });
    expect({ fixedButStillInBaseline: baseline.filter((statement) => !statements.includes(statement)) }).toEqual({
      fixedButStillInBaseline: [],
    });
  });
});
