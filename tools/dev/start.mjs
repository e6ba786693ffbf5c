#!/usr/bin/env node
// `npm start`: everything a person needs on a fresh clone, in one command.
//   1. installs dependencies if they are missing or the lockfile changed
//   2. builds the API, worker and web app (cached by Nx: instant when nothing changed)
//   3. with no DATABASE_URL, starts an embedded PostgreSQL whose data lives in .data/postgres
//   4. starts API (which migrates and seeds the demo organisation; API_PROCESSES > 1: then runs that
//      many processes on API_PORT), worker and web server
// Ctrl-C stops every process it started: API, worker and web first, the embedded database last
// (it runs in a process group of its own, so the terminal's Ctrl-C does not reach it before the
// apps have finished). Flags: --no-install, --no-build (used by browser tests).
// Prints no password: the URLs it shows are redacted.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installIfNeeded } from '../lib/install.mjs';
import { defaultDataDir } from '../lib/postgres-home.mjs';
import { DEFAULT_DEMO_PASSWORD, DEMO_EMAILS, demoPasswordLines, demoSeedEnabled, redactUrl } from './start-support.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
process.chdir(root);
const args = new Set(process.argv.slice(2));
const env = { ...process.env, NX_DAEMON: process.env.NX_DAEMON ?? 'false', NX_NO_CLOUD: 'true' };
const log = (message) => console.log(`\x1b[36m[start]\x1b[0m ${message}`);

function port(name, fallback) {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    console.error(`[start] ${name} must be a port number (1-65535), got "${env[name]}"`);
    process.exit(78);
  }
  return value;
}
const apiPort = port('API_PORT', 3000);
const webPort = port('WEB_PORT', 4200);
const embeddedPort = port('EMBEDDED_DB_PORT', 5488);
// As root in a checkout the `postgres` user cannot enter (/root/..., mktemp -d), under /var/lib/safeguard-triage.
const embeddedDir = resolve(env.EMBEDDED_DB_DIR ?? defaultDataDir(root));

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`[start] "${command} ${commandArgs.join(' ')}" failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
}

if (!args.has('--no-install')) {
  try {
    installIfNeeded({ root, env, log });
  } catch (error) {
    console.error(`[start] ${error.message}`);
    process.exit(1);
  }
}
if (!args.has('--no-build')) {
  log('Building api, worker and web (cached when unchanged)');
  run('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'worker', 'web', '--output-style=static']);
}

const children = [];
let stopping = false;
let embedded;

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  log('Stopping...');
  await Promise.all(
    children.map(
      (child) =>
        new Promise((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', done);
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  );
  if (embedded) {
    await embedded.stop();
    log('Embedded PostgreSQL stopped; your data stays in ' + embeddedDir);
  }
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

function startProcess(name, script, extraEnv = {}) {
  const child = spawn(process.execPath, [script], { env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `\x1b[35m[${name}]\x1b[0m `;
  const forward = (stream, out) => {
    let buffered = '';
    stream.on('data', (chunk) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) out.write(prefix + line + '\n');
    });
  };
  forward(child.stdout, process.stdout);
  forward(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[start] ${name} exited (${signal ?? code}); stopping everything`);
      stopAll(code || 1);
    }
  });
  children.push(child);
  return child;
}

/**
 * Which demo accounts exist, and whether DEMO_PASSWORD opens each (the API only ever creates
 * them, so an older password or an admin's change stays). Loaded after the install: pg, argon2.
 */
async function demoAccounts(databaseUrl, password) {
  const [{ default: pg }, { verify }] = await Promise.all([import('pg'), import('argon2')]);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT email, password_hash FROM staff_user WHERE email = ANY($1) AND active ORDER BY email`, [DEMO_EMAILS]);
    return Promise.all(rows.map(async (row) => ({ email: row.email, matches: await verify(row.password_hash, password).catch(() => false) })));
  } finally {
    await client.end();
  }
}

async function waitForHealth(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not become healthy within ${timeoutMs / 1000} s`);
}

try {
  if (!env.DATABASE_URL) {
    const { startEmbeddedPostgres, ensureDatabase, ensureRoles } = await import('../lib/embedded-postgres.mjs');
    log(`No DATABASE_URL: starting the embedded PostgreSQL on port ${embeddedPort} (data in ${embeddedDir})`);
    embedded = await startEmbeddedPostgres({ dataDir: embeddedDir, port: embeddedPort, persistent: true, log });
    await ensureDatabase(embedded.adminUrl, 'safeguard');
    // Two roles: migrations run as the owner; the API and worker as an app role that cannot
    // alter tables or rewrite the audit log (tools/db/roles.sql).
    const roles = await ensureRoles(embedded.adminUrl, 'safeguard');
    env.DATABASE_URL = roles.appUrl;
    env.DATABASE_OWNER_URL = roles.ownerUrl;
  }
  const shared = { API_PORT: String(apiPort), WEB_PORT: String(webPort) };
  // Only the web server (and this machine) talks to the API; people reach it through WEB_PORT.
  // API_PROCESSES (inherited with the rest of the environment) is read and checked by the API itself.
  startProcess('api', 'dist/apps/api/main.js', { ...shared, API_HOST: env.API_HOST || '127.0.0.1' });
  await waitForHealth(`http://127.0.0.1:${apiPort}/api/health`, 120_000);
  startProcess('worker', 'dist/apps/worker/main.js', shared);
  startProcess('web', 'tools/web-server/serve.mjs', { ...shared, API_URL: `http://127.0.0.1:${apiPort}` });
  await waitForHealth(`http://127.0.0.1:${webPort}/`, 30_000);
  log('');
  log(`Safeguard Triage is running:  \x1b[1mhttp://localhost:${webPort}\x1b[0m`);
  log(`  API docs:    http://localhost:${webPort}/api/docs`);
  if (env.API_PROCESSES && env.API_PROCESSES !== '1') log(`  API:         ${env.API_PROCESSES} processes on port ${apiPort} (API_PROCESSES)`);
  // Never the URLs' passwords: terminals are shared, scrolled back and pasted into issues.
  log(`  Queues on:   ${env.REDIS_URL ? 'Redis ' + redactUrl(env.REDIS_URL) : 'PostgreSQL (BullMQ schema "bullmq")'}`);
  if (embedded) log(`  Database:    embedded PostgreSQL, data in ${embeddedDir}`);
  else log(`  Database:    ${redactUrl(env.DATABASE_URL)}`);
  const password = env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
  const accounts = await demoAccounts(env.DATABASE_URL, password).catch((error) => {
    log(`  (could not look up the demo accounts: ${error.message})`);
    return [];
  });
  for (const line of demoPasswordLines(accounts, password)) log(line);
  if (accounts.length === 0 && !demoSeedEnabled(env)) log('  No demo accounts (DEMO_SEED is off or NODE_ENV=production).');
  log('Press Ctrl-C to stop.');
} catch (error) {
  console.error(`[start] ${error.message}`);
  await stopAll(1);
}
