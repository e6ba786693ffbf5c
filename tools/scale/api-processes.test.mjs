// The API as several processes: `node --test tools/scale/api-processes.test.mjs` (run by `npm test`
// after the api is built). Runs the BUILT api (dist/apps/api/main.js) against a database of its
// own on DATABASE_URL's server (or a throwaway PostgreSQL), in two shapes:
//   - API_PROCESSES=2: one port, Node's cluster; requests reach both processes, one client's
//     access-code limit holds across them, a killed process is replaced, SIGTERM stops them all;
//   - two single-process APIs on two ports, so the test knows which process answers each request:
//     access-code guesses, the sign-in lockout, live events and deactivating an account all agree.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { ensureDatabase, ensureRoles } from '../lib/embedded-postgres.mjs';
import { freePort, startThrowawayPostgres } from '../test/throwaway-postgres.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const API_MAIN = join(root, 'dist/apps/api/main.js');
const DEMO_PASSWORD = 'scale-out-test-password';
/** The access-code limit (rate-limit.module.ts: 30 a minute per client), unchanged by any setting. */
const CASE_ACCESS_LIMIT = 30;
/** The intake limit of the two-port processes (INTAKE_RATE_LIMIT), small so a test can use it up. */
const INTAKE_LIMIT = 4;
/** StaffStatusCache trusts a looked-up account for 5 s: a deactivation reaches every process within it. */
const DEACTIVATION_WITHIN_MS = 6_000;

/** Every API started here: an interrupted run must leave none behind (the cluster's processes go with their primary). */
const started = new Set();
process.once('exit', () => {
  for (const child of started) child.kill('SIGKILL');
});

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Thrown by a probe to stop waiting at once (anything else it throws counts as "not yet"). */
class ApiExited extends Error {}

async function eventually(probe, what, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch((error) => {
      if (error instanceof ApiExited) throw new Error(`Gave up waiting for ${what}: the API ${error.message}`);
      return undefined;
    });
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

/**
 * One request on a connection of its own (no keep-alive), so with API_PROCESSES the cluster hands
 * each request to a process afresh. `client`: the X-Forwarded-For the API believes from loopback.
 */
function send(baseUrl, method, path, { body, token, client } = {}) {
  return new Promise((done, fail) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers = { accept: 'application/json' };
    if (payload !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
    if (token) headers.authorization = `Bearer ${token}`;
    if (client) headers['x-forwarded-for'] = client;
    const req = httpRequest(new URL(path, baseUrl), { method, headers, agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => {
        let parsed;
        try {
          parsed = text ? JSON.parse(text) : undefined;
        } catch {
          parsed = text;
        }
        done({ status: res.statusCode, headers: res.headers, body: parsed });
      });
    });
    req.on('error', fail);
    req.end(payload);
  });
}

