#!/usr/bin/env node
// Benchmark: the intake load (POST /api/intakes, 50 clients flat out, then offering 500/s) against
// the API as 1 and then 2 processes on the same machine (API_PROCESSES, Node's cluster), printed
// beside the bare single-row INSERT floor from the same run, each with the machine's load average
// when it ran. On a machine with few cores the API processes, PostgreSQL and the load generator
// share them: read the figures with the core count and the load beside them.
// Usage: npm run build first (uses dist/apps/api), then `node tools/bench/scale-out.mjs`
// Options (env): BENCH_SECONDS (default 20), BENCH_CONNECTIONS (default 50), BENCH_PACED_RATE (default 500),
// BENCH_PROCESSES (default "1,2"), DATABASE_URL (a server that may create databases; unset: a throwaway embedded one).
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { benchDatabase, freePort, runAutocannon, startApi } from './lib/bench-stack.mjs';
import { bareInsert, expectOneIntake, intakeApiEnv, intakeLoad } from './lib/intake-load.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const pacedRate = Number(process.env.BENCH_PACED_RATE ?? 500);
const processCounts = (process.env.BENCH_PROCESSES ?? '1,2').split(',').map(Number);
if (processCounts.some((n) => !Number.isInteger(n) || n < 1 || n > 64)) throw new Error('BENCH_PROCESSES: a comma list of process counts (1 to 64)');
const log = (message) => console.error(`[bench] ${message}`);
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
/** The 1-minute load average, as `uptime` prints it. */
const load = () => loadavg()[0].toFixed(2);

/** The cluster's primary forks its processes after migrating: wait until all of them exist. */
async function processesRunning(pid, count) {
  const children = () =>
    spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter((line) => line.trim()).length;
  for (let i = 0; i < 240 && children() < count; i += 1) await sleep(250);
  if (children() < count) throw new Error(`The API did not start ${count} processes within 60 s`);
}

async function measure(db, processes) {
  const port = await freePort();
  const api = await startApi(intakeApiEnv(db.url, port, { API_PROCESSES: String(processes) }));
  try {
    if (processes > 1) await processesRunning(api.pid, processes);
    await expectOneIntake(api.url);
    // Long enough for every process to have listened and warmed its JIT and connection pool.
    log(`API_PROCESSES=${processes} on ${api.url}; warming up`);
    await runAutocannon(intakeLoad(api.url, { connections, seconds: 5 }));
    const flatLoad = load();
    log(`API_PROCESSES=${processes}: POST /api/intakes for ${seconds}s with ${connections} connections (load ${flatLoad})`);
    const flat = await runAutocannon(intakeLoad(api.url, { connections, seconds }));
    const pacedLoad = load();
    log(`API_PROCESSES=${processes}: the same offering ${pacedRate}/s (load ${pacedLoad})`);
    const paced = await runAutocannon(intakeLoad(api.url, { connections, seconds, overallRate: pacedRate }));
    return { processes, flat: { ...flat, load: flatLoad }, paced: { ...paced, load: pacedLoad } };
  } finally {
    await api.stop();
  }
}

const db = await benchDatabase(log);
try {
  const startedAt = new Date().toISOString();
  const rows = [];
  for (const processes of processCounts) rows.push(await measure(db, processes));
  const bareLoad = load();
  log(`bare INSERT for ${seconds}s with ${connections} clients (load ${bareLoad})`);
  const bare = await bareInsert(db.url, { connections, seconds });

  const ratio = (value, floor) => (floor > 0 ? `${((100 * value) / floor).toFixed(0)}%` : 'n/a');
  console.log('');
  console.log(`Scale-out benchmark: POST /api/intakes, ${connections} clients, ${seconds}s per run, ${availableParallelism()} cores, ${startedAt}`);
  console.log(
    '| API processes | load | flat out /s | of bare | p50 ms | p99 ms | load | offered ' + pacedRate + '/s: /s | p50 ms | p99 ms | p99 / bare p99 | non-2xx |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const { processes, flat, paced } of rows) {
    console.log(
      `| ${processes} | ${flat.load} | ${flat.perSecond.toFixed(0)} | ${ratio(flat.perSecond, bare.perSecond)} | ${flat.latency.p50} | ${flat.latency.p99} ` +
        `| ${paced.load} | ${paced.perSecond.toFixed(0)} | ${paced.latency.p50} | ${paced.latency.p99} | ${(paced.latency.p99 / bare.p99).toFixed(1)}x | ${flat.non2xx + flat.errors + paced.non2xx + paced.errors} |`,
    );
  }
  console.log(
    `| bare single-row INSERT via pg (the floor) | ${bareLoad} | ${bare.perSecond.toFixed(0)} | 100% | ${bare.p50.toFixed(2)} | ${bare.p99.toFixed(2)} | | | | | | 0 |`,
  );
  console.log('"load": the 1-minute load average as each run started (uptime). The API processes, PostgreSQL and autocannon share the cores.');
} finally {
  await db.drop();
}
