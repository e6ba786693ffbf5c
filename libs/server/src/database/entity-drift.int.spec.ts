import { createTestDatabase, TestDatabase } from '../testing';
import { runMigrationsWithLock } from './run-migrations';

/**
 * The entities must describe the schema the migrations build, exactly: a reader (and every plain
 * read or write through a TypeORM Repository) trusts them. TypeORM's schema builder compares the
 * two and, asked to `log()`, returns the statements it would run without running them; after the
 * real migrations on an empty database there must be none: every foreign key, index and CHECK
 * constraint a migration builds is declared on its entity (`@ManyToOne` + `@JoinColumn` with the
 * constraint's name, `@Index`, `@Check`, `@Unique`).
 *
 * What this cannot see (TypeORM 1.1 compares indexes by name, uniqueness, type and columns, and
 * CHECKs by name only; it does not read expression indexes or triggers): an index's WHERE, a CHECK's
 * expression, indexes declared `synchronize: false` (expression, operator-class and INCLUDE indexes)
 * and the triggers. docs/architecture.md lists them.
 */

describe('entities match the migrated schema', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
    await runMigrationsWithLock(db.dataSource);
  });

  afterAll(async () => {
    await db.drop();
  });

  it('TypeORM finds nothing to change', async () => {
    const pending = await db.dataSource.driver.createSchemaBuilder().log();
    // The message lists every statement, so a failure says which entity or migration to fix.
    expect({ drift: pending.upQueries.map((query) => query.query) }).toEqual({ drift: [] });
  });
});
