// The fault drill's own test: `node --test tools/fault/run.test.mjs` (run by `npm test` after the
// api and worker are built). Runs tools/fault/run.mjs --quick with one scenario per queue backend
// (a PostgreSQL restart on BullMQ's PostgreSQL backend, a Redis restart without its data on Redis)
// and holds every row of its table to: each accepted intake stored, each due follow-up fired
// exactly once. Skips, saying so, without redis-server; fails instead when CI=true.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const runningInCi = ['true', '1'].includes(String(process.env.CI ?? '').toLowerCase());
const redisServer = (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, 'redis-server')));
const built = existsSync(join(root, 'dist/apps/api/main.js')) && existsSync(join(root, 'dist/apps/worker/main.js'));
const skip = runningInCi ? false : !redisServer ? 'redis-server is not installed (CI=true makes this a failure)' : false;

function drill(args) {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['tools/fault/run.mjs', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => done({ code, output }));
  });
}

describe('the fault drill (tools/fault/run.mjs --quick)', () => {
  it('loses no accepted intake and fires every due follow-up exactly once, on both queue backends', { skip, timeout: 240_000 }, async () => {
    assert.ok(redisServer, 'redis-server is not on PATH, and CI=true: the fault drill must run in CI');
    assert.ok(built, 'dist/apps/api/main.js and dist/apps/worker/main.js are missing: build first (npx nx run-many -t build -p api worker)');
    const json = join(tmpdir(), `sg-fault-drill-${randomBytes(4).toString('hex')}.json`);
    try {
      const { code, output } = await drill(['--quick', '--scenarios=postgres:postgres-restart,redis:redis-restart', `--json=${json}`]);
      assert.ok(existsSync(json), `the drill wrote no results (exit ${code}):\n${output}`);
      const { rows, failed } = JSON.parse(readFileSync(json, 'utf8'));
      assert.equal(failed, false, output);
      assert.deepEqual(
        rows.map((row) => [row.backend, row.scenario, row.skipped ?? 'ran']),
        [
          ['postgres', 'postgres-restart', 'ran'],
          ['redis', 'redis-restart', 'ran'],
        ],
        output,
      );
      for (const row of rows) {
        const what = `${row.scenario} on ${row.backend}`;
        // Something must have happened, or the equalities below say nothing.
        assert.ok(row.accepted > 0, `${what}: no intake was accepted\n${output}`);
        assert.ok(row.due > 0, `${what}: no follow-up fell due\n${output}`);
        assert.equal(row.stored, row.accepted, `${what}: accepted intakes missing from the database\n${output}`);
        assert.equal(row.firedOnce, row.due, `${what}: due follow-ups not fired exactly once\n${output}`);
        assert.equal(row.duplicated, 0, `${what}: follow-ups fired twice\n${output}`);
        assert.ok(Number.isFinite(row.healthS), `${what}: health never came back\n${output}`);
      }
      assert.equal(code, 0, output);
      assert.match(output, /\| postgres-restart \| postgres \| \d+ \/ \d+ \|/, 'the table is printed');
    } finally {
      rmSync(json, { force: true });
    }
  });
});
