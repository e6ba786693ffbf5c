// Jest global setup for projects with integration specs (libs/server, apps/worker).
// - No DATABASE_URL: starts a throwaway embedded PostgreSQL and exports its admin URL to the test
//   workers (they are forked after this runs, so they inherit process.env). Each spec file then
//   creates its own database in it (see libs/server/src/testing), so files run in parallel.
// - DATABASE_URL set (CI, `npm test` which starts one server for the whole run): does nothing;
//   the URL is only used as an admin connection to create and drop test databases.
// - REDIS_URL set but not answering: unset, so the Redis variants are skipped with a notice
//   instead of each waiting for a connection that never comes. Under CI=true that is a failure
//   instead: CI promises both queue backends were tested, and must not pass with one skipped.
import { Redis } from 'ioredis';
import { startThrowawayPostgres } from './throwaway-postgres.mjs';

async function redisAnswers(url) {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 1000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  let timer;
  try {
    const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), 1000)));
    await Promise.race([client.connect().then(() => client.ping()), timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}

/** CI=true (or 1), as CI services and .ci/run set it. */
export const isCi = (env = process.env) => ['true', '1'].includes(String(env.CI ?? '').toLowerCase());

export default async function globalSetup() {
  if (process.env.REDIS_URL && !(await redisAnswers(process.env.REDIS_URL))) {
    if (isCi()) {
      throw new Error(
        `REDIS_URL=${process.env.REDIS_URL} does not answer PING, and CI=true: the Redis queue tests must run in CI. Start Redis or unset REDIS_URL.`,
      );
    }
    console.warn(`\n[test] REDIS_URL=${process.env.REDIS_URL} does not answer PING: Redis queue tests are skipped`);
    delete process.env.REDIS_URL;
  }
  if (process.env.DATABASE_URL) return;
  const started = Date.now();
  const server = await startThrowawayPostgres();
  process.env.DATABASE_URL = server.adminUrl;
  // Read back by jest-global-teardown.mjs: Jest runs both hooks in this same process.
  globalThis.__SG_THROWAWAY_POSTGRES__ = server;
  console.log(`\n[test] No DATABASE_URL: started a throwaway PostgreSQL on port ${server.port} (${Date.now() - started} ms)`);
}
