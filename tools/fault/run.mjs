#!/usr/bin/env node
// `npm run fault`: the fault drill. Runs the BUILT api (2 processes) and worker (2 processes)
// against a PostgreSQL and a redis-server of its own (free ports, deleted afterwards), on both
// queue backends, breaks things while intakes arrive and follow-ups fall due, and prints a table:
//   scenario, backend, intakes accepted (2xx) vs stored, follow-ups due vs fired exactly once,
//   seconds until health is ok again and until the first follow-up fires after the fault.
// Scenarios: worker-kill (kill -9 of a worker during a burst of follow-ups), postgres-restart
// (PostgreSQL down ~5 s during intakes), redis-restart (redis-server killed and started empty),
// redis-outage (redis-server down ~20 s, then started with the data it saved at shutdown).
// The Redis scenarios are skipped on the PostgreSQL backend: there nothing uses Redis.
//
// Build first: `npm run build` (or `npx nx run-many -t build -p api worker`).
// Usage: node tools/fault/run.mjs [--quick] [--scenarios=worker-kill,redis:redis-restart,...] [--backends=postgres,redis] [--json=<file>]
//   --scenarios  which to run (default all); `<backend>:<scenario>` runs one on that backend only
//   --quick    shorter phases, fewer intakes (for its test, tools/fault/run.test.mjs)
//   --json     also writes the rows as JSON (the test reads them)
//   --postgres-down=S   how long PostgreSQL stays down in postgres-restart (default 5, quick 3)
// Without redis-server on PATH the Redis backend is skipped, saying so (CI=true: exit 1).
// Exit code: 0 when every row has accepted == stored, fired once == due and no duplicates; 1 otherwise.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import { ensureDatabase, ensureRoles, startEmbeddedPostgres } from '../lib/embedded-postgres.mjs';
import { freePort } from '../test/throwaway-postgres.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
process.chdir(root);
const API_MAIN = 'dist/apps/api/main.js';
const WORKER_MAIN = 'dist/apps/worker/main.js';

const SCENARIOS = ['worker-kill', 'postgres-restart', 'redis-restart', 'redis-outage'];
const REDIS_ONLY = new Set(['redis-restart', 'redis-outage']);
const BACKENDS = ['postgres', 'redis'];

const argv = process.argv.slice(2);
const option = (name) => argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const quick = argv.includes('--quick');
// A scenario may name its backend (`redis:redis-restart`): then it runs on that backend only.
const wantedScenarios = (option('scenarios') ?? SCENARIOS.join(',')).split(',').map((entry) => {
  const [backend, scenario] = entry.includes(':') ? entry.split(':') : [undefined, entry];
  if (!SCENARIOS.includes(scenario)) usage(`unknown scenario "${scenario}"`);
  if (backend && !BACKENDS.includes(backend)) usage(`unknown backend "${backend}"`);
  return { backend, scenario };
});
const wantedBackends = (option('backends') ?? BACKENDS.join(','))
  .split(',')
  .filter((backend) => wantedScenarios.some((wanted) => !wanted.backend || wanted.backend === backend));
const scenariosOf = (backend) => wantedScenarios.filter((wanted) => !wanted.backend || wanted.backend === backend).map((wanted) => wanted.scenario);
const jsonFile = option('json');
for (const name of wantedBackends) if (!BACKENDS.includes(name)) usage(`unknown backend "${name}"`);

function usage(problem) {
  console.error(`[fault] ${problem}. Scenarios: ${SCENARIOS.join(', ')}; backends: ${BACKENDS.join(', ')}`);
  process.exit(2);
}

// Follow-up cadence scaled so an intake's first wellbeing check (4 h) falls due 7.2 s after it
// and its SLA escalation (1 h first-response target) after 1.8 s: intakes sent before a fault
// plan follow-ups that fall due during it, through the product's own planning and queueing.
const TIME_SCALE = 0.0005;
const WELLBEING_DUE_S = 4 * 3600 * TIME_SCALE;
const timing = quick
  ? { before: 3, after: 3, intervalMs: 250, burst: 30, postgresDown: 3, redisDown: 6, workerDownS: 2, settleS: 60 }
  : { before: 8, after: 6, intervalMs: 150, burst: 150, postgresDown: 5, redisDown: 20, workerDownS: 5, settleS: 90 };
if (option('postgres-down')) timing.postgresDown = Number(option('postgres-down'));

