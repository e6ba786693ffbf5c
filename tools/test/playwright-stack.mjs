// Playwright global setup for apps/web-e2e: runs the real stack (`tools/dev/start.mjs --no-install
// --no-build`: API, worker, web server) on ports of its own and against a database of its own,
// so browser tests can run beside a person's `npm start` and never see its data.
//   - DATABASE_URL set: a fresh database `sge2e_<random>` on that server, dropped afterwards.
//   - no DATABASE_URL: start.mjs runs its embedded PostgreSQL in a throwaway directory.
//   - queues: a QUEUE_PREFIX of its own (`e2e<random>`), so on a shared Redis (REDIS_URL comes
//     along from the environment) this stack's worker and a running product's worker never take
//     each other's jobs; its keys are deleted when the stack stops.
// Not Playwright's `webServer`: Playwright starts that *before* globalSetup, so it could not be
// given a database created here. Returns the teardown (Playwright calls it after the run).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { deleteKeysWithPrefix } from '../lib/redis-keys.mjs';
import { freePort } from './throwaway-postgres.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 20_000;

/** Same defaults as apps/web-e2e/playwright.config.mts, which builds baseURL from them. */
export const e2ePorts = () => ({
  api: Number(process.env.E2E_API_PORT ?? 3199),
  web: Number(process.env.E2E_WEB_PORT ?? 4299),
});

function assertPortFree(port, name) {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', () => reject(new Error(`Port ${port} (${name}) is in use. Stop what uses it or choose another with ${name}=<port>.`)));
    server.listen(port, '127.0.0.1', () => server.close(() => resolvePort()));
  });
}

async function adminQuery(adminUrl, sql) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
}

/** The queue prefix of one e2e stack: valid for QUEUE_PREFIX, never the product's `sg`. */
export const e2eQueuePrefix = (suffix) => `e2e${suffix}`;

/**
 * The environment the e2e stack runs with: the caller's (DATABASE_URL and REDIS_URL come along;
 * the database is replaced below), its own ports and its own queue prefix.
 */
export function e2eStackEnv(baseEnv, ports, suffix) {
  return {
    ...baseEnv,
    API_PORT: String(ports.api),
    WEB_PORT: String(ports.web),
    LOG_LEVEL: baseEnv.LOG_LEVEL ?? 'warn',
    QUEUE_PREFIX: e2eQueuePrefix(suffix),
    // A takedown chase in 6 seconds instead of 48 hours, so a browser test can watch one fire.
    // Only the takedown cadence is shortened: the queues' due times stay real.
    // Every browser spec signs the same demo people in, within the same minute.
    LOGIN_RATE_LIMIT_PER_MINUTE: baseEnv.LOGIN_RATE_LIMIT_PER_MINUTE ?? '1000',
    FOLLOW_UP_CADENCE:
      baseEnv.E2E_FOLLOW_UP_CADENCE ?? JSON.stringify({ takedownChaseMinutes: 0.1, takedownEscalationMinutes: 60, reappearanceCheckMinutes: [60, 120] }),
  };
}

export default async function startE2eStack() {
  const ports = e2ePorts();
  await assertPortFree(ports.api, 'E2E_API_PORT');
  await assertPortFree(ports.web, 'E2E_WEB_PORT');

  const suffix = randomBytes(5).toString('hex');
  const env = e2eStackEnv(process.env, ports, suffix);
  let cleanUpDatabase;
  if (process.env.DATABASE_URL) {
    const adminUrl = process.env.DATABASE_URL;
    const database = `sge2e_${suffix}`;
    await adminQuery(adminUrl, `CREATE DATABASE "${database}"`);
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    env.DATABASE_URL = url.toString();
    cleanUpDatabase = () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  } else {
    // start.mjs keeps embedded data (it is persistent for people); this directory is ours to delete.
    const dataDir = join(tmpdir(), `sg-e2e-pg-${suffix}`);
    env.EMBEDDED_DB_DIR = dataDir;
    env.EMBEDDED_DB_PORT = String(process.env.E2E_DB_PORT ?? (await freePort()));
    cleanUpDatabase = async () => rmSync(dataDir, { recursive: true, force: true });
  }

  // The stack's output goes to a file beside Playwright's results; its tail is shown on failure.
  const logFile = join(root, 'dist/.playwright/apps/web-e2e/stack.log');
  mkdirSync(dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  const stack = spawn(process.execPath, ['tools/dev/start.mjs', '--no-install', '--no-build'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  stack.stdout.pipe(log, { end: false });
  stack.stderr.pipe(log, { end: false });
  const exited = new Promise((done) => stack.once('exit', (code, signal) => done(signal ?? code)));

  const stop = async () => {
    if (stack.exitCode === null && stack.signalCode === null) {
      // start.mjs stops api, worker and web first, then its database.
      stack.kill('SIGTERM');
      const timer = setTimeout(() => stack.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    log.end();
    await cleanUpDatabase();
    if (env.REDIS_URL) {
      await deleteKeysWithPrefix(env.REDIS_URL, env.QUEUE_PREFIX).catch((error) =>
        console.warn(`[e2e] could not delete Redis keys ${env.QUEUE_PREFIX}:*: ${error.message}`),
      );
    }
  };

  const healthUrl = `http://127.0.0.1:${ports.web}/api/health`;
  const deadline = Date.now() + START_TIMEOUT_MS;
  let ready = false;
  while (!ready) {
    if (stack.exitCode !== null || stack.signalCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`The e2e stack did not become healthy at ${healthUrl}. Last output (${logFile}):\n${tail(logFile)}`);
    }
    ready = await fetch(healthUrl).then(
      (response) => response.ok,
      () => false,
    );
    if (!ready) await new Promise((r) => setTimeout(r, 250));
  }
  return stop;
}
