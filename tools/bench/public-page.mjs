#!/usr/bin/env node
// Benchmark: what the frightened person's phone has to load. Prints
//   1. the gzipped JavaScript the public page ships before first input (the scripts and module
//      preloads in index.html, i.e. everything the first screen needs; lazy chunks excluded),
//   2. Lighthouse 12.8 scores (mobile preset, Debian's Chromium) for the public pages,
//      against the production build served by the real web server and API,
// for each language the person's pages speak (`/`, `/ms`, `/es`; BENCH_LANGUAGES=en,ms,es).
// Lighthouse runs each page BENCH_RUNS times (default 3) and reports the median run.
// Usage: npm run build first, then `node tools/bench/public-page.mjs`. Env: DATABASE_URL, and
// CHROMIUM_PATH like the browser tests and screenshots (CHROME_PATH, Lighthouse's own name, also works).
import { spawn } from 'node:child_process';
const CHROMIUM = process.env.CHROMIUM_PATH || process.env.CHROME_PATH || '/usr/bin/chromium';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { benchDatabase, freePort } from './lib/bench-stack.mjs';

const dist = resolve('dist/apps/web/browser');
/** Lighthouse runs per page; the table shows the median run (BENCH_RUNS, default 3). */
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const log = (message) => console.error(`[bench] ${message}`);

function initialJavaScript() {
  // The app shell's scripts, and every chunk they import statically (Angular preloads only ten of
  // them in index.html): everything the first screen runs before its own lazy code.
  const html = readFileSync(join(dist, existsSync(join(dist, 'index.csr.html')) ? 'index.csr.html' : 'index.html'), 'utf8');
  const files = new Set();
  const pending = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((match) => match[1]);
  while (pending.length) {
    const file = pending.pop();
    if (files.has(file)) continue;
    files.add(file);
    for (const match of readFileSync(join(dist, file), 'utf8').matchAll(/(?:import|from)\s*"\.\/([^"]+\.js)"/g)) pending.push(match[1]);
  }
  let raw = 0;
  let gzipped = 0;
  for (const file of files) {
    const content = readFileSync(join(dist, file));
    raw += content.length;
    gzipped += gzipSync(content, { level: 9 }).length;
  }
  return { files: [...files], raw, gzipped };
}

async function startStack(databaseUrl) {
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ['tools/dev/start.mjs', '--no-install', '--no-build'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      API_PORT: String(apiPort),
      WEB_PORT: String(webPort),
      NODE_ENV: 'production',
      DEMO_SEED: 'false',
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${webPort}`;
  for (let i = 0; i < 240; i += 1) {
    try {
      if ((await fetch(`${url}/api/health`)).ok)
        return {
          url,
          stop: () =>
            new Promise((done) => {
              child.once('exit', done);
              child.kill('SIGINT');
            }),
        };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error('The stack did not start within 60 s');
}

/** What a phone actually downloads for the first screen: every script, as transferred (gzip). */
async function firstScreenTransfer(url) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-domain-reliability',
      '--no-pings',
      '--disable-features=DnsOverHttps',
    ],
  });
  try {
    const page = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
    const sizes = [];
    page.on('requestfinished', (request) => {
      if (request.resourceType() === 'script') sizes.push(request.sizes().then((s) => s.responseBodySize));
    });
    await page.goto(url, { waitUntil: 'load' });
    // The front door's call to action, whatever the language: the first thing a person can press.
    await page.locator('main a.button').first().waitFor();
    const bytes = await Promise.all(sizes);
    return { files: bytes.length, bytes: bytes.reduce((sum, n) => sum + n, 0) };
  } finally {
    await browser.close();
  }
}

function lighthouse(url) {
  const profile = mkdtempSync(join(tmpdir(), 'sg-lighthouse-'));
  const flags = [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-domain-reliability',
    '--no-pings',
    '--disable-features=DnsOverHttps',
    `--user-data-dir=${profile}`,
  ];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(
      'node_modules/.bin/lighthouse',
      [url, '--output=json', '--quiet', '--only-categories=performance,accessibility,best-practices', `--chrome-flags=${flags.join(' ')}`],
      {
        env: { ...process.env, CHROME_PATH: CHROMIUM },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      rmSync(profile, { recursive: true, force: true });
      if (code !== 0) return reject(new Error(`lighthouse exited ${code}`));
      const report = JSON.parse(output);
      resolvePromise({
        performance: Math.round(report.categories.performance.score * 100),
        accessibility: Math.round(report.categories.accessibility.score * 100),
        bestPractices: Math.round(report.categories['best-practices'].score * 100),
        fcp: report.audits['first-contentful-paint'].displayValue,
        lcp: report.audits['largest-contentful-paint'].displayValue,
        tbt: report.audits['total-blocking-time'].displayValue,
        cls: report.audits['cumulative-layout-shift'].displayValue,
        failing: Object.values(report.audits)
          .filter((a) => a.score !== null && a.score < 1 && report.categories.accessibility.auditRefs.some((ref) => ref.id === a.id))
          .map((a) => a.id),
      });
    });
  });
}

const js = initialJavaScript();
const db = await benchDatabase(log);
let stack;
try {
  stack = await startStack(db.url);
  // Each language's pages are the same app under a prefix (English has none); each is measured.
  const languages = (process.env.BENCH_LANGUAGES ?? 'en,ms,es').split(',');
  const prefix = (language) => (language === 'en' ? '' : `/${language}`);
  const transferred = [];
  const results = [];
  for (const language of languages) {
    transferred.push({ language, ...(await firstScreenTransfer(`${stack.url}${prefix(language) || '/'}`)) });
    for (const path of ['/', '/help', '/my-case']) {
      const url = `${prefix(language)}${path === '/' && language !== 'en' ? '' : path}`;
      log(`lighthouse ${url}`);
      // Lighthouse's own advice for a score to act on: the median of several runs (one run varies by a few points).
      const runs = [];
      for (let run = 0; run < RUNS; run += 1) runs.push(await lighthouse(`${stack.url}${url}`));
      const median = [...runs].sort((a, b) => a.performance - b.performance)[Math.floor(runs.length / 2)];
      results.push({ path: url, ...median, runs: runs.map((r) => r.performance) });
    }
  }
  console.log('');
  console.log(
    `Public page weight: ${(js.gzipped / 1024).toFixed(1)} kB gzipped JavaScript in the app shell and its static imports (${(js.raw / 1024).toFixed(1)} kB raw, ${js.files.length} files);`,
  );
  for (const t of transferred) {
    console.log(
      `  [${t.language}] the first screen downloads ${(t.bytes / 1024).toFixed(1)} kB of compressed JavaScript in ${t.files} files before first input. Target <= 150 kB.`,
    );
  }
  console.log(`Lighthouse: the median of ${RUNS} run(s) per page, every run's performance in brackets.`);
  console.log('| page | performance | accessibility | best practices | FCP | LCP | TBT | CLS | failing a11y audits |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of results)
    console.log(
      `| ${r.path} | ${r.performance} (${r.runs.join(', ')}) | ${r.accessibility} | ${r.bestPractices} | ${r.fcp} | ${r.lcp} | ${r.tbt} | ${r.cls} | ${r.failing.join(', ') || '-'} |`,
    );
  console.log('Targets (Lighthouse 12.8, mobile): performance >= 95, accessibility 100, for every language.');
} finally {
  if (stack) await stack.stop();
  await db.drop();
}
