#!/usr/bin/env node
// Benchmark: the supervisors' cluster view and "seen in N other cases" over 1,000,000 cases with
// 3,000,000 offender identifiers. Loads cases and identifiers in SQL (each case a handle, a profile
// URL and a wallet; ~10% of handles from 5,000 serial offenders, ~5% of wallets from 1,000 shared
// ones, the rest unique), then measures with 20 concurrent clients (autocannon in a second
// process): the cluster list's first page, a page 10 deep, one cluster, a case page ("seen in N"),
// and beside them the raw indexed lookup behind "seen in N" and the naive GROUP BY the list avoids.
// Usage: npm run build first, then `node tools/bench/clusters.mjs`
// Options (env): BENCH_CASES (default 1000000), BENCH_SECONDS (default 10), DATABASE_URL.
// To measure again without reloading (the load takes minutes): with DATABASE_URL set,
// BENCH_KEEP_DATABASE=true keeps the loaded database and prints its URL; BENCH_DATABASE=<that URL>
// then measures on it (the API still starts on it, so new migrations are applied); BENCH_ONLY=seen-in
// times only the "seen in N" statement and the raw lookup (no API; a kept database).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { benchDatabase, freePort, percentile, runAutocannon, startApi } from './lib/bench-stack.mjs';
import { captureStatement, importSource } from './lib/product-source.mjs';

