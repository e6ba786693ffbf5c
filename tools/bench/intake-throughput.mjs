#!/usr/bin/env node
// Benchmark: POST /api/intakes under 50 concurrent clients (autocannon in a second process),
// printed beside a bare single-row INSERT of the same case through `pg` in the same run, with the
// API's event-loop delay and GC time in each phase (lib/loop-probe.cjs, preloaded into the API).
// Usage: npm run build first (uses dist/apps/api), then `node tools/bench/intake-throughput.mjs`
// Options (env): BENCH_SECONDS (default 20), BENCH_CONNECTIONS (default 50), BENCH_PACED_RATE (default 500), DATABASE_URL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchDatabase, freePort, runAutocannon, startApi } from './lib/bench-stack.mjs';
import { cpuTableHeader, cpuPerRequest, cpuRow, readCpu } from './lib/cpu-share.mjs';
import { LOOP_PROBE_NODE_ARGS, loopProbeRow, readLoopProbe } from './lib/loop-probe-read.mjs';
// The intake body and the bare INSERT floor are the scale-out bench's too.
import { CLIENT_ADDRESSES, bareInsert, expectOneIntake, intakeApiEnv, intakeBody as intake } from './lib/intake-load.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const pacedRate = Number(process.env.BENCH_PACED_RATE ?? 500);
const log = (message) => console.error(`[bench] ${message}`);

const db = await benchDatabase(log);
// The API's event-loop delay and GC, second by second (lib/loop-probe.cjs), to read beside each phase.
const probeFolder = mkdtempSync(join(tmpdir(), 'sg-loop-probe-'));
const probeFile = join(probeFolder, 'loop.jsonl');
let api;
try {
  const port = await freePort();
  api = await startApi(intakeApiEnv(db.url, port, { BENCH_LOOP_PROBE_FILE: probeFile }), { nodeArgs: LOOP_PROBE_NODE_ARGS });
  await expectOneIntake(api.url);
  log(`API on ${api.url}; warming up`);
  await runAutocannon({
    url: `${api.url}/api/intakes`,
    connections,
    durationSeconds: 3,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(intake),
    uniqueIdempotencyKey: true,
    distinctClients: CLIENT_ADDRESSES,
  });
  log(`POST /api/intakes for ${seconds}s with ${connections} connections`);
  const load = {
    url: `${api.url}/api/intakes`,
    connections,
    durationSeconds: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(intake),
    uniqueIdempotencyKey: true,
    distinctClients: CLIENT_ADDRESSES,
  };
  const flatFrom = Date.now();
  const flatCpu = readCpu([api.pid]);
  const http = await runAutocannon(load);
  const flatCpuShare = cpuPerRequest(flatCpu, readCpu([api.pid]), http.requests);
  const flatLoop = readLoopProbe(probeFile, flatFrom, Date.now());
  // Flat out, 50 clients that never pause measure the ceiling, and their latency is mostly queueing
  // (Little's law: latency = clients / throughput). The same clients offering the target rate show
  // the latency a person sees when 500 intakes arrive each second.
  log(`POST /api/intakes for ${seconds}s with ${connections} connections offering ${pacedRate}/s`);
  const pacedFrom = Date.now();
  const pacedCpu = readCpu([api.pid]);
  const paced = await runAutocannon({ ...load, overallRate: pacedRate });
  const pacedCpuShare = cpuPerRequest(pacedCpu, readCpu([api.pid]), paced.requests);
  // The probe writes each second as it ends: wait for the last one.
  await new Promise((done) => setTimeout(done, 1100));
  const pacedLoop = readLoopProbe(probeFile, pacedFrom, Date.now() - 1100);
  await api.stop();
  api = undefined;
  log(`bare INSERT for ${seconds}s with ${connections} clients`);
  const bare = await bareInsert(db.url, { connections, seconds });

  console.log('');
  console.log(`Intake benchmark (${connections} concurrent clients, ${seconds}s, ${new Date().toISOString()})`);
  console.log('| path | per second | p50 ms | p99 ms | requests | non-2xx |');
  console.log('|---|---|---|---|---|---|');
  console.log(
    `| POST /api/intakes (HTTP, full case), flat out | ${http.perSecond.toFixed(0)} | ${http.latency.p50} | ${http.latency.p99} | ${http.requests} | ${http.non2xx + http.errors} |`,
  );
  console.log(
    `| POST /api/intakes (HTTP, full case), offered ${pacedRate}/s | ${paced.perSecond.toFixed(0)} | ${paced.latency.p50} | ${paced.latency.p99} | ${paced.requests} | ${paced.non2xx + paced.errors} |`,
  );
  console.log(`| bare single-row INSERT via pg | ${bare.perSecond.toFixed(0)} | ${bare.p50.toFixed(2)} | ${bare.p99.toFixed(2)} | ${bare.total} | 0 |`);
  console.log(`Status codes: ${JSON.stringify(http.statusCodes)}, paced ${JSON.stringify(paced.statusCodes)}`);
  console.log('');
  console.log("The API's event loop (sampled every 10 ms) and garbage collector, per second of each phase:");
  console.log('| phase | loop delay p99 ms, median / worst second | worst delay ms | time in GC | GCs per second |');
  console.log('|---|---|---|---|---|');
  console.log(loopProbeRow('flat out', flatLoop));
  console.log(loopProbeRow(`offered ${pacedRate}/s`, pacedLoop));
  console.log('');
  console.log("CPU per request by who spent it (/proc; the bare INSERT's client runs in the bench, so it counts as the rest):");
  for (const line of cpuTableHeader()) console.log(line);
  console.log(cpuRow('intake, flat out', flatCpuShare));
  console.log(cpuRow(`intake, offered ${pacedRate}/s`, pacedCpuShare));
  console.log(cpuRow('bare INSERT', bare.cpu));
  // Issue 15's targets, each a ratio to the bare INSERT of this run (machines differ by up to 2×).
  const pacedRatio = paced.latency.p99 / bare.p99;
  const share = http.perSecond / bare.perSecond;
  const absolute = bare.p99 <= 25 ? ` and <= 50 ms (bare p99 <= 25 ms here): ${paced.latency.p99 <= 50 ? 'met' : 'not met'}` : '';
  console.log('');
  console.log('| target (issue 15) | figure | floor | ratio | met |');
  console.log('|---|---|---|---|---|');
  console.log(
    `| paced p99 <= 2× the bare INSERT's p99 | ${paced.latency.p99} ms | ${bare.p99.toFixed(2)} ms | ${pacedRatio.toFixed(1)}× | ${pacedRatio <= 2 ? 'yes' : 'no'}${absolute} |`,
  );
  console.log(
    `| flat-out throughput >= 35% of the bare INSERT's | ${http.perSecond.toFixed(0)}/s | ${bare.perSecond.toFixed(0)}/s | ${(share * 100).toFixed(0)}% | ${share >= 0.35 ? 'yes' : 'no'} |`,
  );
} finally {
  if (api) await api.stop();
  await db.drop();
  rmSync(probeFolder, { recursive: true, force: true });
}
