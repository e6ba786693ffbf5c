import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Runs one statement as a named prepared statement, so PostgreSQL plans it once per connection
 * rather than on every call. For the big single-statement writes on hot paths (an intake, a
 * follow-up firing): planning their chains of CTEs costs more than running them (measured: a fire
 * 1.29 ms unprepared, 0.51 ms prepared). The statement runs on its own, outside any TypeORM
 * transaction, so it must be one whole transaction by itself. `text` must be constant for a
 * `name`: node-postgres refuses a name reused with other text.
 */
export async function runPrepared<Row>(dataSource: DataSource, name: string, text: string, values: readonly unknown[]): Promise<Row[]> {
  const pool: Pool = (dataSource.driver as PostgresDriver).master;
  const result = await pool.query({ name, text, values: [...values] });
  return result.rows as Row[];
}