const caseCount = Number(process.env.BENCH_CASES ?? 1_000_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 20;
const keepDatabase = process.env.BENCH_KEEP_DATABASE === 'true';
const reuseUrl = process.env.BENCH_DATABASE;
const seenInOnly = process.env.BENCH_ONLY === 'seen-in';
if (seenInOnly && !reuseUrl) throw new Error('BENCH_ONLY=seen-in measures a kept database: set BENCH_DATABASE');
const log = (message) => console.error(`[bench] ${message}`);
const DEMO_PASSWORD = 'bench-password-1234';

/**
 * "Seen in N" as the case page asks it: the repository's own statement (captured, not copied) for
 * every identifier of the case, with the other cases' references as a supervisor sees them.
 */
async function seenInNStatement(client, caseId) {
  const { caseIdentifierRepository } = await importSource('libs/server/src/identifiers/case-identifier.repository.ts');
  const held = await caseIdentifierRepository.forCase({ query: async (text, params) => (await client.query(text, params)).rows }, caseId);
  return captureStatement((db) => caseIdentifierRepository.othersHolding(db, caseId, held, true));
}

async function load(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = Date.now();
  // Cases: mostly closed, three years of history, activity some time after arrival.
  await client.query(
    `
    INSERT INTO support_case (reference, access_code_hash, status, priority, priority_rank, triage_priority, triage_factors, triaged_at,
      first_response_due_at, submitted_by, channel, age_band, country, self_harm, immediate_danger, demands,
      content_posted, contact_channel, consent_contact, created_at, updated_at)
    SELECT 'BN-' || lpad(to_hex(g), 8, '0'), 'x', CASE WHEN g % 10 = 0 THEN 'new' ELSE 'closed' END,
           (ARRAY['emergency', 'urgent', 'high', 'standard'])[1 + g % 4], g % 4, (ARRAY['emergency', 'urgent', 'high', 'standard'])[1 + g % 4],
           '[]'::jsonb, created, created + interval '1 hour', 'victim', 'web', '13_17', (ARRAY['US', 'GB', 'MY', 'PH', 'IN'])[1 + g % 5],
           'none', false, '{money}', 'no', 'none', false, created, created + random() * interval '30 days'
      FROM (SELECT g, now() - random() * interval '1095 days' AS created FROM generate_series(1, $1::int) AS g) s`,
    [caseCount],
  );
  await client.query(`
    INSERT INTO case_platform (case_id, platform, offender_handle)
    SELECT id, (ARRAY['Instagram', 'Snapchat', 'TikTok', 'Discord'])[1 + (abs(hashtext(reference)) % 4)], NULL FROM support_case`);
  // Three identifiers a case: a handle (10% serial), a profile URL (unique), a wallet (5% shared).
  await client.query(`
    INSERT INTO case_identifier (case_id, kind, value, source)
    SELECT c.id, i.kind, i.value, 'evidence'
      FROM (SELECT id, row_number() OVER () AS n FROM support_case) c
      CROSS JOIN LATERAL (VALUES
        ('handle', CASE WHEN random() < 0.10 THEN 'serial.' || floor(random() * 5000)::int ELSE 'handle.' || c.n END),
        ('profile_url', 'https://instagram.com/u' || c.n),
        ('crypto_wallet', CASE WHEN random() < 0.05 THEN '0xshared' || lpad(floor(random() * 1000)::int::text, 34, '0') ELSE '0x' || lpad(to_hex(c.n), 40, '0') END)
      ) AS i(kind, value)`);
  await client.query('VACUUM ANALYZE support_case');
  await client.query('VACUUM ANALYZE case_identifier');
  await client.query('VACUUM ANALYZE case_platform');
  // Filled by the triggers as the identifiers went in (migration 1766840000000): the list reads it.
  await client.query('VACUUM ANALYZE identifier_cluster');
  const { rows } = await client.query(`SELECT (SELECT count(*)::int FROM support_case) AS cases, (SELECT count(*)::int FROM case_identifier) AS identifiers`);
  await client.end();
  return { seconds: (Date.now() - started) / 1000, ...rows[0] };
}

async function rawQuery(url, sql, params) {
  const pool = new pg.Pool({ connectionString: url, max: connections });
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
  await pool.end();
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** One run of a query, for the naive plan that is too slow to run under load. */
async function once(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const t0 = process.hrtime.bigint();
  await client.query(sql);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  await client.end();
  return ms;
}

/** The serial case the case-page rows use: its id and its serial handle. */
async function serialCase(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // A case holding a serial handle: its page counts the other cases holding each of its identifiers.
    const {
      rows: [serial],
    } = await client.query(`SELECT case_id, kind, value FROM case_identifier WHERE kind = 'handle' AND value LIKE 'serial.%' LIMIT 1`);
    return { serial, seenInN: await seenInNStatement(client, serial.case_id) };
  } finally {
    await client.end();
  }
}

const rawSeenSql = `SELECT count(DISTINCT case_id) FROM case_identifier WHERE kind = $1 AND value = $2 AND case_id <> $3`;

if (seenInOnly) {
  const { serial, seenInN } = await serialCase(reuseUrl);
  log(`measuring "seen in N" on ${reuseUrl.replace(/\/\/[^@]*@/, '//')} for case ${serial.case_id}`);
  const rawSeen = await rawQuery(reuseUrl, rawSeenSql, [serial.kind, serial.value, serial.case_id]);
  const pageSeen = await rawQuery(reuseUrl, seenInN.text, seenInN.params);
  console.log(`"seen in N" only, ${connections} clients (${new Date().toISOString()})`);
  console.log('| statement | p50 ms | p99 ms |');
  console.log('|---|---|---|');
  console.log(
    `| the repository's statement, ${seenInN.params[1].length} identifiers with their cases | ${pageSeen.p50.toFixed(2)} | ${pageSeen.p99.toFixed(2)} |`,
  );
  console.log(`| raw indexed lookup, one identifier | ${rawSeen.p50.toFixed(2)} | ${rawSeen.p99.toFixed(2)} |`);
  process.exit(0);
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
    API_RATE_LIMIT_PER_MINUTE: '100000000',
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  });
  let loaded;
  if (reuseUrl) {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query(`SELECT (SELECT count(*)::int FROM support_case) AS cases, (SELECT count(*)::int FROM case_identifier) AS identifiers`);
    await client.end();
    loaded = { seconds: 0, ...rows[0] };
    log(`reusing ${loaded.cases.toLocaleString()} cases and ${loaded.identifiers.toLocaleString()} identifiers`);
  } else {
    log(`loading ${caseCount.toLocaleString()} cases with three identifiers each`);
    loaded = await load(db.url);
    log(`loaded ${loaded.cases.toLocaleString()} cases and ${loaded.identifiers.toLocaleString()} identifiers in ${loaded.seconds.toFixed(1)} s`);
  }

  const login = await (
    await fetch(`${api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'supervisor@demo.test', password: DEMO_PASSWORD }),
    })
  ).json();
  const headers = { authorization: `Bearer ${login.accessToken}` };
  let cursor = null;
  let first = null;
  for (let i = 0; i < 10; i += 1) {
    const page = await (await fetch(`${api.url}/api/clusters?limit=20${cursor ? `&cursor=${cursor}` : ''}`, { headers })).json();
    first ??= page;
    cursor = page.nextCursor;
  }
  const key = first.items[0].key;
  const { serial, seenInN } = await serialCase(db.url);

  const measure = (path) => runAutocannon({ url: `${api.url}${path}`, connections, durationSeconds: seconds, headers });
  const rows = [];
  for (const [name, path] of [
    ['cluster list, first page (20)', '/api/clusters?limit=20'],
    ['cluster list, page 11 (cursor)', `/api/clusters?limit=20&cursor=${cursor}`],
    ['one cluster with all its cases', `/api/clusters/${key}`],
    ['case page with "seen in N" (supervisor)', `/api/cases/${serial.case_id}`],
  ]) {
    log(`measuring ${name}`);
    rows.push({ name, ...(await measure(path)) });
  }
  log('measuring the raw queries');
  const rawSeen = await rawQuery(db.url, rawSeenSql, [serial.kind, serial.value, serial.case_id]);
  const pageSeen = await rawQuery(db.url, seenInN.text, seenInN.params);
  const naiveMs = await once(
    db.url,
    `SELECT kind, value, count(DISTINCT case_id) FROM case_identifier GROUP BY kind, value HAVING count(DISTINCT case_id) >= 2 ORDER BY 3 DESC LIMIT 20`,
  );

  console.log('');
  console.log(
    `Cluster benchmark: ${loaded.cases.toLocaleString()} cases, ${loaded.identifiers.toLocaleString()} identifiers, loaded in ${loaded.seconds.toFixed(1)} s; ${connections} concurrent clients, ${seconds}s each (${new Date().toISOString()})`,
  );
  console.log('| request | per second | p50 ms | p99 ms | non-2xx |');
  console.log('|---|---|---|---|---|');
  for (const row of rows) console.log(`| ${row.name} | ${row.perSecond.toFixed(0)} | ${row.latency.p50} | ${row.latency.p99} | ${row.non2xx + row.errors} |`);
  console.log(
    `| "seen in N" for the case page: the repository's statement, its ${seenInN.params[1].length} identifiers with their cases (pg) | - | ${pageSeen.p50.toFixed(2)} | ${pageSeen.p99.toFixed(2)} | - |`,
  );
  console.log(`| raw indexed "seen in N" lookup, one identifier (pg) | - | ${rawSeen.p50.toFixed(2)} | ${rawSeen.p99.toFixed(2)} | - |`);
  console.log(`| naive GROUP BY over every identifier, once (pg) | - | ${naiveMs.toFixed(0)} | - | - |`);
  console.log('Targets: cluster view p99 <= 200 ms; "seen in N" on a case page p99 <= 10 ms (beside the raw lookup).');
} finally {
  if (api) await api.stop();
  await db.drop();
}
