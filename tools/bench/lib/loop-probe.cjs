// Preloaded into the API by the benchmarks (`node --require`), never by the product: once a second
// each API process appends one JSON line to BENCH_LOOP_PROBE_FILE with that second's event-loop
// delay (p50, p99, max in ms, sampled every 10 ms) and the time its garbage collector ran. The bench
// reads the lines of a phase back with `readLoopProbe` (loop-probe-read.mjs).
const { appendFileSync } = require('node:fs');
const { monitorEventLoopDelay, PerformanceObserver } = require('node:perf_hooks');

const file = process.env.BENCH_LOOP_PROBE_FILE;
if (file) {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let gcMs = 0;
  let gcCount = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcMs += entry.duration;
      gcCount += 1;
    }
  }).observe({ entryTypes: ['gc'] });
  const ms = (nanoseconds) => nanoseconds / 1e6;
  setInterval(() => {
    const line = { pid: process.pid, at: Date.now(), p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max), gcMs, gcCount };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
    delay.reset();
    gcMs = 0;
    gcCount = 0;
  }, 1000).unref();
}
