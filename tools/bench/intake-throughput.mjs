#!/usr/bin/env node
// Benchmark: POST /api/intakes under 50 concurrent clients (autocannon in a second process),
// printed beside a bare single-row INSERT of the same case through `pg` in the same run.
// Usage: npm run build first (uses dist/apps/api), then `node tools/bench/intake-throughput.mjs`
// Options (env): BENCH_SECONDS (default 20), BENCH_CONNECTIONS (default 50), BENCH_PACED_RATE (default 500), DATABASE_URL.
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { benchDatabase, freePort, percentile, runAutocannon, startApi } from './lib/bench-stack.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
// Phones the intakes come from: enough that none reaches the default 30 intakes per 10 minutes.
const CLIENT_ADDRESSES = 50_000;
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const pacedRate = Number(process.env.BENCH_PACED_RATE ?? 500);
const log = (message) => console.error(`[bench] ${message}`);

const intake = {
  submittedBy: 'victim', channel: 'web', ageBand: '13_17', contentMadeUnder18: true, country: 'US', selfHarm: 'none',
  immediateDanger: false, deadlineAt: null, demands: ['money'], contentPosted: 'no', stillInContact: true, paid: false,
  platforms: [{ platform: 'Instagram', offenderHandle: '@someone', profileUrl: 'https://instagram.com/someone' }],
  contentUrls: [], narrative: 'They want money by tomorrow or they will send the pictures to my friends.',
  contact: { channel: 'email', value: 'bench@example.com', canMentionOrganisation: false },
  consent: { storeData: true, contactMe: true },
};

async function bareInsert(url) {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  const latencies = [];
  const deadline = Date.now() + seconds * 1000;
  const started = Date.now();
  async function client() {
    while (Date.now() < deadline) {
      const t0 = process.hrtime.bigint();
      await pool.query(
        `INSERT INTO support_case (id, reference, access_code_hash, priority, priority_rank, triage_priority, triage_factors, triaged_at,
           first_response_due_at, submitted_by, channel, age_band, content_made_under_18, country, self_harm, immediate_danger,
           demands, content_posted, still_in_contact, paid, narrative_sealed, contact_channel, consent_contact)
         VALUES ($1, $2, 'x', 'urgent', 1, 'urgent', '[]', now(), now(), 'victim', 'web', '13_17', true, 'US', 'none', false,
           '{money}', 'no', true, false, $3, 'email', true)`,
        // The narrative is sealed at rest: bytes of a sealed value's size (1 + 12 + 16 + the JSON text).
        [randomUUID(), `B-${randomBytes(6).toString('hex')}`, randomBytes(29 + JSON.stringify(intake.narrative).length)],
      );
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  await Promise.all(Array.from({ length: connections }, client));
  const elapsed = (Date.now() - started) / 1000;
  await pool.end();
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), total: latencies.length };
}

const db = await benchDatabase(log);
let api;
try {
  const port = await freePort();
  api = await startApi({
    DATABASE_URL: db.url, API_PORT: String(port), NODE_ENV: 'production', DEMO_SEED: 'false', LOG_LEVEL: 'warn',
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    // The per-client limits stay as configured: the load comes from many addresses (distinctClients).
    // Lifting them for one client made the limiter keep every hit of the run and scan them all on
    // each request, which no real day does.
  });
  const probe = await fetch(`${api.url}/api/intakes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(intake) });
  if (probe.status !== 201) throw new Error(`A single intake failed (${probe.status}): ${await probe.text()}`);
  log(`API on ${api.url}; warming up`);
  await runAutocannon({ url: `${api.url}/api/intakes`, connections, durationSeconds: 3, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(intake), uniqueIdempotencyKey: true, distinctClients: CLIENT_ADDRESSES });
  log(`POST /api/intakes for ${seconds}s with ${connections} connections`);
  const load = { url: `${api.url}/api/intakes`, connections, durationSeconds: seconds, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(intake), uniqueIdempotencyKey: true, distinctClients: CLIENT_ADDRESSES };
  const http = await runAutocannon(load);
  // Flat out, 50 clients that never pause measure the ceiling, and their latency is mostly queueing
  // (Little's law: latency = clients / throughput). The same clients offering the target rate show
  // the latency a person sees when 500 intakes arrive each second.
  log(`POST /api/intakes for ${seconds}s with ${connections} connections offering ${pacedRate}/s`);
  const paced = await runAutocannon({ ...load, overallRate: pacedRate });
  await api.stop();
  api = undefined;
  log(`bare INSERT for ${seconds}s with ${connections} clients`);
  const bare = await bareInsert(db.url);

  console.log('');
  console.log(`Intake benchmark (${connections} concurrent clients, ${seconds}s, ${new Date().toISOString()})`);
  console.log('| path | per second | p50 ms | p99 ms | requests | non-2xx |');
  console.log('|---|---|---|---|---|---|');
  console.log(`| POST /api/intakes (HTTP, full case), flat out | ${http.perSecond.toFixed(0)} | ${http.latency.p50} | ${http.latency.p99} | ${http.requests} | ${http.non2xx + http.errors} |`);
  console.log(`| POST /api/intakes (HTTP, full case), offered ${pacedRate}/s | ${paced.perSecond.toFixed(0)} | ${paced.latency.p50} | ${paced.latency.p99} | ${paced.requests} | ${paced.non2xx + paced.errors} |`);
  console.log(`| bare single-row INSERT via pg | ${bare.perSecond.toFixed(0)} | ${bare.p50.toFixed(2)} | ${bare.p99.toFixed(2)} | ${bare.total} | 0 |`);
  console.log(`Targets: p99 <= 50 ms and >= 500 intakes/s. Status codes: ${JSON.stringify(http.statusCodes)}, paced ${JSON.stringify(paced.statusCodes)}`);
} finally {
  if (api) await api.stop();
  await db.drop();
}
