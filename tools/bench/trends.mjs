#!/usr/bin/env node
// Benchmark: the supervisor's Trends page (GET /api/trends) over 1,000,000 cases.
// Loads three years of history in a few SQL statements (the queue benchmark's mix of priorities
// and statuses, first responses at realistic offsets, a takedown request for about a quarter of
// the cases and an agency report for a fifth), then measures 20 concurrent clients (autocannon in
// a second process) asking for the last 7, 30 and 90 days (one computation shared between them),
// 20 clients whose every request is computed, and how each window's rows are read (EXPLAIN).
// Usage: npm run build first, then `node tools/bench/trends.mjs`
// Options (env): BENCH_CASES (default 1000000), BENCH_SECONDS (default 10), DATABASE_URL.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { benchDatabase, freePort, percentile, runAutocannon, startApi } from './lib/bench-stack.mjs';

const caseCount = Number(process.env.BENCH_CASES ?? 1_000_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 20;
const log = (message) => console.error(`[bench] ${message}`);
const DEMO_PASSWORD = 'bench-password-1234';

async function load(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = Date.now();
  // Priorities 5/20/35/40 %, ~85% closed, ~5% new and unassigned; first responses between a
  // minute and twice the target (so attainment is not 100%), none for new cases.
  await client.query(
    `
    WITH staff AS (SELECT array_agg(id ORDER BY email) AS ids FROM staff_user WHERE role IN ('caseworker', 'supervisor')),
    raw AS (
      SELECT g, random() AS p, random() AS s, random() AS r, now() - (random() * interval '1095 days') AS created
        FROM generate_series(1, $1::int) AS g
    ),
    shaped AS (
      SELECT g, created, r,
             CASE WHEN p < 0.05 THEN 0 WHEN p < 0.25 THEN 1 WHEN p < 0.60 THEN 2 ELSE 3 END AS rank,
             CASE WHEN s < 0.05 THEN 'new' WHEN s < 0.10 THEN 'in_progress' WHEN s < 0.13 THEN 'waiting' WHEN s < 0.15 THEN 'resolved' ELSE 'closed' END AS status
        FROM raw
    ),
    targeted AS (
      SELECT *, (ARRAY[interval '15 minutes', interval '1 hour', interval '8 hours', interval '48 hours'])[rank + 1] AS target FROM shaped
    )
    INSERT INTO support_case (reference, access_code_hash, status, priority, priority_rank, triage_priority, triage_factors, triaged_at,
      first_response_due_at, first_responded_at, submitted_by, channel, age_band, country, self_harm, immediate_danger, demands,
      content_posted, contact_channel, consent_contact, assignee_id, created_at, updated_at)
    SELECT 'BT-' || lpad(to_hex(g), 8, '0'), 'x', status,
           (ARRAY['emergency', 'urgent', 'high', 'standard'])[rank + 1], rank, (ARRAY['emergency', 'urgent', 'high', 'standard'])[rank + 1],
           '[]'::jsonb, created, created + target,
           CASE WHEN status = 'new' THEN NULL ELSE created + interval '1 minute' + r * 2 * target END,
           'victim', 'web', '13_17', 'US', 'none', false, '{money}', 'no', 'none', false,
           CASE WHEN status = 'new' THEN NULL ELSE (SELECT ids[1 + (g % array_length(ids, 1))] FROM staff) END,
           created, created
      FROM targeted`,
    [caseCount],
  );
  // A quarter of the cases have a takedown request a few hours in: ~70% removed within days, ~15% rejected.
  await client.query(`
    INSERT INTO takedown_request (case_id, platform, url, channel, status, submitted_at, removed_at, rejected_at, created_at)
    SELECT id, (ARRAY['Instagram', 'Snapchat', 'TikTok', 'Discord', 'X', 'Telegram', 'Facebook', 'Reddit'])[1 + floor(random() * 8)::int],
           'https://example.org/' || id, 'platform_form',
           CASE WHEN o < 0.70 THEN 'removed' WHEN o < 0.85 THEN 'rejected' ELSE 'submitted' END,
           sub,
           CASE WHEN o < 0.70 THEN sub + random() * interval '7 days' END,
           CASE WHEN o >= 0.70 AND o < 0.85 THEN sub + random() * interval '3 days' END,
           sub
      FROM (SELECT id, random() AS o, created_at + random() * interval '6 hours' AS sub FROM support_case WHERE random() < 0.25) t`);
  // A fifth have a report to an agency, most acknowledged or answered within two weeks.
  await client.query(`
    INSERT INTO case_report (case_id, agency_kind, agency_name, status, filed_at, acknowledged_at, closed_at, created_at)
    SELECT id, (ARRAY['police', 'cybercrime_unit', 'cybertipline', 'platform'])[1 + floor(random() * 4)::int], 'Agency',
           CASE WHEN o < 0.4 THEN 'acknowledged' WHEN o < 0.7 THEN 'actioned' ELSE 'filed' END,
           filed,
           CASE WHEN o < 0.4 THEN filed + random() * interval '14 days' END,
           CASE WHEN o >= 0.4 AND o < 0.7 THEN filed + random() * interval '14 days' END,
           filed
      FROM (SELECT id, random() AS o, created_at + random() * interval '1 day' AS filed FROM support_case WHERE random() < 0.2) t`);
  // What autovacuum does in production soon after a bulk load; index-only scans need it.
  await client.query('VACUUM ANALYZE support_case');
  await client.query('VACUUM ANALYZE takedown_request');
  await client.query('VACUUM ANALYZE case_report');
  const elapsed = (Date.now() - started) / 1000;
  const { rows } =
    await client.query(`SELECT (SELECT count(*) FROM support_case)::int AS cases, (SELECT count(*) FROM takedown_request)::int AS takedowns, (SELECT count(*) FROM case_report)::int AS reports,
                                              (SELECT count(*) FROM support_case WHERE created_at > now() - interval '30 days')::int AS last30`);
  await client.end();
  return { seconds: elapsed, ...rows[0] };
}

/** How the window's rows are read (EXPLAIN ANALYZE): a missing index shows as a Seq Scan or a Bitmap Heap Scan. */
async function windowScans(url, days) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const from = (await client.query(`SELECT (((now() AT TIME ZONE 'UTC')::date - ($1::int - 1))::timestamp AT TIME ZONE 'UTC') AS from`, [days])).rows[0].from;
  const plans = {};
  for (const [name, sql] of [
    [
      'cases in window',
      `SELECT priority_rank, count(*), count(first_responded_at), percentile_cont(array[0.5, 0.9]) WITHIN GROUP (ORDER BY first_responded_at - created_at) FROM support_case WHERE created_at >= $1 GROUP BY 1`,
    ],
    ['takedowns in window', `SELECT lower(btrim(platform)), count(*), count(removed_at) FROM takedown_request WHERE submitted_at >= $1 GROUP BY 1`],
    ['reports in window', `SELECT agency_kind, count(*) FROM case_report WHERE filed_at >= $1 GROUP BY 1`],
  ]) {
    const { rows } = await client.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, [from]);
    const plan = rows[0]['QUERY PLAN'][0];
    const scans = [];
    const walk = (node) => {
      if (/Scan/.test(node['Node Type'])) scans.push(`${node['Node Type']}${node['Index Name'] ? ` on ${node['Index Name']}` : ''}`);
      (node.Plans ?? []).forEach(walk);
    };
    walk(plan.Plan);
    plans[name] = { ms: plan['Execution Time'], scans: scans.join(', ') };
  }
  await client.end();
  return plans;
}

