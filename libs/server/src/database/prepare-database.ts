import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { seedDemoOrganisation } from '../accounts/demo-seed';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';
import { runMigrationsWithLock } from './run-migrations';

/**
 * Brings the database up to date before the app starts serving: committed migrations first,
 * then (outside production) the demo organisation. Idempotent; safe from several processes.
 */
export async function prepareDatabase(config: AppConfig, options: { seed: boolean }): Promise<void> {
  const logger = new Logger('Database');
  const dataSource = new DataSource(dataSourceOptions(config.databaseUrl));
  await dataSource.initialize();
  try {
    if (config.runMigrations) {
      const applied = await runMigrationsWithLock(dataSource);
      if (applied.length) logger.log(`Applied migrations: ${applied.map((m) => m.name).join(', ')}`);
    }
    if (options.seed && config.demoSeed) {
      const created = await seedDemoOrganisation(dataSource, config.demoPassword);
      if (created) logger.log(`Created ${created} demo accounts`);
    }
  } finally {
    await dataSource.destroy();
  }
}
