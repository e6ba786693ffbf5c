// A PostgreSQL that exists only for one test run: a free port, a fresh data directory under the
// OS temp dir, deleted again on stop. Used by `npm test`, the Jest global setup and the browser
// tests when no DATABASE_URL is given, so a fresh clone needs nothing but Node.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../lib/embedded-postgres.mjs';

/** Asks the kernel for a free loopback port (tiny race before use, acceptable for tests). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the throwaway server. The data directory sits directly in the temp dir (not inside a
 * mkdtemp folder): as root, PostgreSQL runs as the OS user `postgres`, which cannot enter a
 * 0700 root-owned parent.
 */
export async function startThrowawayPostgres({ log = () => undefined } = {}) {
  const port = await freePort();
  const dataDir = join(tmpdir(), `sg-test-pg-${randomBytes(4).toString('hex')}`);
  const server = await startEmbeddedPostgres({ dataDir, port, persistent: false, log });
  return { adminUrl: server.adminUrl, port, dataDir, stop: () => server.stop() };
}