/** An open `GET /api/events`: the events received so far, and whether the server ended it. */
async function openStream(baseUrl, token) {
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}/api/events`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: abort.signal });
  assert.equal(response.status, 200, 'the live stream opens');
  const received = [];
  let ended = false;
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = [...block.matchAll(/^data: ?(.*)$/gm)].map((match) => match[1]).join('\n');
          if (data) received.push(JSON.parse(data));
        }
      }
    } catch {
      // aborted by close()
    }
    ended = true;
  })();
  return { received, isEnded: () => ended, close: () => abort.abort() };
}

function intakeBody() {
  return {
    submittedBy: 'victim',
    channel: 'web',
    ageBand: '13_17',
    contentMadeUnder18: true,
    country: 'US',
    selfHarm: 'none',
    immediateDanger: false,
    deadlineAt: null,
    demands: ['money'],
    contentPosted: 'no',
    stillInContact: true,
    paid: false,
    platforms: [{ platform: 'Instagram', offenderHandle: '@scale.test', profileUrl: 'https://instagram.com/scale.test' }],
    contentUrls: [],
    narrative: 'Someone says they will send my pictures to my school unless I pay.',
    contact: { channel: 'email', value: 'scale.person@example.com', canMentionOrganisation: false },
    consent: { storeData: true, contactMe: true },
  };
}

const guess = (baseUrl, client, i) =>
  send(baseUrl, 'POST', '/api/case-access', { body: { reference: 'SG-ZZZZ-ZZZZ', accessCode: `AAAA-BBBB-CCCC-${String(1000 + i)}` }, client });

async function signIn(baseUrl, email) {
  const response = await send(baseUrl, 'POST', '/api/auth/login', { body: { email, password: DEMO_PASSWORD } });
  assert.equal(response.status, 200, `${email} signs in: ${JSON.stringify(response.body)}`);
  return { token: response.body.accessToken, id: response.body.user.id };
}

/** A database of this run's own, migrated once (as a deploy pipeline would) before any API starts. */
async function createDatabase() {
  let throwaway;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    throwaway = await startThrowawayPostgres();
    adminUrl = throwaway.adminUrl;
  }
  const name = `scale_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(adminUrl, name);
  const roles = await ensureRoles(adminUrl, name);
  // Every process of this run, `migrate` too, on BullMQ's PostgreSQL backend, whatever REDIS_URL the
  // caller has (CI sets one): a `migrate` on the Redis backend makes no PostgreSQL queue schema.
  const env = { DATABASE_URL: roles.appUrl, DATABASE_OWNER_URL: roles.ownerUrl, REDIS_URL: '' };
  const migrate = spawnSync(process.execPath, [API_MAIN, 'migrate'], { env: { ...process.env, ...env, LOG_LEVEL: 'warn' }, encoding: 'utf8' });
  assert.equal(migrate.status, 0, `migrate failed:\n${migrate.stderr}${migrate.stdout}`);
  return {
    env,
    /** This database's sessions (pg_stat_activity): what each connection waits on, and its last statement. */
    async sessions() {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      try {
        const { rows } = await admin.query(
          `SELECT pid, usename, application_name, state, wait_event_type, wait_event, now() - state_change AS "for", left(query, 200) AS query
             FROM pg_stat_activity WHERE datname = $1 ORDER BY backend_start`,
          [name],
        );
        return rows.length ? rows.map((row) => JSON.stringify(row)).join('\n') : '(none)';
      } finally {
        await admin.end();
      }
    },
    async drop() {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      try {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        for (const role of [`${name}_app`, `${name}_owner`]) await admin.query(`DROP ROLE IF EXISTS "${role}"`);
      } finally {
        await admin.end();
      }
      await throwaway?.stop();
    },
  };
}

/** How much of an API's output a failed start shows. */
const TAIL_CHARS = 6_000;
const tail = (text) => (text ? (text.length > TAIL_CHARS ? `…${text.slice(-TAIL_CHARS)}` : text) : '(nothing)');

