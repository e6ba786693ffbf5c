import { ConnectionOptions, createPostgresBackend, setDefaultBackendFactory } from 'bullmq';
import { AppConfig } from '../config/app-config';
import { postgresSessionOptions } from '../config/worker-config';

/** BullMQ keeps its own tables in this schema, away from the application's. */
export const BULLMQ_SCHEMA = 'bullmq';

export interface QueueConnection {
  connection: ConnectionOptions;
  prefix: string;
}

/** The longest wait between two attempts to reach Redis again. */
export const REDIS_RECONNECT_MAX_MS = 2_000;

function redisOptions(redisUrl: string) {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    // BullMQ's workers block on Redis; they must never give up on a command.
    maxRetriesPerRequest: null,
    // Try again within 2 s of Redis coming back. BullMQ's default waits up to 20 s between
    // attempts, which the fault drill measured as ~18 s of extra recovery after an outage.
    retryStrategy: (attempt: number) => Math.min(250 * attempt, REDIS_RECONNECT_MAX_MS),
  };
}

/**
 * Picks the queue backend for this process: Redis when REDIS_URL is set (the choice at scale),
 * otherwise BullMQ 6's PostgreSQL backend in the application's own database, so a fresh clone
 * needs no Redis. `@nestjs/bullmq` cannot take a backend factory, so the choice is made
 * process-wide, before any queue or worker is constructed.
 */
export function queueConnection(config: AppConfig): QueueConnection {
  if (config.queueBackend === 'redis' && config.redisUrl) {
    setDefaultBackendFactory();
    return { connection: redisOptions(config.redisUrl), prefix: config.queuePrefix };
  }
  setDefaultBackendFactory(createPostgresBackend);
  const postgres = {
    connectionString: config.databaseUrl,
    schema: BULLMQ_SCHEMA,
    // Only checks the schema: the owner creates or upgrades it (database/database-roles.ts,
    // migrateQueueSchema); the application role may not run DDL.
    migrate: false,
    max: 5,
    ...postgresSessionOptions(config),
  };
  // The PostgreSQL options travel through @nestjs/bullmq's Redis-typed `connection` untouched.
  return { connection: postgres, prefix: config.queuePrefix };
}
