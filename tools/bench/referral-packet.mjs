#!/usr/bin/env node
// Benchmark: the referral packet (GET /api/cases/:id/referral-packet), a ~20-page PDF.
// Seeds one case the way a long-running financial-sextortion case grows, through the API (so the
// timeline, identifier index and audit rows are the product's own): an intake naming three
// platforms (one handle in Cyrillic), then a caseworker recording evidence over two weeks (threat
// messages with file fingerprints, offender accounts, payments with transaction IDs, wallets and
// gift-card codes), takedown requests on every account and post with their ticket numbers and
// lifecycle moves, reports to police, the cybercrime unit, the CyberTipline and platforms with
// their reference numbers, notes and status changes. Then times the packet one request at a time
// (the PDF read to its last byte) and reads it back with pdf-parse for its page count.
// Usage: npm run build first, then `node tools/bench/referral-packet.mjs`
// Options (env): BENCH_EVIDENCE (default 110), BENCH_TAKEDOWNS (default 24), BENCH_REPORTS (default 10),
// BENCH_RUNS (default 20), BENCH_HANDLES=mixed (handles in Chinese, Korean, Thai and Arabic, so the packet
// also embeds its fallback fonts; the first packet then also opens them), DATABASE_URL.
import { randomBytes } from 'node:crypto';
import { PDFParse } from 'pdf-parse';
import pg from 'pg';
import { benchDatabase, freePort, percentile, startApi } from './lib/bench-stack.mjs';
import { MIXED_SCRIPT_PLATFORMS, seedReferralCase } from './lib/referral-case.mjs';

const evidenceCount = Number(process.env.BENCH_EVIDENCE ?? 110);
const takedownCount = Number(process.env.BENCH_TAKEDOWNS ?? 24);
const reportCount = Number(process.env.BENCH_REPORTS ?? 10);
const runs = Number(process.env.BENCH_RUNS ?? 20);
const mixedScripts = process.env.BENCH_HANDLES === 'mixed';
const log = (message) => console.error(`[bench] ${message}`);
const DEMO_PASSWORD = 'bench-password-1234';
const TARGET_MS = 2000;

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
    API_RATE_LIMIT_PER_MINUTE: '100000000',
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  });
  log(`seeding one case: ${evidenceCount} evidence entries, ${takedownCount} takedowns, ${reportCount} reports`);
  const t0 = Date.now();
  const seeded = await seedReferralCase(api.url, DEMO_PASSWORD, {
    evidence: evidenceCount,
    takedowns: takedownCount,
    reports: reportCount,
    platforms: mixedScripts ? MIXED_SCRIPT_PLATFORMS : undefined,
  });
  log(`seeded ${seeded.reference} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const packet = async (query) => {
    const started = process.hrtime.bigint();
    const response = await fetch(`${api.url}/api/cases/${seeded.caseId}/referral-packet?${query}`, {
      headers: { authorization: `Bearer ${seeded.caseworker}` },
    });
    if (!response.ok) throw new Error(`packet: ${response.status} ${await response.text()}`);
    const bytes = Buffer.from(await response.arrayBuffer());
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, bytes };
  };
  const first = await packet('recipient=police&includeContact=true');
  const timings = [];
  for (let i = 0; i < runs; i += 1) timings.push((await packet(i % 2 ? 'recipient=cybertipline' : 'recipient=police&includeContact=true')).ms);
  timings.sort((a, b) => a - b);
  const parsed = await new PDFParse({ data: first.bytes }).getText();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const timelineLines = (await client.query('SELECT count(*)::int AS n FROM case_event WHERE case_id = $1', [seeded.caseId])).rows[0].n;
  await client.end();

  console.log('');
  console.log(
    `Referral packet benchmark: one case with ${evidenceCount} evidence entries, ${takedownCount} takedown requests, ${reportCount} reports, ${timelineLines} timeline entries; ${runs} requests one at a time (${new Date().toISOString()})`,
  );
  console.log('| packet | pages | size | first (ms) | p50 ms | p99 ms | max ms | target |');
  console.log('|---|---|---|---|---|---|---|---|');
  console.log(
    `| police, contact details included${mixedScripts ? ', handles in Chinese, Korean, Thai, Arabic' : ''} | ${parsed.total} | ${(first.bytes.length / 1024).toFixed(0)} KiB | ${first.ms.toFixed(0)} | ${percentile(timings, 50).toFixed(0)} | ${percentile(timings, 99).toFixed(0)} | ${timings.at(-1).toFixed(0)} | <= ${TARGET_MS} ms |`,
  );
  console.log(`Target: a ~20-page packet in <= ${TARGET_MS} ms: ${timings.at(-1) <= TARGET_MS ? 'met' : 'NOT met'} (slowest of ${runs}).`);
} finally {
  if (api) await api.stop();
  await db.drop();
}
