// Where a phase's CPU went, read from /proc (Linux only; elsewhere every figure is null): the
// product's process(es) (the API's, or the workers'), PostgreSQL's (every process named `postgres`:
// the server the bench uses, local or embedded), Redis's (`redis-server`), and the rest of the
// machine (the load generator, the bench itself, the kernel).
// Divided by the requests a phase served it says what one request costs the machine and who pays,
// which a throughput figure alone cannot: on 2 shared cores the API and the database take turns.
import { readdirSync, readFileSync } from 'node:fs';

// Linux reports process times in clock ticks of 1/100 s on every architecture Node runs on.
const TICKS_PER_SECOND = 100;

function processTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: fields are counted after its ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const user = Number(fields[11]);
    const system = Number(fields[12]);
    return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), ticks: user + system, system };
  } catch {
    return null; // gone since the directory was listed
  }
}

function machineTicks() {
  // cpu  user nice system idle iowait irq softirq steal ...: busy is all but idle and iowait.
  const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return user + nice + system + irq + softirq + steal;
}

/**
 * A reading of CPU spent so far by `apiPids` (the product's processes), PostgreSQL, Redis and the
 * whole machine; null off Linux. Servers' processes are kept by pid: a connection that closes
 * between two readings takes its process (and its time) with it, which must not count as negative.
 */
export function readCpu(apiPids) {
  try {
    const servers = new Map();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const process = processTicks(entry);
      if (process?.name === 'postgres' || process?.name === 'redis-server') servers.set(entry, process);
    }
    const apis = apiPids.map(processTicks);
    const api = apis.reduce((sum, process) => sum + (process?.ticks ?? 0), 0);
    // In the kernel: on loopback, sending a query or a response runs the receiver's TCP stack too.
    const apiSystem = apis.reduce((sum, process) => sum + (process?.system ?? 0), 0);
    return { at: Date.now(), api, apiSystem, servers, machine: machineTicks() };
  } catch {
    return null;
  }
}

/** Ticks a server spent between two readings: processes in both by their difference, new ones whole. */
function serverTicks(before, after, name) {
  let ticks = 0;
  for (const [pid, process] of after.servers) {
    if (process.name !== name) continue;
    const earlier = before.servers.get(pid);
    ticks += earlier?.name === name ? process.ticks - earlier.ticks : process.ticks;
  }
  return ticks;
}

/**
 * CPU per request between two readings, in µs, and the machine's share busy (of all its cores).
 * A server process that ended between the readings loses its time since the first: close pools after.
 */
export function cpuPerRequest(before, after, requests) {
  if (!before || !after || !requests) return null;
  const perRequest = (ticks) => Math.round(((ticks / TICKS_PER_SECOND) * 1e6) / requests);
  const api = perRequest(after.api - before.api);
  const apiSystem = perRequest(after.apiSystem - before.apiSystem);
  const postgres = perRequest(serverTicks(before, after, 'postgres'));
  const redis = perRequest(serverTicks(before, after, 'redis-server'));
  const machine = perRequest(after.machine - before.machine);
  const seconds = (after.at - before.at) / 1000;
  const cores = (after.machine - before.machine) / TICKS_PER_SECOND / seconds;
  return { api, apiSystem, postgres, redis, other: Math.max(0, machine - api - postgres - redis), machine, cores };
}

/** A markdown row: the phase, then µs per request for the product (in the kernel), PostgreSQL, Redis, the rest, the machine, and cores busy. */
export function cpuRow(label, share) {
  if (!share) return `| ${label} | - | - | - | - | - | - |`;
  return `| ${label} | ${share.api} (${share.apiSystem}) | ${share.postgres} | ${share.redis} | ${share.other} | ${share.machine} | ${share.cores.toFixed(2)} |`;
}

/** The table's head; `product` names the product's processes (the API, the workers). */
export function cpuTableHeader(product = 'API') {
  return [
    `| phase | ${product} µs (of which in the kernel) | PostgreSQL µs | Redis µs | rest µs (load generator, bench, kernel) | machine µs | cores busy |`,
    '|---|---|---|---|---|---|---|',
  ];
}
