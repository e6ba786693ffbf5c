#!/usr/bin/env node
// Benchmark: the live streams' fan-out alone, in CPU time (which a busy shared machine skews far less
// than latency): BENCH_STREAMS supervisor streams (default 200) on a bare HTTP server in a process of
// its own, fed BENCH_EVENT_RATE `case.created` changes a second (default 120: an intake burst at
// 100/s plus the conversations) for BENCH_SECONDS (default 10) through the product's own path
// (CaseEventsService.deliver → listen → liveFrameFor → SseConnection, loaded from the source), read by
// another process. Prints the server's CPU (user + system) per delivered stream-frame, its socket
// writes, its event-loop delay and GC, and the delivery delay, with the load average beside them.
// Usage: `node tools/bench/live-fan-out.mjs` (no database, no build).
import { fork } from 'node:child_process';
import http from 'node:http';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay, PerformanceObserver, performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { importSource } from './lib/product-source.mjs';

const streams = Number(process.env.BENCH_STREAMS ?? 200);
const rate = Number(process.env.BENCH_EVENT_RATE ?? 120);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);

if (process.argv[2] === 'server') {
  const [{ CaseEventsService }, { liveFrameFor }, { SseConnection }] = await Promise.all([
    importSource('libs/server/src/events/case-events.service.ts'),
    importSource('libs/server/src/events/events.controller.ts'),
    importSource('libs/server/src/events/sse-connection.ts'),
  ]);
  // Not connected to PostgreSQL: deliver() is what each NOTIFY calls.
  const events = new CaseEventsService({});
  const supervisor = { id: randomUUID(), role: 'supervisor' };
  const server = http.createServer((request, response) => {
    // As EventsController.stream does, without the sign-in checks.
    const connection = new SseConnection(request, response);
    const stop = events.listen((message) => {
      const frame = liveFrameFor(message, supervisor);
      if (frame !== null) connection.send(frame);
    });
    connection.onClose(stop);
  });
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
  process.on('message', async ({ exit }) => {
    if (exit) process.exit(0);
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    let gcMs = 0;
    const gc = new PerformanceObserver((list) => list.getEntries().forEach((entry) => (gcMs += entry.duration)));
    gc.observe({ entryTypes: ['gc'] });
    const cpu = process.cpuUsage();
    const started = performance.now();
    let sent = 0;
    await new Promise((done) => {
      const timer = setInterval(() => {
        const due = Math.floor(((performance.now() - started) / 1000) * rate);
        for (; sent < due; sent += 1)
          events.deliver({
            type: 'case.created',
            caseId: randomUUID(),
            reference: 'ABCD-2345',
            priority: 'urgent',
            status: 'new',
            assigneeId: null,
            at: new Date().toISOString(),
          });
        if (performance.now() - started >= seconds * 1000) {
          clearInterval(timer);
          done();
        }
      }, 5);
    });
    // The last pass's writes.
    await new Promise((done) => setTimeout(done, 500));
    const used = process.cpuUsage(cpu);
    gc.disconnect();
    process.send({ sent, userMs: used.user / 1000, systemMs: used.system / 1000, delayP99: delay.percentile(99) / 1e6, delayMax: delay.max / 1e6, gcMs });
  });
} else {
  const server = fork(new URL(import.meta.url).pathname, ['server'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { port } = await new Promise((resolve) => server.once('message', resolve));
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  let reads = 0;
  let frames = 0;
  const delays = [];
  const requests = [];
  for (let i = 0; i < streams; i += 1)
    await new Promise((resolve, reject) => {
      const request = http.get({ host: '127.0.0.1', port, agent, headers: { accept: 'text/event-stream' } }, (response) => {
        response.setEncoding('utf8');
        let buffered = '';
        response.on('data', (chunk) => {
          reads += 1;
          buffered += chunk;
          let end;
          while ((end = buffered.indexOf('\n\n')) >= 0) {
            const block = buffered.slice(0, end);
            buffered = buffered.slice(end + 2);
            const at = /"at":"([^"]+)"/.exec(block);
            if (!at) continue;
            frames += 1;
            if (i % 10 === 0) delays.push(Date.now() - Date.parse(at[1]));
          }
        });
        resolve();
      });
      request.on('error', reject);
      requests.push(request);
    });
  await new Promise((done) => setTimeout(done, 500));
  reads = 0;
  const load = loadavg()[0].toFixed(2);
  server.send({ go: true });
  const result = await new Promise((resolve) => server.once('message', resolve));
  delays.sort((a, b) => a - b);
  const cpuMs = result.userMs + result.systemMs;
  const at = (p) => delays[Math.min(delays.length - 1, Math.floor((p / 100) * delays.length))] ?? NaN;
  console.log(
    `Live fan-out benchmark: ${streams} supervisor streams, ${rate} changes/s for ${seconds}s (${new Date().toISOString()}), load average ${load} → ${loadavg()[0].toFixed(2)}`,
  );
  console.log(
    '| changes | stream-frames delivered | server CPU ms (user + system) | µs per stream-frame | socket writes | writes per stream per s | loop delay p99 / max ms | GC ms | delivery p50 / p99 ms |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  console.log(
    `| ${result.sent} | ${frames} | ${cpuMs.toFixed(0)} (${result.userMs.toFixed(0)} + ${result.systemMs.toFixed(0)}) | ${((1000 * cpuMs) / frames).toFixed(2)} | ${reads} | ${(reads / streams / seconds).toFixed(1)} | ${result.delayP99.toFixed(0)} / ${result.delayMax.toFixed(0)} | ${result.gcMs.toFixed(0)} | ${at(50)} / ${at(99)} |`,
  );
  for (const request of requests) request.destroy();
  server.send({ exit: true });
}
