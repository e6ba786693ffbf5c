#!/usr/bin/env node
// `npm start`: everything a person needs on a fresh clone, in one command.
//   1. installs dependencies if they are missing or the lockfile changed
//   2. builds the API, worker and web app (cached by Nx: instant when nothing changed)
//   3. with no DATABASE_URL, starts an embedded PostgreSQL whose data lives in .data/postgres
//   4. starts API (which migrates and seeds the demo organisation), worker and web server
// Ctrl-C stops every process it started. Flags: --no-install, --no-build (used by browser tests).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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
const embeddedDir = resolve(env.EMBEDDED_DB_DIR ?? '.data/postgres');

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`[start] "${command} ${commandArgs.join(' ')}" failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
}

function installIfNeeded() {
  const marker = join('node_modules', '.safeguard-lock-hash');
  const lockHash = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === lockHash) return;
  log('Installing dependencies (npm ci); this happens once per lockfile change');
  run('npm', ['ci', '--no-audit', '--no-fund']);
  writeFileSync(marker, lockHash);
}

if (!args.has('--no-install')) installIfNeeded();
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
    const { startEmbeddedPostgres, ensureDatabase } = await import('../lib/embedded-postgres.mjs');
    log(`No DATABASE_URL: starting the embedded PostgreSQL on port ${embeddedPort} (data in ${embeddedDir})`);
    embedded = await startEmbeddedPostgres({ dataDir: embeddedDir, port: embeddedPort, persistent: true, log });
    await ensureDatabase(embedded.adminUrl, 'safeguard');
    env.DATABASE_URL = embedded.urlFor('safeguard');
  }
  const shared = { API_PORT: String(apiPort), WEB_PORT: String(webPort) };
  startProcess('api', 'dist/apps/api/main.js', shared);
  await waitForHealth(`http://127.0.0.1:${apiPort}/api/health`, 120_000);
  startProcess('worker', 'dist/apps/worker/main.js', shared);
  startProcess('web', 'tools/web-server/serve.mjs', { ...shared, API_URL: `http://127.0.0.1:${apiPort}` });
  await waitForHealth(`http://127.0.0.1:${webPort}/`, 30_000);
  log('');
  log(`Safeguard Triage is running:  \x1b[1mhttp://localhost:${webPort}\x1b[0m`);
  log(`  API docs:    http://localhost:${webPort}/api/docs`);
  log(`  Queues on:   ${env.REDIS_URL ? 'Redis ' + env.REDIS_URL : 'PostgreSQL (BullMQ schema "bullmq")'}`);
  if ((env.NODE_ENV ?? 'development') !== 'production' && env.DEMO_SEED !== 'false') {
    log(`  Sign in as admin@demo.test, supervisor@demo.test, caseworker@demo.test or caseworker2@demo.test`);
    log(`  Password:    ${env.DEMO_PASSWORD ?? 'demo-safeguard-2026'} (the DEMO_PASSWORD setting)`);
  }
  log('Press Ctrl-C to stop.');
} catch (error) {
  console.error(`[start] ${error.message}`);
  await stopAll(1);
}
