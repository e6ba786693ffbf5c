#!/usr/bin/env node
// The referral packet's first page as a PNG for the README (docs/screenshots/referral-packet.png).
// Starts the built API (`npm run build` first) on a database of its own, grows one case through
// the API (tools/bench/lib/referral-case.mjs), downloads its police packet with contact details
// and renders page 1 with pdf-parse (pdf.js on @napi-rs/canvas): no system PDF tool, no browser.
// Env: DATABASE_URL (else a throwaway embedded PostgreSQL).
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';
import { benchDatabase, freePort, startApi } from '../bench/lib/bench-stack.mjs';
import { seedReferralCase } from '../bench/lib/referral-case.mjs';

const OUT = 'docs/screenshots/referral-packet.png';
const PASSWORD = 'demo-safeguard-2026';
const log = (message) => console.error(`[screenshots] ${message}`);

const db = await benchDatabase(log);
let api;
try {
  const port = await freePort();
  api = await startApi({
    DATABASE_URL: db.url,
    API_PORT: String(port),
    NODE_ENV: 'development',
    DEMO_SEED: 'true',
    DEMO_PASSWORD: PASSWORD,
    LOG_LEVEL: 'warn',
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  });
  const seeded = await seedReferralCase(api.url, PASSWORD, { evidence: 12, takedowns: 4, reports: 3 });
  const response = await fetch(`${api.url}/api/cases/${seeded.caseId}/referral-packet?recipient=police&includeContact=true`, {
    headers: { authorization: `Bearer ${seeded.caseworker}` },
  });
  if (!response.ok) throw new Error(`packet: ${response.status} ${await response.text()}`);
  const parser = new PDFParse({ data: Buffer.from(await response.arrayBuffer()) });
  const shot = await parser.getScreenshot({ partial: [1], scale: 1.5 });
  mkdirSync('docs/screenshots', { recursive: true });
  writeFileSync(OUT, Buffer.from(shot.pages[0].data));
  log(`wrote ${OUT} (${seeded.reference})`);
} finally {
  if (api) await api.stop();
  await db.drop();
}
