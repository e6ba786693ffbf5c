import { Logger } from '@nestjs/common';
import cluster, { Worker } from 'node:cluster';

/** A process that lived this long was healthy: its replacement starts at once. */
const STEADY_AFTER_MS = 30_000;
/** One that died sooner is crashing on start: each replacement waits twice as long, up to a minute. */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 60_000;
/** How long the processes get to finish their requests and close their streams on SIGTERM. */
const STOP_GRACE_MS = 15_000;

/**
 * API_PROCESSES > 1: this process is the cluster's primary. It serves nothing itself (it has
 * already migrated and seeded; see main.ts): it forks `count` API processes that share API_PORT
 * (Node's cluster hands each new connection to the next process in turn), replaces one that dies,
 * and on SIGTERM or SIGINT stops them all and exits once they have. If none ever starts listening
 * (a bad setting, the port taken), it stops instead of restarting them forever.
 *
 * Nothing here holds state the processes must agree on: that lives in PostgreSQL (rate limits,
 * the sign-in lockout, sessions; live events through LISTEN/NOTIFY), see README "Several API processes".
 */
export function runApiProcesses(count: number): void {
  const logger = new Logger('ApiProcesses');
  const startedAt = new Map<Worker, number>();
  const restarts = new Set<NodeJS.Timeout>();
  let listening = false;
  let stopping = false;
  let retryMs = FIRST_RETRY_MS;
  let exitCode = 0;

  const fork = (): void => {
    const worker = cluster.fork();
    startedAt.set(worker, Date.now());
  };

  cluster.on('listening', () => {
    if (!listening) logger.log(`${count} API processes share the port`);
    listening = true;
  });

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? Date.now());
    startedAt.delete(worker);
    if (stopping) {
      if (startedAt.size === 0) process.exit(exitCode);
      return;
    }
    if (!listening) {
      logger.error(`An API process exited before any was listening (${signal ?? `exit ${code}`}): stopping (its own output says why)`);
      stopAll(1);
      return;
    }
    const waitMs = lived >= STEADY_AFTER_MS ? 0 : retryMs;
    retryMs = lived >= STEADY_AFTER_MS ? FIRST_RETRY_MS : Math.min(retryMs * 2, MAX_RETRY_MS);
    logger.warn(`API process ${worker.process.pid} exited (${signal ?? `exit ${code}`}); starting another${waitMs ? ` in ${waitMs / 1000} s` : ''}`);
    const restart = setTimeout(() => {
      restarts.delete(restart);
      if (!stopping) fork();
    }, waitMs);
    restarts.add(restart);
  });

  const stopAll = (code: number): void => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    for (const restart of restarts) clearTimeout(restart);
    if (startedAt.size === 0) process.exit(exitCode);
    // Each process closes its server and streams (Nest's shutdown hooks) and exits by itself.
    for (const worker of startedAt.keys()) worker.process.kill('SIGTERM');
    setTimeout(() => {
      logger.warn(`${startedAt.size} API process(es) still running after ${STOP_GRACE_MS / 1000} s: killing them`);
      for (const worker of startedAt.keys()) worker.process.kill('SIGKILL');
    }, STOP_GRACE_MS).unref();
  };
  // A terminal's Ctrl-C reaches every process of the group; `docker stop` and systemd only this one.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stopAll(0));

  for (let i = 0; i < count; i += 1) fork();
}

/**
 * In an API process of the cluster, once it listens (Nest's shutdown hooks are in place by then).
 * The primary forwards SIGTERM, and a terminal's Ctrl-C has already sent SIGINT to the whole
 * group, so one process may get both. Nest's shutdown hooks handle the first and then stop
 * listening; without this the second would kill the process before its requests and streams were
 * finished. Each listener fires once, so Nest's own re-raise of the first signal after closing
 * still ends the process.
 */
export function outlastASecondStopSignal(): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => undefined);
}

export const isApiProcessOfCluster = (): boolean => cluster.isWorker;
