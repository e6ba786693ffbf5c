import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { seedDemoOrganisation } from '../accounts/demo-seed';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { assertQueueSchema, grantApplicationRole, isSuperuser, migrateQueueSchema, roleOfUrl } from './database-roles';
import { MIGRATION_LOCK_KEY, runMigrationsWithLock } from './run-migrations';

/**
 * What the owner role does before anything serves: the committed migrations, BullMQ's schema (on
 * the PostgreSQL queue backend) and the application role's grants. Idempotent; safe from several
 * processes. `appRole` undefined: the app runs as the owner and nothing is granted.
 */
export async function migrateAsOwner(owner: DataSource, options: { queueSchema: boolean; appRole: string | undefined }) {
  const applied = await runMigrationsWithLock(owner);
  if (options.queueSchema) await migrateQueueSchema(owner);
  const appRole = options.appRole;
  // Under the migration lock: the API and workers starting together would otherwise update the
  // same catalog rows at once ("tuple concurrently updated").
  if (appRole) {
    await owner.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      await grantApplicationRole(manager, appRole);
    });
  }
  return applied;
}

/**
 * Brings the database up to date before the app starts serving: as the owner (DATABASE_OWNER_URL),
 * migrations and grants (migrateAsOwner), or with MIGRATIONS_RUN=false a check that the queue
 * backend's schema is there (assertQueueSchema); then (outside production) the demo organisation.
 */
export async function prepareDatabase(config: AppConfig, options: { seed: boolean }): Promise<void> {
  const logger = new Logger('Database');
  const appRole = roleOfUrl(config.databaseUrl);
  const ownerRole = config.databaseOwnerUrl ? roleOfUrl(config.databaseOwnerUrl) : appRole;
  if (ownerRole === appRole) {
    // Loud on purpose: the audit log's append-only trigger means little to a role that owns it.
    logger.warn(
      `The application runs as the database owner ("${appRole}"): it could alter tables, switch off the audit log's ` +
        'append-only trigger and rewrite the audit log. Before going live, create an application role (tools/db/roles.sql), ' +
        'set DATABASE_URL to it and DATABASE_OWNER_URL to the owner (README: "Two database roles").',
    );
  }
  const dataSource = new DataSource(dataSourceOptions(config.databaseOwnerUrl ?? config.databaseUrl));
  await dataSource.initialize();
  try {
    if (config.runMigrations) {
      const applied = await migrateAsOwner(dataSource, {
        queueSchema: config.queueBackend === 'postgres',
        appRole: ownerRole === appRole ? undefined : appRole,
      }).catch((error: Error & { code?: string }) => {
        // 42501 insufficient_privilege: DATABASE_URL is already the application role, but no owner was given.
        if (error.code !== '42501' || config.databaseOwnerUrl) throw error;
        throw new Error(
          `DATABASE_URL's role "${appRole}" may not change the schema (${error.message}): set DATABASE_OWNER_URL to the owner role (README: "Two database roles")`,
          { cause: error },
        );
      });
      if (applied.length) logger.log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);
    } else if (config.queueBackend === 'postgres') {
      // Someone else migrated: stop here, saying so, if their run left the queue backend unprepared.
      await assertQueueSchema(dataSource);
    }
    if (ownerRole !== appRole && (await isSuperuser(dataSource.manager, appRole))) {
      logger.warn(
        `DATABASE_URL's role "${appRole}" is a superuser: no grant binds it, so the application could still rewrite the audit log. Use the application role (tools/db/roles.sql).`,
      );
    }
    if (options.seed && config.demoSeed) {
      const created = await seedDemoOrganisation(dataSource, config.demoPassword);
      if (created) logger.log(`Created ${created} demo accounts`);
    }
  } finally {
    await dataSource.destroy();
  }
}
