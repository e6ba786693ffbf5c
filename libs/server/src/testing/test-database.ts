import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig, loadConfig, QueueBackendKind } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { ENTITIES } from '../entities';
import { migrateAsOwner } from '../database/prepare-database';

/**
 * Helpers for integration specs. Every spec file gets its own database (created from the admin
 * URL in DATABASE_URL, dropped afterwards), so spec files run in parallel and a test can never
 * touch the data of a running product, even when DATABASE_URL points at the product's server.
 */
export interface TestDatabase {
  /**
   * Connection URL of the new database as its application role (what DATABASE_URL is in
   * production: DML only, the audit log append-only). Apps under test connect with this.
   */
  readonly url: string;
  /** The same database as its owner role (what DATABASE_OWNER_URL is): migrations, fixtures. */
  readonly ownerUrl: string;
  /** The application role's name (roles are cluster-wide, so every test database has its own). */
  readonly appRole: string;
  /** As the owner; initialised, with every migration applied (unless created with `migrate: false`). */
  readonly dataSource: DataSource;
  /** Closes the DataSource and drops the database, ending any connection still open to it. */
  drop(): Promise<void>;
}

/** Lower-case letters and digits only: valid in database names and QUEUE_PREFIX alike. */
function randomSuffix(): string {
  return randomBytes(6).toString('hex');
}

function adminUrl(): string {
  const url = process.env['DATABASE_URL'];
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set. Run tests with `npm test` or `nx test server` (their Jest global setup ' +
        'starts a throwaway PostgreSQL), or set DATABASE_URL to a URL that may create databases.',
    );
  }
  return url;
}

async function asAdmin(sql: string, database?: string, settings: Record<string, string> = {}, server = adminUrl()): Promise<void> {
  const url = new URL(server);
  if (database) url.pathname = `/${database}`;
  const admin = new DataSource({ type: 'postgres', url: url.toString(), extra: { max: 1 } });
  await admin.initialize();
  try {
    const runner = admin.createQueryRunner();
    try {
      for (const [name, value] of Object.entries(settings)) await runner.query(`SELECT set_config($1, $2, false)`, [name, value]);
      await runner.query(sql);
    } finally {
      await runner.release();
    }
  } finally {
    await admin.destroy();
  }
}

/** The role set-up the embedded default and docker-compose run (one file for all three). */
const ROLES_SQL = resolve(__dirname, '../../../../tools/db/roles.sql');

function urlAs(server: string, database: string, role: string, password: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  url.username = role;
  url.password = password;
  return url.toString();
}

/** `adminUrl`: a server other than DATABASE_URL's (a fault test's own, which it may restart). */
export async function createTestDatabase(options: { migrate?: boolean; adminUrl?: string } = {}): Promise<TestDatabase> {
  const server = options.adminUrl ?? adminUrl();
  const name = `sgt_${randomSuffix()}`;
  const ownerRole = `${name}_owner`;
  const appRole = `${name}_app`;
  const password = randomSuffix();
  await asAdmin(`CREATE DATABASE "${name}"`, undefined, {}, server);
  const url = urlAs(server, name, appRole, password);
  const ownerUrl = urlAs(server, name, ownerRole, password);

  // With every entity, as the app's: entity-drift.int.spec.ts compares them with the migrated schema.
  const dataSource = new DataSource({ ...dataSourceOptions(ownerUrl), entities: ENTITIES });
  const drop = async (): Promise<void> => {
    if (dataSource.isInitialized) await dataSource.destroy();
    // FORCE: connections a failed test left open (a queue pool, an app not closed) must not block it.
    await asAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`, undefined, {}, server);
    // Their privileges went with the database; roles are cluster-wide, so they go too.
    await asAdmin(`DROP ROLE IF EXISTS "${appRole}"; DROP ROLE IF EXISTS "${ownerRole}"`, undefined, {}, server);
  };
  try {
    await asAdmin(
      readFileSync(ROLES_SQL, 'utf8'),
      name,
      {
        'sg.owner_role': ownerRole,
        'sg.app_role': appRole,
        'sg.owner_password': password,
        'sg.app_password': password,
      },
      server,
    );
    await dataSource.initialize();
    if (options.migrate ?? true) await migrateAsOwner(dataSource, { queueSchema: true, appRole });
  } catch (error) {
    await drop();
    throw error;
  }
  return { url, ownerUrl, appRole, dataSource, drop };
}

/**
 * The configuration an app under test gets: parsed by the real loadConfig, quiet, with a queue
 * prefix of its own (so Redis keys of parallel specs never collide) and the PostgreSQL queue
 * backend unless `overrides.redisUrl` asks for Redis.
 */
export function testConfig(url: string, overrides: Partial<AppConfig> = {}): AppConfig {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url,
    REDIS_URL: overrides.redisUrl,
    QUEUE_PREFIX: `t${randomSuffix()}`,
    LOG_LEVEL: 'silent',
  });
  return { ...config, ...overrides };
}

/** REDIS_URL when it is set and Redis answers PING within 1 s; otherwise undefined. */
export async function redisAvailable(): Promise<string | undefined> {
  const url = process.env['REDIS_URL'];
  if (!url) return undefined;
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined); // the outcome is reported by the return value
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('Redis did not answer within 1 s')), 1000);
    });
    await Promise.race([client.connect().then(() => client.ping()), timeout]);
    return url;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}

/**
 * The queue backends an integration spec runs on: PostgreSQL always, Redis when REDIS_URL is set.
 * The Jest global setup unsets REDIS_URL when Redis does not answer (and with CI=true fails the
 * run instead), so `enabled` means "Redis reachable"; a spec shows the skipped half as skipped.
 */
export const QUEUE_BACKENDS_UNDER_TEST: ReadonlyArray<{ backend: QueueBackendKind; enabled: boolean }> = [
  { backend: 'postgres', enabled: true },
  { backend: 'redis', enabled: Boolean(process.env['REDIS_URL']) },
];
