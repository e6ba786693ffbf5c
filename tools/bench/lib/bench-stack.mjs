// Shared by the benchmarks: a database of their own and an API process to measure.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../lib/embedded-postgres.mjs';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * A fresh database on DATABASE_URL's server, or on a throwaway embedded PostgreSQL. With `keep`
 * (DATABASE_URL's server only: the embedded one goes with its run), `drop` leaves it and logs its URL.
 */
export async function benchDatabase(log, { keep = false } = {}) {
  if (keep && !process.env.DATABASE_URL) throw new Error('Keeping the bench database needs DATABASE_URL (the embedded server is removed after the run)');
  let embedded;
  let dataDir;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dataDir = mkdtempSync(join(tmpdir(), 'sg-bench-pg-'));
    embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false, log });
    adminUrl = embedded.adminUrl;
  }
  const name = `sgbench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      if (keep) {
        log(`kept the database: ${url.toString()}`);
        return;
      }
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
      if (embedded) await embedded.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts the built API (dist/apps/api/main.js) and waits until /api/health answers. */
export async function startApi(env, { nodeArgs: benchNodeArgs = [] } = {}) {
  // BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to profile the API under load.
  const nodeArgs = [...benchNodeArgs, ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  const child = spawn(process.execPath, [...nodeArgs, 'dist/apps/api/main.js'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', process.env.BENCH_API_LOG ? 'inherit' : 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${env.API_PORT}`;
  for (let i = 0; i < 240; i += 1) {
    try {
      if ((await fetch(`${url}/api/health`)).ok)
        return {
          url,
          pid: child.pid,
          stop: () =>
            new Promise((done) => {
              child.once('exit', done);
              child.kill('SIGINT');
            }),
        };
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error('The API did not become healthy within 60 s');
}

export function runAutocannon(config) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [new URL('./autocannon-runner.mjs', import.meta.url).pathname, JSON.stringify(config)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output)) : reject(new Error(`autocannon exited ${code}`))));
  });
}

export function percentile(sortedValues, p) {
  if (!sortedValues.length) return NaN;
  return sortedValues[Math.min(sortedValues.length - 1, Math.floor((p / 100) * sortedValues.length))];
}
