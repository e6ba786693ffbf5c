import { DataSource, EntityManager } from 'typeorm';

/** A table's storage parameters as PostgreSQL lists them (`name=value`). */
export interface TableOptionsRow {
  /** Null when the table has none set. */
  reloptions: string[] | null;
}

/** Storage parameters of the queue backend's tables (pg_class, ALTER TABLE). */
export const postgresQueueTuningRepository = {
  /** The table's storage parameters; null when there is no such table. `table` may be schema-qualified. */
  async tableOptions(db: DataSource | EntityManager, table: string): Promise<TableOptionsRow | null> {
    const [row] = await db.query<TableOptionsRow[]>(`SELECT c.reloptions FROM pg_class c WHERE c.oid = to_regclass($1)`, [table]);
    return row ?? null;
  },

  /**
   * Sets storage parameters (`name=value` each) on a table, in the caller's transaction. The ALTER
   * waits for a vacuum in progress on the table, so it gives up after 5 s rather than hold up
   * start-up. `table` and `options` are interpolated: pass only constants, never input.
   */
  async setOptions(manager: EntityManager, table: string, options: string[]): Promise<void> {
    await manager.query(`SET LOCAL lock_timeout = '5s'`);
    await manager.query(`ALTER TABLE ${table} SET (${options.join(', ')})`);
  },
};
