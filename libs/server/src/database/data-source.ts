import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/**
 * Entry point for the TypeORM CLI (`npm run migration:generate`). The running app builds its
 * DataSource from the same options through TypeOrmModule.
 */
export default new DataSource(
  dataSourceOptions(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/safeguard'),
);
