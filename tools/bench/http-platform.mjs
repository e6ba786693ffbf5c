#!/usr/bin/env node
// Benchmark: what Nest's HTTP platform costs per request, Express (what the API runs on) against
// Fastify, on a stand-in for the intake route (lib/http-platform-app.cjs: guard, pipe, header,
// JSON in and out, no database), flat out with 50 connections, alternating (E, F, F, E) so neither
// always runs second. The API's real requests cost far more than this route; the difference per
// request, set beside an endpoint's own cost (1 ÷ its requests per second), bounds what a switch
// could win there. Fastify is not a dependency of the product: the bench installs the same Nest
// version with both platforms into a temporary folder (needs the npm registry).
// Usage: node tools/bench/http-platform.mjs   Options (env): BENCH_SECONDS (default 10).
import autocannon from 'autocannon';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './lib/bench-stack.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const log = (message) => console.error(`[bench] ${message}`);
const root = new URL('../../', import.meta.url);
const versions = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).dependencies;
const nest = versions['@nestjs/core'];

const folder = mkdtempSync(join(tmpdir(), 'sg-http-platform-'));
try {
  writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'http-platform-bench', private: true }));
  const packages = [
    `@nestjs/core@${nest}`,
    `@nestjs/common@${versions['@nestjs/common']}`,
    `@nestjs/platform-express@${versions['@nestjs/platform-express']}`,
    // The 11.2 line, as the product's Nest (12 needs Node 22).
    `@nestjs/platform-fastify@~${nest.replace(/\.\d+$/, '.0')}`,
    `reflect-metadata@${versions['reflect-metadata']}`,
    `rxjs@${versions.rxjs}`,
  ];
  log(`installing ${packages.join(' ')} into ${folder}`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...packages], { cwd: folder, stdio: ['ignore', 'ignore', 'inherit'] });
  copyFileSync(new URL('lib/http-platform-app.cjs', import.meta.url), join(folder, 'app.cjs'));
  const fastifyVersion = JSON.parse(readFileSync(join(folder, 'node_modules/@nestjs/platform-fastify/package.json'), 'utf8')).version;

  const body = JSON.stringify({
    submittedBy: 'victim',
    channel: 'web',
    ageBand: '13_17',
    country: 'US',
    narrative: 'They want money by tomorrow or they will send the pictures to my friends. '.repeat(12),
    platforms: [{ platform: 'Instagram', offenderHandle: '@someone', profileUrl: 'https://instagram.com/someone' }],
    consent: { storeData: true, contactMe: true },
  });

  async function measure(platform) {
    const port = await freePort();
    const app = spawn(process.execPath, ['app.cjs', platform, String(port)], { cwd: folder, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise((ready, failed) => {
      app.stdout.once('data', ready);
      app.once('exit', (code) => failed(new Error(`the ${platform} app exited (${code})`)));
    });
    const result = await autocannon({
      url: `http://127.0.0.1:${port}/api/intakes`,
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
      connections: 50,
      duration: seconds,
    });
    app.kill();
    return { platform, perSecond: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx };
  }

  const runs = [];
  for (const platform of ['express', 'fastify', 'fastify', 'express']) {
    log(`measuring ${platform}`);
    runs.push(await measure(platform));
  }
  const mean = (platform) => runs.filter((r) => r.platform === platform).reduce((sum, r) => sum + r.perSecond, 0) / 2;
  const microseconds = (perSecond) => 1e6 / perSecond;
  console.log(
    `\nNest ${nest} on Express vs Fastify (${fastifyVersion}), stand-in intake route, 50 connections, ${seconds}s each (${new Date().toISOString()})`,
  );
  console.log('| run | platform | per second | p99 ms | non-2xx |\n|---|---|---|---|---|');
  runs.forEach((r, i) => console.log(`| ${i + 1} | ${r.platform} | ${Math.round(r.perSecond)} | ${r.p99} | ${r.non2xx} |`));
  const saved = microseconds(mean('express')) - microseconds(mean('fastify'));
  console.log(
    `\nPer request (machine time, 1 ÷ per second): Express ${microseconds(mean('express')).toFixed(0)} µs, Fastify ${microseconds(mean('fastify')).toFixed(0)} µs: ` +
      `a switch saves about ${saved.toFixed(0)} µs a request. Set that beside an endpoint's own cost (1 ÷ its figure in intake-throughput.mjs or queues.mjs).`,
  );
} finally {
  rmSync(folder, { recursive: true, force: true });
}
