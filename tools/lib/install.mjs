// `npm ci` when node_modules is missing or was installed from another package-lock.json.
// Shared by `npm start` (tools/dev/start.mjs) and `npm test` (tools/test/run-all.mjs). Uses
// nothing but Node's own modules: it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Written into node_modules after a successful install: the hash of the lockfile it came from. */
export const INSTALL_MARKER = join('node_modules', '.safeguard-lock-hash');

export function lockfileHash(root) {
  return createHash('sha256')
    .update(readFileSync(join(root, 'package-lock.json')))
    .digest('hex');
}

/** True when node_modules in `root` was installed from the current package-lock.json. */
export function isInstalled(root) {
  const marker = join(root, INSTALL_MARKER);
  return existsSync(marker) && readFileSync(marker, 'utf8') === lockfileHash(root);
}

/**
 * Installs when needed. Returns whether it installed; throws (naming the command) when npm fails,
 * so each caller decides how to stop.
 */
export function installIfNeeded({ root, env = process.env, log = console.log, force = false } = {}) {
  if (!force && isInstalled(root)) return false;
  log('Installing dependencies (npm ci); this happens once per lockfile change');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`"npm ci" failed (exit ${result.status ?? result.signal})`);
  writeFileSync(join(root, INSTALL_MARKER), lockfileHash(root));
  return true;
}

// `node tools/lib/install.mjs --force` (.ci/run): always `npm ci`, and leave the marker, so the
// `npm test` that follows does not install a second time.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  try {
    installIfNeeded({ root, force: process.argv.includes('--force') });
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