/** The built API on a free port; its JSON log lines are kept (each names the process: `pid`). */
async function startApi(database, extraEnv = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [API_MAIN], {
    env: {
      ...process.env,
      ...database.env,
      NODE_ENV: 'development',
      API_PORT: String(port),
      API_HOST: '127.0.0.1',
      MIGRATIONS_RUN: 'false',
      DEMO_SEED: 'true',
      DEMO_PASSWORD,
      LOG_LEVEL: 'info',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines = [];
  let output = '';
  const streamOutput = { stdout: '', stderr: '' };
  for (const [name, stream] of [
    ['stdout', child.stdout],
    ['stderr', child.stderr],
  ]) {
    let buffered = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      output += chunk;
      streamOutput[name] += chunk;
      buffered += chunk;
      const parts = buffered.split('\n');
      buffered = parts.pop();
      for (const line of parts) {
        try {
          lines.push(JSON.parse(line));
        } catch {
          // Nest's plain start-up lines
        }
      }
    });
  }
  /** The processes that logged main.ts's "API listening" line. */
  const listeningPids = () => new Set(lines.filter((line) => typeof line.msg === 'string' && line.msg.startsWith('API listening')).map((line) => line.pid));
  started.add(child);
  const exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
  exited.then(() => started.delete(child));
  const processes = Number(extraEnv.API_PROCESSES ?? 1);
  let lastHealth = '(no answer yet)';
  try {
    await eventually(
      async () => {
        if (child.exitCode !== null || child.signalCode !== null) throw new ApiExited(`exited (${child.exitCode ?? child.signalCode}) before answering`);
        const health = await send(url, 'GET', '/api/health');
        lastHealth = `${health.status} ${JSON.stringify(health.body)}`;
        // With API_PROCESSES, health answers once the first process listens: wait for all of them,
        // or the cluster hands every request to the first and the test sees one process.
        return health.status === 200 && listeningPids().size >= processes;
      },
      `the API on ${url} (${processes} process(es) listening and /api/health 200)`,
      120_000,
    );
  } catch (error) {
    // What the process (and, with API_PROCESSES, its children) said and was doing, before it goes.
    const state =
      child.exitCode === null && child.signalCode === null
        ? `still running (pid ${child.pid}, children ${childPids(child.pid).join(', ') || 'none'})`
        : `exited (${child.exitCode ?? child.signalCode})`;
    const sessions = await database.sessions().catch((failure) => `(could not read pg_stat_activity: ${failure.message})`);
    child.kill('SIGKILL');
    error.message += `\nThe API ${state}; processes listening: ${listeningPids().size} of ${processes}; its last /api/health: ${lastHealth}.\n--- its stdout (last ${TAIL_CHARS} characters) ---\n${tail(streamOutput.stdout)}\n--- its stderr (last ${TAIL_CHARS} characters) ---\n${tail(streamOutput.stderr)}\n--- the database's sessions ---\n${sessions}`;
    throw error;
  }
  return {
    url,
    child,
    exited,
    output: () => output,
    /** Which processes logged a request line for `path` (pino-http's line carries the process id). */
    pidsServing: (path) => new Set(lines.filter((line) => line.req?.url === path && line.res).map((line) => line.pid)),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.kill('SIGTERM');
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** The processes the primary forked (its children), by `ps`. */
function childPids(pid) {
  const result = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
  return result.stdout
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter(Boolean);
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const built = existsSync(API_MAIN);

describe('the API as several processes (the built api)', () => {
  let database;

  before(async () => {
    assert.ok(built, `${API_MAIN} is missing: build first (npx nx run-many -t build -p api)`);
    database = await createDatabase();
  });

  after(async () => {
    await database?.drop();
  });

  describe('API_PROCESSES=2 on one port', () => {
    let api;

    before(async () => {
      api = await startApi(database, { API_PROCESSES: '2' });
    });

    after(async () => {
      await api?.stop();
    });

    it('answers from two processes, and one client gets no more access-code guesses from both than from one', async () => {
      const client = '10.77.0.1';
      const statuses = [];
      for (let i = 0; i < CASE_ACCESS_LIMIT; i += 1) statuses.push((await guess(api.url, client, i)).status);
      assert.deepEqual(
        statuses.filter((status) => status === 429),
        [],
        'no guess refused before the limit',
      );
      const serving = await eventually(
        async () => (api.pidsServing('/api/case-access').size >= 2 ? api.pidsServing('/api/case-access') : undefined),
        'request lines from two processes',
        5_000,
      ).catch(() => api.pidsServing('/api/case-access'));
      assert.equal(serving.size, 2, `the guesses were answered by ${serving.size} process(es), not 2`);
      for (let i = 0; i < 4; i += 1) {
        const refused = await guess(api.url, client, CASE_ACCESS_LIMIT + i);
        assert.equal(refused.status, 429, `guess ${CASE_ACCESS_LIMIT + i + 1} is refused`);
        assert.ok(Number(refused.headers['retry-after']) > 0, 'with Retry-After');
      }
    });

    it('replaces a process that dies, and keeps answering meanwhile', async () => {
      const before = childPids(api.child.pid);
      assert.equal(before.length, 2, `the primary runs 2 API processes (found ${before.length})`);
      process.kill(before[0], 'SIGKILL');
      const after = await eventually(async () => {
        const now = childPids(api.child.pid);
        return now.length === 2 && !now.includes(before[0]) ? now : undefined;
      }, 'a replacement process');
      assert.ok(after.includes(before[1]), 'the other process was left alone');
      await eventually(async () => (await send(api.url, 'GET', '/api/health')).status === 200, 'health after the replacement');
    });

    it('stops every process on SIGTERM', async () => {
      const workers = childPids(api.child.pid);
      assert.equal(workers.length, 2);
      api.child.kill('SIGTERM');
      const { code, signal } = await Promise.race([api.exited, sleep(20_000).then(() => ({ code: 'still running after 20 s' }))]);
      assert.ok(code === 0 || signal === 'SIGTERM', `the primary ended cleanly (exit ${code ?? signal})`);
      for (const pid of workers) assert.equal(alive(pid), false, `API process ${pid} stopped with the primary`);
    });
  });

  describe('two API processes on two ports, one database', () => {
    let first;
    let second;
    const streams = [];

    before(async () => {
      // The sign-in lockout (not the per-minute sign-in limit) is what refuses in its test.
      const env = { LOGIN_RATE_LIMIT_PER_MINUTE: '100', LOGIN_LOCKOUT_ADDRESS_FAILURES: '3', INTAKE_RATE_LIMIT: String(INTAKE_LIMIT) };
      first = await startApi(database, env);
      second = await startApi(database, { ...env, DEMO_SEED: 'false' });
    });

    after(async () => {
      for (const stream of streams) stream.close();
      await Promise.all([first?.stop(), second?.stop()]);
    });

    it('access-code guesses split across the two are refused at the limit of one', async () => {
      const client = '10.77.0.2';
      const statuses = [];
      for (let i = 0; i < CASE_ACCESS_LIMIT; i += 1) statuses.push((await guess(i % 2 === 0 ? first.url : second.url, client, i)).status);
      assert.deepEqual(
        statuses.filter((status) => status === 429),
        [],
      );
      for (const api of [first, second]) assert.equal((await guess(api.url, client, CASE_ACCESS_LIMIT)).status, 429);
    });

    it('a client that used up its intake limit on one is refused by the other', async () => {
      const client = '10.77.0.4';
      // Invalid bodies: answered 400, yet counted (the limit runs before validation).
      const submit = (api) => send(api.url, 'POST', '/api/intakes', { body: {}, client });
      const statuses = [];
      for (let i = 0; i < INTAKE_LIMIT; i += 1) statuses.push((await submit(first)).status);
      assert.deepEqual(statuses, Array(INTAKE_LIMIT).fill(400));
      const refused = await submit(second);
      assert.equal(refused.status, 429, 'the other process refuses');
      assert.ok(Number(refused.headers['retry-after']) > 0);
    });

    it('a claim made through one reaches a live stream held on the other', async () => {
      const onSecond = await signIn(second.url, 'caseworker@demo.test');
      const stream = await openStream(second.url, onSecond.token);
      streams.push(stream);
      const intake = await send(first.url, 'POST', '/api/intakes', { body: intakeBody(), client: '10.77.0.3' });
      assert.equal(intake.status, 201);
      const created = await eventually(
        async () => stream.received.find((event) => event.type === 'case.created' && event.reference === intake.body.reference),
        'case.created on the other process',
      );
      const onFirst = await signIn(first.url, 'caseworker@demo.test');
      assert.equal((await send(first.url, 'POST', `/api/cases/${created.caseId}/claim`, { token: onFirst.token })).status, 200);
      const claimed = await eventually(
        async () => stream.received.find((event) => event.type === 'case.claimed' && event.caseId === created.caseId),
        'case.claimed on the other process',
      );
      assert.equal(claimed.assigneeId, onFirst.id);
    });

    it('an account deactivated through one is refused by the other within seconds', async () => {
      const admin = await signIn(first.url, 'admin@demo.test');
      const member = await signIn(second.url, 'caseworker2@demo.test');
      assert.equal((await send(second.url, 'GET', '/api/auth/me', { token: member.token })).status, 200, 'signed in on the other process');
      const stream = await openStream(second.url, member.token);
      streams.push(stream);
      const deactivated = await send(first.url, 'PATCH', `/api/staff/${member.id}`, { token: admin.token, body: { active: false } });
      assert.equal(deactivated.status, 200);
      const at = Date.now();
      await eventually(
        async () => (await send(second.url, 'GET', '/api/auth/me', { token: member.token })).status === 401,
        'a refusal on the other process',
        DEACTIVATION_WITHIN_MS,
      );
      assert.ok(Date.now() - at <= DEACTIVATION_WITHIN_MS);
      assert.equal((await send(first.url, 'GET', '/api/auth/me', { token: member.token })).status, 401, 'and on the one that deactivated it');
      await eventually(async () => stream.isEnded(), 'the live stream on the other process to end', DEACTIVATION_WITHIN_MS + 2_000);
    });

    it('failed sign-ins split across the two lock the account out of that address on both', async () => {
      const email = 'supervisor@demo.test';
      const wrong = (api) => send(api.url, 'POST', '/api/auth/login', { body: { email, password: 'not-the-password-at-all' } });
      assert.deepEqual([(await wrong(first)).status, (await wrong(second)).status, (await wrong(first)).status], [401, 401, 401]);
      for (const api of [second, first]) {
        const locked = await send(api.url, 'POST', '/api/auth/login', { body: { email, password: DEMO_PASSWORD } });
        assert.equal(locked.status, 429, 'even the right password is refused while locked out');
        assert.ok(Number(locked.headers['retry-after']) > 0);
      }
    });
  });
});
