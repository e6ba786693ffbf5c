/** BullMQ's tables that are rewritten all day: jobs change state and are deleted; events are appended and trimmed. */
export const CHURNING_QUEUE_TABLES = ['job', 'event'] as const;

/**
 * Vacuum settings for those tables: after a fixed number of dead rows, at full speed. PostgreSQL's
 * default (once a fifth of the table is dead, unhurried) let dead rows pile up in the partial
 * index BullMQ scans to promote delayed jobs, until every promotion waded through them: at 555
 * follow-ups due a second, firing fell a minute behind between two autovacuums.
 *
 * Set by the owner with BullMQ's schema (database/database-roles.ts, migrateQueueSchema): storage
 * parameters belong to the table, so this holds on any server; how often autovacuum looks is the
 * server's own setting (the embedded server checks every 3 s; README: running with your own PostgreSQL).
 */
export const QUEUE_TABLE_VACUUM = 'autovacuum_vacuum_scale_factor=0,autovacuum_vacuum_threshold=5000,autovacuum_vacuum_cost_delay=0';
