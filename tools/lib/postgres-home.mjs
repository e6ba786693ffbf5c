// Where the embedded PostgreSQL may live when `npm start` or `npm test` runs as root. Node's own
// modules only: tools/dev/start.mjs reads this before dependencies are installed.
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * As root, where the embedded server lives: PostgreSQL refuses to run as root, so it runs as the
 * OS user `postgres`, which cannot enter a checkout in /root or a `mktemp -d` folder (mode 0700).
 * Rather than loosen the permissions of the person's folders, the binaries are copied here once
 * per version, and `npm start`'s data lives here too (see defaultDataDir). SAFEGUARD_HOME moves it.
 */
export const ROOT_HOME = process.env.SAFEGUARD_HOME ?? '/var/lib/safeguard-triage';

export const runningAsRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Whether every directory from `/` down to `path` may be entered by other users (o+x). */
export function enterableByOthers(path) {
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) return false;
    if (dir === dirname(dir)) return true;
  }
}

/**
 * Where `npm start` keeps its data when EMBEDDED_DB_DIR is not set: `.data/postgres` in the
 * checkout, except as root in a checkout the `postgres` user cannot reach (and with no data
 * there yet), where it is `ROOT_HOME/data-<folder>-<hash of the checkout path>/postgres`.
 */
export function defaultDataDir(checkout, home = ROOT_HOME) {
  const local = join(checkout, '.data', 'postgres');
  if (!runningAsRoot() || existsSync(join(local, 'PG_VERSION')) || enterableByOthers(checkout)) return local;
  const id = createHash('sha256').update(resolve(checkout)).digest('hex').slice(0, 8);
  return join(home, `data-${basename(resolve(checkout))}-${id}`, 'postgres');
}
