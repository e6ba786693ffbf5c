#!/usr/bin/env node
// Benchmark: the staff queues and the supervisor's queue health over 1,000,000 cases.
// Loads a realistic mix (most closed, ~5% unassigned) in one SQL statement, then measures with
// 20 concurrent clients (autocannon in a second process; each request warmed for 3 s first): the
// unassigned queue's first page, a deep keyset page, and queue health; beside each, its floor through pg in the same run (the raw indexed
// query for the pages; for queue health its costliest part, the caseworker-load counts, as the repository
// writes them) and the ratio between them.
// Usage: npm run build first, then `node tools/bench/queues.mjs`
// Options (env): BENCH_CASES (default 1000000), BENCH_SECONDS (default 10), DATABASE_URL;
// BENCH_KEEP_DATABASE=true keeps the loaded database and prints its URL, BENCH_DATABASE=<that URL>
// measures it again without loading (to compare a change on the same data).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { cpuTableHeader, cpuPerRequest, cpuRow, readCpu } from './lib/cpu-share.mjs';
import { benchDatabase, freePort, percentile, runAutocannon, startApi } from './lib/bench-stack.mjs';
import { captureStatement, importSource } from './lib/product-source.mjs';

const caseCount = Number(process.env.BENCH_CASES ?? 1_000_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmupSeconds = 3;
const connections = 20;
const keepDatabase = process.env.BENCH_KEEP_DATABASE === 'true';
const reuseUrl = process.env.BENCH_DATABASE;
const log = (message) => console.error(`[bench] ${message}`);
const DEMO_PASSWORD = 'bench-password-1234';

/** The caseworker-load SQL exactly as the API runs it (captured from the repository, not copied). */
async function caseworkerLoadSql() {
  const { queueHealthRepository } = await importSource('libs/server/src/supervision/queue-health.repository.ts');
  return (await captureStatement((db) => queueHealthRepository.caseworkerLoad(db))).text;
}

async function loadCases(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = Date.now();
  log(`loading ${caseCount.toLocaleString()} cases`);
  // One statement: priorities 5/20/35/40 %, statuses ~85% closed, ~5% new and unassigned,
  // the rest in progress, waiting or resolved with one of the caseworkers; three years of history.
  await client.query(
    `
    WITH staff AS (SELECT array_agg(id ORDER BY email) AS ids FROM staff_user WHERE role IN ('caseworker', 'supervisor')),
    raw AS (
      SELECT g, random() AS p, random() AS s, now() - (random() * interval '1095 days') AS created
        FROM generate_series(1, $1::int) AS g
    ),
    shaped AS (
      SELECT g, created,
             CASE WHEN p < 0.05 THEN 0 WHEN p < 0.25 THEN 1 WHEN p < 0.60 THEN 2 ELSE 3 END AS rank,
             CASE WHEN s < 0.05 THEN 'new' WHEN s < 0.10 THEN 'in_progress' WHEN s < 0.13 THEN 'waiting' WHEN s < 0.15 THEN 'resolved' ELSE 'closed' END AS status
        FROM raw
    )
    INSERT INTO support_case (reference, access_code_hash, status, priority, priority_rank, triage_priority, triage_factors, triaged_at,
      first_response_due_at, first_responded_at, submitted_by, channel, age_band, country, self_harm, immediate_danger, demands,
      content_posted, contact_channel, consent_contact, assignee_id, created_at, updated_at)
    SELECT 'BN-' || lpad(to_hex(g), 8, '0'), 'x', status,
           (ARRAY['emergency', 'urgent', 'high', 'standard'])[rank + 1], rank, (ARRAY['emergency', 'urgent', 'high', 'standard'])[rank + 1],
           '[]'::jsonb, created,
           created + (ARRAY[interval '15 minutes', interval '1 hour', interval '8 hours', interval '48 hours'])[rank + 1],
           CASE WHEN status = 'new' THEN NULL ELSE created + interval '10 minutes' END,
           'victim', 'web', '13_17', 'US', 'none', false, '{money}', 'no', 'none', false,
           CASE WHEN status = 'new' THEN NULL ELSE (SELECT ids[1 + (g % array_length(ids, 1))] FROM staff) END,
           created, created
      FROM shaped`,
    [caseCount],
  );
  // What autovacuum does in production soon after a bulk load; index-only scans need it.
  await client.query('VACUUM ANALYZE support_case');
  await client.end();
  return { ...(await counted(url)), seconds: (Date.now() - started) / 1000 };
}

/** The loaded database's cases (a kept database's too, measured again). */
async function counted(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(
    `SELECT count(*) FILTER (WHERE assignee_id IS NULL AND status IN ('new','in_progress','waiting'))::int AS unassigned, count(*)::int AS total FROM support_case`,
  );
  await client.end();
  return { seconds: 0, ...rows[0] };
}

async function rawQuery(url, sql, params) {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  // Warmed like the API: every connection open and the statement run on each before timing.
  const warmUntil = Date.now() + 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < warmUntil) await pool.query(sql, params);
    }),
  );
  // Read while the pool is open: a closed connection's server process takes its CPU time with it.
  const cpuBefore = readCpu([]);
  const latencies = [];
  const deadline = Date.now() + Math.min(seconds, 5) * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < deadline) {
        const t0 = process.hrtime.bigint();
        await pool.query(sql, params);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const cpu = cpuPerRequest(cpuBefore, readCpu([]), latencies.length);
  await pool.end();
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), cpu };
}