const db = await benchDatabase(log);
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
  log(`loading ${caseCount.toLocaleString()} cases with their takedowns and reports`);
  const loaded = await load(db.url);
  log(
    `loaded ${loaded.cases.toLocaleString()} cases, ${loaded.takedowns.toLocaleString()} takedowns, ${loaded.reports.toLocaleString()} reports in ${loaded.seconds.toFixed(1)} s`,
  );

  const login = await (
    await fetch(`${api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'supervisor@demo.test', password: DEMO_PASSWORD }),
    })
  ).json();
  const headers = { authorization: `Bearer ${login.accessToken}` };

  const get = async (path) => {
    const t0 = process.hrtime.bigint();
    const response = await fetch(`${api.url}${path}`, { headers });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    await response.arrayBuffer();
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };

  // Cold: each request a zone not asked for before, so each is computed (not shared).
  const zones = ['Europe/London', 'Asia/Kuala_Lumpur', 'America/New_York', 'Europe/Berlin', 'Australia/Sydney'];
  const rows = [];
  for (const days of [7, 30, 90]) {
    const cold = [];
    for (const zone of zones) cold.push(await get(`/api/trends?days=${days}&tz=${zone}`));
    cold.sort((a, b) => a - b);
    const path = `/api/trends?days=${days}&tz=Europe/London`;
    log(`measuring ${path} with ${connections} clients`);
    const shared = await runAutocannon({ url: `${api.url}${path}`, connections, durationSeconds: seconds, headers });
    rows.push({ days, cold: percentile(cold, 50), ...shared, plans: await windowScans(db.url, days) });
  }

  // Unshared: 20 clients, each request a different window (20 to 40 days, more windows than are
  // kept), so every request is computed: what 20 supervisors asking different questions cost.
  log(`measuring ${connections} clients asking for 20 to 40 days, each request computed`);
  const unshared = [];
  let next = 0;
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < deadline) unshared.push(await get(`/api/trends?days=${20 + (next++ % 21)}&tz=Europe/London`));
    }),
  );
  unshared.sort((a, b) => a - b);

  console.log('');
  console.log(
    `Trends benchmark: ${loaded.cases.toLocaleString()} cases (${loaded.last30.toLocaleString()} in the last 30 days), ${loaded.takedowns.toLocaleString()} takedown requests, ${loaded.reports.toLocaleString()} reports, loaded in ${loaded.seconds.toFixed(1)} s; ${connections} concurrent clients, ${seconds}s each (${new Date().toISOString()})`,
  );
  console.log('| request | computed, one at a time (p50 ms) | per second (20 clients) | p50 ms | p99 ms | non-2xx |');
  console.log('|---|---|---|---|---|---|');
  for (const row of rows)
    console.log(
      `| GET /api/trends?days=${row.days} (shared) | ${row.cold.toFixed(1)} | ${row.perSecond.toFixed(0)} | ${row.latency.p50} | ${row.latency.p99} | ${row.non2xx + row.errors} |`,
    );
  console.log(
    `| GET /api/trends?days=20..40, every request computed | - | ${(unshared.length / seconds).toFixed(0)} | ${percentile(unshared, 50).toFixed(0)} | ${percentile(unshared, 99).toFixed(0)} | 0 |`,
  );
  console.log('');
  console.log('| window | query | execution ms | scans |');
  console.log('|---|---|---|---|');
  for (const row of rows)
    for (const [name, plan] of Object.entries(row.plans)) console.log(`| ${row.days} days | ${name} | ${plan.ms.toFixed(1)} | ${plan.scans} |`);
  console.log('Targets: GET /api/trends?days=30 p99 <= 100 ms with 20 clients (shared); computed once <= 250 ms.');
} finally {
  if (api) await api.stop();
  await db.drop();
}
