import { assertSchemaCompatibility, runMigrations as runBullmqMigrations, SchemaMigrationRequiredError } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { QUEUE_TABLE_VACUUM, CHURNING_QUEUE_TABLES } from '../queue/postgres-queue-tuning';
import { BULLMQ_SCHEMA } from '../queue/queue-connection';

/**
 * Tables the application role may only read and append to: the audit log and its seals.
 * Everything else in the schema gets the DML the app needs (and nothing more: no TRUNCATE,
 * REFERENCES or TRIGGER), so a stolen application connection cannot rewrite history.
 */
export const APPEND_ONLY_TABLES = ['audit_log', 'audit_seal'] as const;

/** The user name in a postgres:// URL (the role that connection runs as). */
export function roleOfUrl(url: string): string {
  return decodeURIComponent(new URL(url).username) || 'postgres';
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Run by the owner after its migrations (and on every start, so it is idempotent): gives the
 * application role what it needs on every table that exists now, and, through default
 * privileges, on every table and sequence the owner creates later (in `public` and BullMQ's schema).
 */
export async function grantApplicationRole(manager: EntityManager, appRole: string): Promise<void> {
  const app = quoteIdentifier(appRole);
  const statements = [
    `GRANT USAGE ON SCHEMA public TO ${app}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
    // The migration ledger is the owner's business.
    `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON TABLE migrations FROM ${app}`,
  ];
  for (const table of APPEND_ONLY_TABLES) {
    const [found] = await manager.query<Array<{ exists: boolean }>>(`SELECT to_regclass($1) IS NOT NULL AS exists`, [table]);
    if (found?.exists) statements.push(`REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON TABLE ${table} FROM ${app}`);
  }
  const bullmq = await manager.query<Array<{ exists: boolean }>>(`SELECT to_regnamespace($1) IS NOT NULL AS exists`, [BULLMQ_SCHEMA]);
  if (bullmq[0]?.exists) {
    const schema = quoteIdentifier(BULLMQ_SCHEMA);
    statements.push(
      // CREATE too: BullMQ makes a job-id sequence per queue the first time a job is added to it.
      // Only in BullMQ's schema; the application's tables stay out of reach.
      `GRANT USAGE, CREATE ON SCHEMA ${schema} TO ${app}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${app}`,
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${app}`,
      `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${schema} TO ${app}`,
      `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON TABLE ${schema}.migration FROM ${app}`,
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${schema} GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
    );
  }
  for (const statement of statements) await manager.query(statement);
}

/**
 * With MIGRATIONS_RUN=false on the PostgreSQL queue backend: that BullMQ's schema is there, read
 * without a lock. `main.js migrate` run with REDIS_URL set (the Redis backend) does not make it;
 * the app would then log that it listens and answer 503 on /api/health for ever, saying why only there.
 */
export async function assertQueueSchema(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- TypeORM types connect() as `any`; for PostgreSQL it answers the pg client BullMQ's schema check takes.
    const client = (await runner.connect()) as Parameters<typeof assertSchemaCompatibility>[0];
    await assertSchemaCompatibility(client, BULLMQ_SCHEMA);
  } catch (error) {
    if (!(error instanceof SchemaMigrationRequiredError)) throw error;
    throw new Error(
      `BullMQ's PostgreSQL schema "${BULLMQ_SCHEMA}" is missing. REDIS_URL is unset, so the queues live in PostgreSQL, and ` +
        'MIGRATIONS_RUN=false leaves making it to `node main.js migrate`, which must run with the same REDIS_URL (unset) as the ' +
        'API and workers. Run that, or start with MIGRATIONS_RUN=true.',
      { cause: error },
    );
  } finally {
    await runner.release();
  }
}

/** True when `role` is a superuser (or does not exist): then no grant or trigger binds it. */
export async function isSuperuser(manager: EntityManager, role: string): Promise<boolean> {
  const [row] = await manager.query<Array<{ rolsuper: boolean }>>(`SELECT rolsuper FROM pg_roles WHERE rolname = $1`, [role]);
  return row?.rolsuper ?? true;
}

/**
 * BullMQ's PostgreSQL schema, created or upgraded by the owner (the application role may not run
 * DDL, so its queue connections only check the schema). Then the vacuum settings of the tables
 * BullMQ rewrites all day (queue/postgres-queue-tuning.ts says why). Both are idempotent, and
 * BullMQ's own migrations run under its own advisory lock.
 */
export async function migrateQueueSchema(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- TypeORM types connect() as `any`; for PostgreSQL it answers the pg client BullMQ's migrations take.
    const client = (await runner.connect()) as Parameters<typeof runBullmqMigrations>[0];
    await runBullmqMigrations(client, BULLMQ_SCHEMA);
    for (const table of CHURNING_QUEUE_TABLES) {
      const name = `${quoteIdentifier(BULLMQ_SCHEMA)}.${quoteIdentifier(table)}`;
      const [row] = await runner.manager.query<Array<{ reloptions: string[] | null }>>(`SELECT reloptions FROM pg_class WHERE oid = to_regclass($1)`, [name]);
      const wanted = QUEUE_TABLE_VACUUM.split(',');
      if (!row || wanted.every((option) => (row.reloptions ?? []).includes(option))) continue; // already set: take no lock
      await runner.manager.query(`ALTER TABLE ${name} SET (${wanted.join(', ')})`);
    }
  } finally {
    await runner.release();
  }
}