const log = (message) => console.error(`\x1b[35m[fault]\x1b[0m ${message}`);
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const runningInCi = ['true', '1'].includes(String(process.env.CI ?? '').toLowerCase());

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir && existsSync(join(dir, name))) return join(dir, name);
  return undefined;
}

if (!existsSync(API_MAIN) || !existsSync(WORKER_MAIN)) {
  console.error(`[fault] ${API_MAIN} or ${WORKER_MAIN} is missing: build first (npm run build, or npx nx run-many -t build -p api worker)`);
  process.exit(2);
}
const redisBinary = onPath('redis-server');
if (!redisBinary && wantedBackends.includes('redis')) {
  if (runningInCi) {
    console.error('[fault] redis-server is not on PATH, and CI=true: the Redis backend must be drilled in CI');
    process.exit(1);
  }
  log('redis-server is not installed: the Redis backend is skipped');
}

const work = join(tmpdir(), `sg-fault-${randomBytes(4).toString('hex')}`);
mkdirSync(work, { recursive: true, mode: 0o755 });
const processLog = createWriteStream(join(work, 'processes.log'));

// ---------------------------------------------------------------- servers of our own

/** The embedded PostgreSQL (what `npm start` runs) in a data directory of ours; restartable. */
async function startPostgres() {
  const dataDir = join(tmpdir(), `sg-fault-pg-${randomBytes(4).toString('hex')}`);
  const port = await freePort();
  let server = await startEmbeddedPostgres({ dataDir, port, persistent: true, log: () => undefined });
  return {
    adminUrl: server.adminUrl,
    /** A fast shutdown (every connection ends with 57P01), down for `downS`, then up again. */
    async restart(downS) {
      await server.stop();
      await sleep(downS * 1000);
      server = await startEmbeddedPostgres({ dataDir, port, persistent: true, log: () => undefined });
    },
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A redis-server of ours, without persistence unless asked to save at shutdown. */
async function startRedis() {
  const port = await freePort();
  const dir = join(work, 'redis');
  mkdirSync(dir, { recursive: true });
  const url = `redis://127.0.0.1:${port}`;
  let child;
  const ping = async () => {
    const client = new Redis(url, { lazyConnect: true, connectTimeout: 500, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  };
  const start = async () => {
    child = spawn(redisBinary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
    for (let i = 0; !(await ping()); i += 1) {
      if (i > 200) throw new Error('redis-server did not start');
      await sleep(50);
    }
  };
  const exited = () => new Promise((done) => (child.exitCode !== null ? done() : child.once('exit', done)));
  await start();
  process.once('exit', () => child?.kill('SIGKILL'));
  return {
    url,
    start,
    /** Killed: everything it held in memory is gone (no persistence). */
    async kill() {
      const done = exited();
      child.kill('SIGKILL');
      await done;
      rmSync(join(dir, 'dump.rdb'), { force: true });
    },
    /** SHUTDOWN SAVE: an outage of a Redis that keeps its data (as one with persistence would). */
    async shutdownSaving() {
      const done = exited();
      const client = new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
      client.on('error', () => undefined);
      await client.shutdown('SAVE').catch(() => undefined);
      client.disconnect();
      await done;
    },
    async stop() {
      if (child && child.exitCode === null) {
        const done = exited();
        child.kill('SIGKILL');
        await done;
      }
    },
  };
}

// ---------------------------------------------------------------- the stack (2 APIs, 2 workers)

/** Every API and worker process running now (so an interrupted drill can stop them all). */
const appProcesses = new Set();
let interrupted = false;

function runToEnd(script, args, env) {
  const result = spawnSync(process.execPath, [script, ...args], { env, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${script} ${args.join(' ')} failed:\n${result.stderr}${result.stdout}`);
}

async function startStack(backend, postgres, redis) {
  const database = `fault_${backend}`;
  await ensureDatabase(postgres.adminUrl, database);
  const roles = await ensureRoles(postgres.adminUrl, database);
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: roles.appUrl,
    DATABASE_OWNER_URL: roles.ownerUrl,
    REDIS_URL: backend === 'redis' ? redis.url : '',
    QUEUE_PREFIX: 'fault',
    LOG_LEVEL: 'warn',
    DEMO_SEED: 'true', // the supervisors every fired follow-up notifies
    FOLLOW_UP_TIME_SCALE: String(TIME_SCALE),
    INTAKE_RATE_LIMIT: '1000000',
    API_RATE_LIMIT_PER_MINUTE: '1000000',
    QUEUE_HEALTH_CACHE_MS: '0',
  };
  const migrateStarted = Date.now();
  runToEnd(API_MAIN, ['migrate'], env);
  log(`${backend}: migrated in ${Math.round((Date.now() - migrateStarted) / 1000)} s`);
  const processes = [];
  const crashes = [];
  let stopping = false;
  const launch = (kind, index, extra) => {
    const entry = { kind, index, child: undefined, expectedExit: false, respawn: undefined };
    const spawnIt = () => {
      const child = spawn(process.execPath, [kind === 'api' ? API_MAIN : WORKER_MAIN], { env: { ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
      const tag = `[${backend} ${kind}${index}] `;
      for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => processLog.write(tag + String(chunk)));
      appProcesses.add(child);
      child.once('exit', (code, signal) => {
        appProcesses.delete(child);
        if (entry.expectedExit || interrupted) return;
        // Not ours: a crash. Noted, and started again as a process supervisor would.
        crashes.push({ at: Date.now(), what: `${kind}${index}`, code, signal });
        log(`${backend}: ${kind}${index} exited by itself (${signal ?? code}); starting it again`);
        spawnIt();
      });
      entry.child = child;
    };
    entry.respawn = spawnIt;
    spawnIt();
    processes.push(entry);
    return entry;
  };
  // All four at once (the first API seeds the demo organisation; the others need nothing of it to start).
  const apiUrls = [];
  for (let i = 1; i <= 2; i += 1) {
    const port = await freePort();
    apiUrls.push(`http://127.0.0.1:${port}`);
    launch('api', i, { API_PORT: String(port), API_HOST: '127.0.0.1', MIGRATIONS_RUN: 'false', DEMO_SEED: i === 1 ? 'true' : 'false' });
  }
  const workers = [1, 2].map((w) => launch('worker', w, { MIGRATIONS_RUN: 'false' }));
  for (const [i, url] of apiUrls.entries()) await waitFor(async () => (await health(url)).ok, `api${i + 1} to answer`, 120_000);
  const pool = new pg.Pool({ connectionString: roles.ownerUrl, max: 3 });
  pool.on('error', () => undefined); // a restart ends its connections; the next query reconnects
  await waitFor(async () => (await health(apiUrls[0])).body?.details?.workers?.attention === false, 'the workers to beat and sweep', 90_000);
  return {
    backend,
    apiUrls,
    pool,
    crashes,
    workers,
    /** kill -9 of a worker; it is started again `downS` later (as a supervisor would), while the drill watches. */
    async killWorker(entry, downS) {
      entry.expectedExit = true;
      const done = new Promise((resolveExit) => entry.child.once('exit', resolveExit));
      entry.child.kill('SIGKILL');
      await done;
      setTimeout(() => {
        if (stopping || interrupted) return;
        entry.expectedExit = false;
        entry.respawn();
      }, downS * 1000);
    },
    async stop() {
      stopping = true;
      await Promise.all(
        processes.map((entry) => {
          entry.expectedExit = true;
          if (entry.child.exitCode !== null || entry.child.signalCode !== null) return undefined;
          return new Promise((done) => {
            const timer = setTimeout(() => entry.child.kill('SIGKILL'), 15_000);
            entry.child.once('exit', () => done(clearTimeout(timer)));
            entry.child.kill('SIGTERM');
          });
        }),
      );
      await pool.end().catch(() => undefined);
    },
  };
}

async function health(apiUrl) {
  try {
    const response = await fetch(`${apiUrl}/api/health`, { signal: AbortSignal.timeout(5000) });
    return { ok: response.status === 200, body: await response.json().catch(() => undefined) };
  } catch {
    return { ok: false };
  }
}

async function waitFor(probe, what, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what} (process output: ${join(work, 'processes.log')})`);
    await sleep(250);
  }
}

/** A query that outlasts a PostgreSQL restart (retried for up to 60 s). */
async function query(pool, sql, params) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      return (await pool.query(sql, params)).rows;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(500);
    }
  }
}

// ---------------------------------------------------------------- traffic

function intakeBody(n) {
  return {
    submittedBy: 'victim',
    channel: 'web',
    ageBand: '13_17', // urgent: a wellbeing check 4 h (here 7.2 s) after the intake
    contentMadeUnder18: true,
    country: 'US',
    selfHarm: 'none',
    immediateDanger: false,
    deadlineAt: null,
    demands: ['money'],
    contentPosted: 'no',
    stillInContact: true,
    paid: false,
    platforms: [{ platform: 'Instagram', offenderHandle: `@drill.${n}`, profileUrl: `https://instagram.com/drill.${n}` }],
    contentUrls: [],
    narrative: 'A fault drill intake: someone says they will share pictures unless I pay.',
    contact: { channel: 'none', canMentionOrganisation: false },
    consent: { storeData: true, contactMe: false },
  };
}

/** Sends intakes to the APIs in turn; every accepted one's reference is kept. */
function intakeSender(stack) {
  const accepted = [];
  const refused = new Map();
  const pending = new Set();
  let n = 0;
  const sendOne = () => {
    const apiUrl = stack.apiUrls[n % stack.apiUrls.length];
    n += 1;
    const request = fetch(`${apiUrl}/api/intakes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify(intakeBody(n)),
      signal: AbortSignal.timeout(20_000),
    })
      .then(async (response) => {
        const body = await response.json().catch(() => undefined);
        if (response.status >= 200 && response.status < 300 && body?.reference) accepted.push(body.reference);
        else refused.set(response.status, (refused.get(response.status) ?? 0) + 1);
      })
      .catch(() => refused.set('no answer', (refused.get('no answer') ?? 0) + 1))
      .finally(() => pending.delete(request));
    pending.add(request);
  };
  let timer;
  return {
    accepted,
    refused,
    get sent() {
      return n;
    },
    steady(intervalMs) {
      clearInterval(timer);
      timer = setInterval(sendOne, intervalMs);
    },
    /** `count` at once (8 in flight at a time), resolved when all have answered. */
    async burst(count) {
      let left = count;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (left > 0) {
            left -= 1;
            sendOne();
            await Promise.race([...pending]);
          }
        }),
      );
    },
    async stop() {
      clearInterval(timer);
      await Promise.allSettled([...pending]);
    },
  };
}

/** Seconds from `since` until /api/health answers 200 (`ok`) on every API. */
async function secondsToHealthy(stack, since) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const answers = await Promise.all(stack.apiUrls.map((url) => health(url)));
    if (answers.every((answer) => answer.ok)) return (Date.now() - since) / 1000;
    if (Date.now() > deadline) return NaN;
    await sleep(250);
  }
}

/** CPU time (user + system, in seconds) each live worker process has used so far. */
function workerCpuSeconds(stack) {
  return stack.workers.map((entry) => {
    try {
      const stat = readFileSync(`/proc/${entry.child.pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in USER_HZ ticks
    } catch {
      return NaN;
    }
  });
}

/** The busiest worker's share of one core between two `workerCpuSeconds` readings. */
function busiestShare(before, after, seconds) {
  const shares = after.map((value, i) => (value - before[i]) / seconds).filter(Number.isFinite);
  return shares.length ? Math.max(...shares) : NaN;
}

// ---------------------------------------------------------------- one scenario

const FAULTS = {
  async 'worker-kill'(stack, sender) {
    // A burst of intakes whose wellbeing checks all fall due together; the kill lands among them.
    const burstAt = Date.now();
    await sender.burst(timing.burst);
    await sleep(Math.max(0, burstAt + WELLBEING_DUE_S * 1000 + 300 - Date.now()));
    const faultAt = Date.now();
    await stack.killWorker(stack.workers[0], timing.workerDownS);
    return { faultAt, endedAt: faultAt, note: `burst of ${timing.burst}; worker1 kill -9, back after ${timing.workerDownS} s` };
  },
  async 'postgres-restart'(stack, sender, servers) {
    const faultAt = Date.now();
    const cpuBefore = workerCpuSeconds(stack);
    await servers.postgres.restart(timing.postgresDown);
    // BullMQ 6.7.0's PostgreSQL backend was seen spinning a worker after a restart: watch for it.
    const cpuDuring = busiestShare(cpuBefore, workerCpuSeconds(stack), (Date.now() - faultAt) / 1000);
    return { faultAt, endedAt: Date.now(), note: `down ${timing.postgresDown} s (fast shutdown: 57P01)`, cpuDuring };
  },
  async 'redis-restart'(stack, sender, servers) {
    const faultAt = Date.now();
    await servers.redis.kill();
    await servers.redis.start();
    return { faultAt, endedAt: Date.now(), note: 'kill -9, started empty' };
  },
  async 'redis-outage'(stack, sender, servers) {
    const faultAt = Date.now();
    await servers.redis.shutdownSaving();
    await sleep(timing.redisDown * 1000);
    await servers.redis.start();
    return { faultAt, endedAt: Date.now(), note: `down ${timing.redisDown} s, data kept (SHUTDOWN SAVE)` };
  },
};

async function runScenario(name, stack, servers) {
  log(`${stack.backend}: ${name}`);
  const sender = intakeSender(stack);
  const crashesBefore = stack.crashes.length;
  sender.steady(timing.intervalMs);
  await sleep(timing.before * 1000);
  const fault = await FAULTS[name](stack, sender, servers);
  // Workers' CPU from 3 s after the fault to the end of the scenario (a worker spinning shows as ~100%).
  const cpuFrom = sleep(3000).then(() => ({ at: Date.now(), seconds: workerCpuSeconds(stack) }));
  const healthS = await secondsToHealthy(stack, fault.endedAt);
  await sleep(Math.max(0, fault.endedAt + timing.after * 1000 - Date.now()));
  await sender.stop();
  // Every follow-up of these cases due by now (+ one wellbeing interval: the last intakes' checks) must fire once.
  const cutoff = new Date(Date.now() + WELLBEING_DUE_S * 1000 + 1000);
  const references = sender.accepted;
  const counts = async () =>
    (
      await query(
        stack.pool,
        `WITH c AS (SELECT id FROM support_case WHERE reference = ANY($1::text[])),
              f AS (SELECT f.id, f.status, f.fired_at, f.due_at FROM follow_up f JOIN c ON c.id = f.case_id WHERE f.due_at <= $2 AND f.status <> 'cancelled'),
              t AS (SELECT (e.data ->> 'followUpId')::uuid AS id, count(*) AS n FROM case_event e JOIN c ON c.id = e.case_id WHERE e.kind = 'follow_up_fired' GROUP BY 1),
              nt AS (SELECT n.follow_up_id AS id, count(*) AS n, count(DISTINCT n.recipient_id) AS people FROM notification n JOIN f ON f.id = n.follow_up_id GROUP BY 1)
         SELECT (SELECT count(*) FROM c)::int AS stored,
                count(f.id)::int AS due,
                count(*) FILTER (WHERE f.status IN ('fired', 'done') AND t.n = 1 AND nt.n = nt.people AND nt.n > 0)::int AS fired_once,
                count(*) FILTER (WHERE t.n > 1 OR nt.n > nt.people)::int AS duplicated,
                extract(epoch FROM min(f.fired_at) FILTER (WHERE f.fired_at > to_timestamp($3::float8 / 1000))) * 1000 AS first_fire_ms,
                extract(epoch FROM max(f.fired_at - f.due_at)) AS worst_late_s
           FROM f LEFT JOIN t ON t.id = f.id LEFT JOIN nt ON nt.id = f.id`,
        [references, cutoff, fault.endedAt],
      )
    )[0];
  const settleBy = cutoff.getTime() + timing.settleS * 1000;
  let row = await counts();
  while ((row.fired_once < row.due || Date.now() < cutoff.getTime()) && Date.now() < settleBy) {
    await sleep(1000);
    row = await counts();
  }
  const { at: cpuAt, seconds: cpuStart } = await cpuFrom;
  const cpu = busiestShare(cpuStart, workerCpuSeconds(stack), (Date.now() - cpuAt) / 1000);
  const refused = [...sender.refused].map(([status, count]) => `${count}×${status}`).join(' ');
  const crashes = stack.crashes.slice(crashesBefore).map((crash) => `${crash.what} (${crash.signal ?? crash.code})`);
  return {
    scenario: name,
    backend: stack.backend,
    sent: sender.sent,
    accepted: references.length,
    stored: row.stored,
    due: row.due,
    firedOnce: row.fired_once,
    duplicated: row.duplicated,
    healthS,
    firstFireS: row.first_fire_ms === null ? NaN : (Number(row.first_fire_ms) - fault.endedAt) / 1000,
    worstLateS: row.worst_late_s === null ? NaN : Number(row.worst_late_s),
    workerCpu: cpu,
    cpuDuring: fault.cpuDuring ?? NaN,
    notes: [fault.note, refused && `not accepted: ${refused}`, crashes.length && `crashed: ${crashes.join(', ')}`].filter(Boolean).join('; '),
  };
}

// ---------------------------------------------------------------- main

const rows = [];
let postgres;
let redis;
let failed = false;
const started = Date.now();
// Ctrl-C or SIGTERM: stop the apps, redis-server and PostgreSQL (which pg_ctl runs in a session of its own) before leaving.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    interrupted = true;
    log(`${signal}: stopping the drill's processes and servers`);
    const running = [...appProcesses];
    for (const child of running) child.kill('SIGTERM');
    const timer = setTimeout(() => running.forEach((child) => child.kill('SIGKILL')), 10_000);
    await Promise.all(
      running.map((child) => (child.exitCode !== null || child.signalCode !== null ? undefined : new Promise((done) => child.once('exit', done)))),
    );
    clearTimeout(timer);
    await redis?.stop().catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
    console.error(`[fault] interrupted; the processes' output stays in ${join(work, 'processes.log')}`);
    process.exit(130);
  });
}
try {
  log(`${quick ? 'quick' : 'full'} drill; processes' output in ${join(work, 'processes.log')}`);
  postgres = await startPostgres();
  if (redisBinary) redis = await startRedis();
  for (const backend of wantedBackends) {
    if (backend === 'redis' && !redis) {
      rows.push(...scenariosOf(backend).map((scenario) => ({ scenario, backend, skipped: 'redis-server is not installed' })));
      continue;
    }
    const stackStarted = Date.now();
    const stack = await startStack(backend, postgres, redis);
    log(`${backend}: 2 APIs and 2 workers up in ${Math.round((Date.now() - stackStarted) / 1000)} s`);
    try {
      for (const scenario of scenariosOf(backend)) {
        if (backend === 'postgres' && REDIS_ONLY.has(scenario)) {
          rows.push({ scenario, backend, skipped: 'meaningless: this backend does not use Redis' });
          continue;
        }
        const scenarioStarted = Date.now();
        rows.push(await runScenario(scenario, stack, { postgres, redis }));
        log(`${backend}: ${scenario} took ${Math.round((Date.now() - scenarioStarted) / 1000)} s`);
      }
    } finally {
      await stack.stop();
    }
  }
} catch (error) {
  failed = true;
  console.error(`[fault] ${error.stack ?? error.message}`);
} finally {
  await redis?.stop();
  await postgres?.stop().catch((error) => console.error(`[fault] stopping PostgreSQL: ${error.message}`));
  processLog.end();
}

const n = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
console.log('');
console.log(
  `Fault drill (${quick ? 'quick' : 'full'}), 2 API + 2 worker processes, ${new Date().toISOString()}, ${Math.round((Date.now() - started) / 1000)} s`,
);
console.log(
  '| scenario | backend | intakes accepted / stored | follow-ups due / fired once (duplicates) | health ok after s | first fire after s | worst lateness s | notes |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const row of rows) {
  if (row.skipped) {
    console.log(`| ${row.scenario} | ${row.backend} | skipped: ${row.skipped} | | | | | |`);
    continue;
  }
  const cpu =
    row.scenario === 'postgres-restart' && Number.isFinite(row.workerCpu)
      ? `; busiest worker ${Math.round(row.cpuDuring * 100)}% CPU during, ${Math.round(row.workerCpu * 100)}% after`
      : '';
  console.log(
    `| ${row.scenario} | ${row.backend} | ${row.accepted} / ${row.stored} | ${row.due} / ${row.firedOnce} (${row.duplicated}) | ${n(row.healthS)} | ${n(row.firstFireS)} | ${n(row.worstLateS)} | ${row.notes}${cpu} |`,
  );
}
const bad = rows.filter((row) => !row.skipped && (row.accepted !== row.stored || row.firedOnce !== row.due || row.duplicated > 0));
if (jsonFile) writeFileSync(jsonFile, `${JSON.stringify({ rows, failed }, null, 2)}\n`);
if (bad.length || failed)
  console.log(`\n${bad.length} row(s) lost or doubled something${failed ? '; the drill itself failed' : ''}. Process output: ${join(work, 'processes.log')}`);
else rmSync(work, { recursive: true, force: true });
process.exit(bad.length || failed ? 1 : 0);
