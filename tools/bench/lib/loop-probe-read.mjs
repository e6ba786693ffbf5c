// Reads what loop-probe.cjs wrote for one phase of a bench: the seconds between `from` and `to`.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The node arguments that preload the probe into the API. */
export const LOOP_PROBE_NODE_ARGS = ['--require', fileURLToPath(new URL('./loop-probe.cjs', import.meta.url))];

/**
 * The phase's event-loop delay and garbage collection, over every API process: the median and the
 * worst of the per-second p99s, the worst single delay, and the share of wall time spent in GC.
 */
export function readLoopProbe(file, from, to) {
  const lines = existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line))
        // A line covers the second before its time: keep the seconds wholly inside the phase.
        .filter((line) => line.at - 1000 >= from && line.at <= to)
    : [];
  if (!lines.length) return null;
  const p99s = lines.map((line) => line.p99).sort((a, b) => a - b);
  const processes = new Set(lines.map((line) => line.pid)).size;
  const gcMs = lines.reduce((sum, line) => sum + line.gcMs, 0);
  return {
    seconds: lines.length / processes,
    processes,
    p99Median: p99s[Math.floor(p99s.length / 2)],
    p99Worst: p99s[p99s.length - 1],
    max: Math.max(...lines.map((line) => line.max)),
    gcShare: gcMs / (lines.length * 1000),
    gcPerSecond: lines.reduce((sum, line) => sum + line.gcCount, 0) / lines.length,
  };
}

/** One table row: how the API's event loop fared in a phase. */
export function loopProbeRow(label, probe) {
  if (!probe) return `| ${label} | - | - | - | - |`;
  const n = (value) => value.toFixed(1);
  return `| ${label} | ${n(probe.p99Median)} / ${n(probe.p99Worst)} | ${n(probe.max)} | ${(probe.gcShare * 100).toFixed(1)}% | ${probe.gcPerSecond.toFixed(0)} |`;
}