const db = reuseUrl ? { url: reuseUrl, drop: async () => undefined } : await benchDatabase(log, { keep: keepDatabase });
let api;
try {
  const port = await freePort();
  api = await startApi({
    DATABASE_URL: db.url,
    API_PORT: String(port),
    NODE_ENV: 'development',
    DEMO_SEED: 'true',
    DEMO_PASSWORD,
    LOG_LEVEL: 'warn',
    // Twenty clients share one staff session (the limit counts per session): lift its limit.
    API_RATE_LIMIT_PER_MINUTE: '100000000',
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  });
  const loaded = reuseUrl ? await counted(db.url) : await loadCases(db.url);
  log(`loaded ${loaded.total.toLocaleString()} cases (${loaded.unassigned.toLocaleString()} unassigned) in ${loaded.seconds.toFixed(1)} s`);

  const login = await (
    await fetch(`${api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'supervisor@demo.test', password: DEMO_PASSWORD }),
    })
  ).json();
  const headers = { authorization: `Bearer ${login.accessToken}` };
  // A deep page: follow the cursor 40 pages in (2,000 rows deep).
  let cursor = null;
  for (let i = 0; i < 40; i += 1) {
    const page = await (await fetch(`${api.url}/api/cases?queue=unassigned&limit=50${cursor ? `&cursor=${cursor}` : ''}`, { headers })).json();
    cursor = page.nextCursor;
  }
  // [rank, due time in microseconds since the epoch, id], as the API's cursor carries it.
  const deepKey = JSON.parse(Buffer.from(cursor, 'base64url').toString());

  const measure = (path, durationSeconds = seconds) => runAutocannon({ url: `${api.url}${path}`, connections, durationSeconds, headers });
  const rows = [];
  for (const [name, path] of [
    ['unassigned queue, first page (50)', '/api/cases?queue=unassigned&limit=50'],
    ['unassigned queue, deep keyset page', `/api/cases?queue=unassigned&limit=50&cursor=${cursor}`],
    ['supervisor queue health', '/api/supervision/queue-health'],
  ]) {
    // Warmed first, as the intake bench does: a long-running API has its code compiled and its
    // statements prepared on every pooled connection; unwarmed, the first phase measured that too.
    log(`warming up, then measuring ${name}`);
    await measure(path, warmupSeconds);
    const cpuBefore = readCpu([api.pid]);
    const result = await measure(path);
    rows.push({ name, ...result, cpu: cpuPerRequest(cpuBefore, readCpu([api.pid]), result.requests) });
  }
  log('measuring the raw indexed queries');
  const rawFirst = await rawQuery(
    db.url,
    `SELECT id FROM support_case WHERE assignee_id IS NULL AND status IN ('new','in_progress','waiting') ORDER BY priority_rank, first_response_due_at, id LIMIT 51`,
  );
  const rawDeep = await rawQuery(
    db.url,
    `SELECT id FROM support_case WHERE assignee_id IS NULL AND status IN ('new','in_progress','waiting') AND (priority_rank, first_response_due_at, id) > ($1, 'epoch'::timestamptz + $2::bigint * interval '1 microsecond', $3::uuid) ORDER BY priority_rank, first_response_due_at, id LIMIT 51`,
    deepKey,
  );
  const naive = await rawQuery(db.url, `SELECT priority, status, count(*) FROM support_case GROUP BY 1, 2`);
  const rawLoad = await rawQuery(db.url, await caseworkerLoadSql());

  console.log('');
  console.log(
    `Queue benchmark: ${loaded.total.toLocaleString()} cases, ${loaded.unassigned.toLocaleString()} unassigned, loaded in ${loaded.seconds.toFixed(1)} s; ${connections} concurrent clients, ${seconds}s each (${new Date().toISOString()})`,
  );
  console.log('| request | per second | p50 ms | p99 ms | non-2xx |');
  console.log('|---|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.name} | ${row.perSecond.toFixed(0)} | ${row.latency.p50} | ${row.latency.p99} | ${row.non2xx + row.errors} |`);
  console.log(`| raw indexed query, first page (pg) | - | ${rawFirst.p50.toFixed(2)} | ${rawFirst.p99.toFixed(2)} | - |`);
  console.log(`| raw indexed query, deep page (pg) | - | ${rawDeep.p50.toFixed(2)} | ${rawDeep.p99.toFixed(2)} | - |`);
  console.log(`| raw caseworker-load counts (pg, the repository's SQL) | - | ${rawLoad.p50.toFixed(2)} | ${rawLoad.p99.toFixed(2)} | - |`);
  console.log(`| naive GROUP BY over every case (pg) | - | ${naive.p50.toFixed(2)} | ${naive.p99.toFixed(2)} | - |`);
  console.log('');
  console.log("CPU per request by who spent it (/proc; the raw queries' client runs in the bench, so it counts as the rest):");
  for (const line of cpuTableHeader()) console.log(line);
  for (const row of rows) console.log(cpuRow(row.name, row.cpu));
  console.log(cpuRow('raw indexed query, first page', rawFirst.cpu));
  console.log(cpuRow('raw indexed query, deep page', rawDeep.cpu));
  const [first, deep, health] = rows;
  const ratio = (value, floor) => `${(value / floor).toFixed(1)}×`;
  console.log('');
  console.log('| target (issue 15: p99 <= 4× its floor, same run) | p99 ms | floor p99 ms | ratio | met |');
  console.log('|---|---|---|---|---|');
  for (const [name, row, floor] of [
    ['queue, first page / raw indexed query', first, rawFirst],
    ['queue, deep page / raw indexed query', deep, rawDeep],
    ['queue health / raw caseworker-load counts', health, rawLoad],
  ]) {
    console.log(
      `| ${name} | ${row.latency.p99} | ${floor.p99.toFixed(2)} | ${ratio(row.latency.p99, floor.p99)} | ${row.latency.p99 <= 4 * floor.p99 ? 'yes' : 'no'} |`,
    );
  }
} finally {
  if (api) await api.stop();
  await db.drop();
}
