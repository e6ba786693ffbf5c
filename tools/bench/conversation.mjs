#!/usr/bin/env node
// Benchmark: the conversation's live latency, message to screen, both ways, with intakes arriving
// in the same run, beside a raw PostgreSQL LISTEN/NOTIFY round trip as the floor.
//   - BENCH_CONVERSATIONS open conversations (default 200): each person has a session and its live
//     stream (GET /api/conversation/stream), each case a staff dashboard's live stream (GET /api/events,
//     the supervisor signed in once per five conversations, each sign-in from its own address): 400
//     Node clients on live streams. Every conversation carries one message every
//     BENCH_MESSAGE_INTERVAL_MS (default 10000: each side writes every 20 s, already brisker than
//     a person typing on a phone and a caseworker answering several people; 20 messages a second
//     over the 200 conversations), the person and the staff side in turn, open loop
//     (on its own clock, whether or not the last one has arrived). A supervisor's stream carries
//     every case's events, so each of the 200 staff streams receives the whole run's traffic.
//   - person → staff, "on screen": from the start of the person's POST /api/conversation/messages
//     until that case's staff stream has delivered `conversation.message` AND the staff thread
//     re-read it triggers (GET /api/cases/:id/conversation, as the Conversation tab does) holds the
//     message. "event" rows: until the stream event alone.
//   - staff → person, "on screen": from the start of the staff POST /api/cases/:id/conversation/messages
//     until the person's stream has delivered the event AND GET /api/conversation holds the message.
//   - 3 real Chromium pages (the production build served by tools/web-server, as in public-page.mjs):
//     /my-case opened with reference + access code; the staff side writes ~20 messages to each; from
//     the POST's start until the text is in a `li[data-from="staff"]` of the page (timed in the page
//     by a MutationObserver); each page waits for one message (up to 10 s) before the next.
//   - the intakes: POST /api/intakes offered at 100/s for 10 s (autocannon in a second process,
//     each request from its own address) while the conversations run.
//   - the floor: pg_notify → LISTEN on the same PostgreSQL (one listener; the notifies from a pool
//     of 4) at the conversations' message rate, during the same run: no product can beat it.
//   "missed": sent (or tried: a failed POST counts) but not on the other side's screen 10 s after
//   the run; the failed requests are listed under the table by kind and status or error code.
// Usage: npm run build first (dist/apps/api, worker, web), then `node tools/bench/conversation.mjs`
// Options (env): BENCH_SECONDS (default 30: how long the conversations run), BENCH_CONVERSATIONS
// (default 200), BENCH_MESSAGE_INTERVAL_MS (default 10000; 2000 was the earlier, five times busier load), BENCH_INTAKE_RATE (default 100; 0: no
// intake load, to see the conversations alone), DATABASE_URL (it makes a database of its own),
// REDIS_URL (queues on Redis, else on PostgreSQL), CHROMIUM_PATH (default /usr/bin/chromium).
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { deleteKeysWithPrefix } from '../lib/redis-keys.mjs';
import { benchDatabase, freePort, percentile, runAutocannon } from './lib/bench-stack.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const conversationCount = Number(process.env.BENCH_CONVERSATIONS ?? 200);
const intervalMs = Number(process.env.BENCH_MESSAGE_INTERVAL_MS ?? 10000);
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const BROWSER_PAGES = 3;
const BROWSER_MESSAGES = 20;
// A staff member with five conversations open: their requests stay well inside the per-session limit.
const CONVERSATIONS_PER_STAFF_SESSION = 5;
const INTAKE_RATE = Number(process.env.BENCH_INTAKE_RATE ?? 100);
const INTAKE_SECONDS = Math.min(10, seconds);
const GRACE_MS = 10_000;
const DEMO_PASSWORD = 'bench-password-1234';
const SUPERVISOR = 'supervisor@demo.test';
const log = (message) => console.error(`[bench] ${message}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const intake = {
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
  platforms: [{ platform: 'Instagram', offenderHandle: '@someone', profileUrl: 'https://instagram.com/someone' }],
  contentUrls: [],
  narrative: 'They want money by tomorrow or they will send the pictures to my friends.',
  contact: { channel: 'email', value: 'bench@example.com', canMentionOrganisation: false },
  consent: { storeData: true, contactMe: true },
};

/** Each client its own address (X-Forwarded-For, believed from loopback), as phones and offices are. */
const address = (group, n) => `10.${group}.${(n >> 8) & 255}.${n & 255}`;

/** What went wrong, by request: `POST person message 429` → count. */
const failures = new Map();
const fail = (what) => failures.set(what, (failures.get(what) ?? 0) + 1);

async function startStack(databaseUrl, queuePrefix) {
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ['tools/dev/start.mjs', '--no-install', '--no-build'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      API_PORT: String(apiPort),
      WEB_PORT: String(webPort),
      REDIS_URL: process.env.REDIS_URL ?? '',
      QUEUE_PREFIX: queuePrefix,
      NODE_ENV: 'development',
      DEMO_SEED: 'true',
      DEMO_PASSWORD,
      LOG_LEVEL: 'warn',
      DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Should this script die before its `finally`, the stack goes with it.
  process.on('exit', () => child.exitCode === null && child.kill('SIGINT'));
  const web = `http://127.0.0.1:${webPort}`;
  for (let i = 0; i < 480; i += 1) {
    try {
      if ((await fetch(`${web}/api/health`)).ok) {
        return {
          api: `http://127.0.0.1:${apiPort}`,
          web,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', done);
              child.kill('SIGINT');
            }),
        };
      }
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  child.kill('SIGINT');
  throw new Error('The stack did not start within 120 s');
}

async function call(url, { method = 'GET', headers = {}, body, what }) {
  let response;
  try {
    response = await fetch(url, {
      method,
      headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch (error) {
    // e.g. a connect timeout: the API did not accept the connection within 10 s.
    fail(`${what} ${error.cause?.code ?? error.code ?? error.message}`);
    return undefined;
  }
  if (!response.ok) {
    fail(`${what} ${response.status}`);
    await response.text().catch(() => undefined);
    return undefined;
  }
  return response.json();
}

/** Runs `task` over `items`, `width` at a time. */
async function inBatches(items, width, task) {
  const results = [];
  for (let i = 0; i < items.length; i += width) results.push(...(await Promise.all(items.slice(i, i + width).map(task))));
  return results;
}

// One agent per stream: no pooling, no limit on how many are open.
const streamAgent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
let streamsEnded = 0;

/** A server-sent events stream; `onEvent(type, data)` per event, as soon as its bytes arrive. */
function openStream(url, headers, onEvent) {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { accept: 'text/event-stream', ...headers }, agent: streamAgent }, (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        return reject(new Error(`${url} answered ${response.statusCode}`));
      }
      response.setEncoding('utf8');
      let buffered = '';
      response.on('data', (chunk) => {
        buffered += chunk;
        let end;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          const block = buffered.slice(0, end);
          buffered = buffered.slice(end + 2);
          let type = 'message';
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) type = line.slice(6).trim();
            else if (line.startsWith('data:')) data += line.slice(5).trim();
          }
          onEvent(type, data);
        }
      });
      let closing = false;
      response.on('close', () => {
        if (!closing) streamsEnded += 1;
      });
      resolve({
        close: () => {
          closing = true;
          request.destroy();
        },
      });
    });
    request.on('error', (error) => reject(error));
  });
}

/** The floor: pg_notify from one connection to LISTEN on another, at `rate` per second for `ms`. */
async function notifyFloor(url, rate, ms) {
  const listener = new pg.Client({ connectionString: url });
  // A few connections, so a slow notify does not hold back the next one's send time.
  const notifier = new pg.Pool({ connectionString: url, max: 4 });
  await listener.connect();
  const latencies = [];
  listener.on('notification', (message) => latencies.push(performance.now() - Number(message.payload)));
  await listener.query('LISTEN bench_floor');
  const started = performance.now();
  let sent = 0;
  while (performance.now() - started < ms) {
    const due = started + (sent * 1000) / rate;
    if (due > performance.now()) await sleep(due - performance.now());
    // The payload is the moment it was sent (this process's clock, as the listener reads it).
    notifier.query('SELECT pg_notify($1, $2)', ['bench_floor', String(performance.now())]).catch(() => fail('floor pg_notify'));
    sent += 1;
  }
  await sleep(1000);
  await Promise.all([listener.end(), notifier.end()]);
  return { latencies, sent };
}

function summary(latencies, sent) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN, count: sorted.length, missed: sent - sorted.length };
}

const fmt = (n) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n.toFixed(0)) : '-');

const db = await benchDatabase(log);
const queuePrefix = `bench${randomBytes(4).toString('hex')}`;
let stack;
let browser;
const streams = [];
try {
  stack = await startStack(db.url, queuePrefix);
  const api = stack.api;
  log(`stack up: API ${api}, web ${stack.web}`);

  // The cases: public intakes, each from the person's own address; their ids from the database.
  const total = conversationCount + BROWSER_PAGES;
  log(`${total} intakes`);
  const cases = (
    await inBatches(
      Array.from({ length: total }, (_, i) => i),
      10,
      async (i) => {
        const receipt = await call(`${api}/api/intakes`, {
          method: 'POST',
          headers: { 'x-forwarded-for': address(200, i), 'idempotency-key': `bench-${randomUUID()}` },
          body: intake,
          what: 'setup POST /api/intakes',
        });
        return receipt && { index: i, address: address(200, i), reference: receipt.reference, accessCode: receipt.accessCode };
      },
    )
  ).filter(Boolean);
  if (cases.length !== total) throw new Error(`Only ${cases.length} of ${total} intakes succeeded: ${JSON.stringify(Object.fromEntries(failures))}`);
  {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query('SELECT id, reference FROM support_case WHERE reference = ANY($1)', [cases.map((c) => c.reference)]);
    await client.end();
    const ids = new Map(rows.map((row) => [row.reference, row.id]));
    for (const c of cases) c.caseId = ids.get(c.reference);
  }
  const browserCases = cases.slice(conversationCount);
  const people = cases.slice(0, conversationCount);

  // The staff: the supervisor, signed in once per five conversations, each time from another desk.
  const sessionCount = Math.ceil(conversationCount / CONVERSATIONS_PER_STAFF_SESSION) + 1;
  log(`${sessionCount} staff sign-ins`);
  const tokens = await inBatches(
    Array.from({ length: sessionCount }, (_, i) => i),
    4,
    async (i) => {
      const login = await call(`${api}/api/auth/login`, {
        method: 'POST',
        headers: { 'x-forwarded-for': address(100, i) },
        body: { email: SUPERVISOR, password: DEMO_PASSWORD },
        what: 'setup POST /api/auth/login',
      });
      if (!login) throw new Error(`Sign-in ${i} failed: ${JSON.stringify(Object.fromEntries(failures))}`);
      return { token: login.accessToken, address: address(100, i) };
    },
  );
  const browserStaff = tokens.at(-1);
  people.forEach((c, i) => (c.staff = tokens[Math.floor(i / CONVERSATIONS_PER_STAFF_SESSION)]));
  const staffHeaders = (c) => ({ authorization: `Bearer ${c.staff.token}`, 'x-forwarded-for': c.staff.address });

  log(`${people.length} conversation sessions`);
  await inBatches(people, 10, async (c) => {
    const session = await call(`${api}/api/conversation/session`, {
      method: 'POST',
      headers: { 'x-forwarded-for': c.address },
      body: { reference: c.reference, accessCode: c.accessCode },
      what: 'setup POST /api/conversation/session',
    });
    if (!session) throw new Error(`Could not open a conversation session: ${JSON.stringify(Object.fromEntries(failures))}`);
    c.session = session.sessionToken;
  });
  const personHeaders = (c) => ({ 'x-case-session': c.session, 'x-forwarded-for': c.address });

  // What is in flight, per conversation: body → { t0, dir, event }.
  // When the intake load ran: the on-screen figures are also split by it.
  const intakeWindow = { from: Infinity, to: -Infinity };
  const screenSamples = [];
  const results = {
    p2sEvent: [],
    p2sScreen: [],
    s2pEvent: [],
    s2pScreen: [],
    personPost: [],
    staffPost: [],
    sent: { p2s: 0, s2p: 0 },
    eventsLost: { p2s: 0, s2p: 0 },
  };
  for (const c of people) {
    c.pending = new Map();
    c.reading = { staff: false, person: false };
    c.again = { staff: false, person: false };
  }

  /** The page's re-read after a live event: the thread, then every pending message it now holds. */
  async function reread(c, side) {
    if (c.reading[side]) {
      c.again[side] = true;
      return;
    }
    c.reading[side] = true;
    try {
      do {
        c.again[side] = false;
        const thread =
          side === 'staff'
            ? await call(`${api}/api/cases/${c.caseId}/conversation`, { headers: staffHeaders(c), what: 'GET /api/cases/:id/conversation' })
            : await call(`${api}/api/conversation`, { headers: personHeaders(c), what: 'GET /api/conversation' });
        const now = performance.now();
        const want = side === 'staff' ? 'p2s' : 's2p';
        for (const message of thread?.messages ?? []) {
          const pending = c.pending.get(message.body);
          if (!pending || pending.dir !== want) continue;
          c.pending.delete(message.body);
          results[`${want}Screen`].push(now - pending.t0);
          screenSamples.push([pending.t0, now - pending.t0]);
        }
      } while (c.again[side]);
    } finally {
      c.reading[side] = false;
    }
  }

  function onLive(c, side, type, data) {
    if (type !== 'conversation.message') return;
    // Every staff stream hears every case (a supervisor sees them all): only this case's matters here.
    if (side === 'staff' && !data.includes(c.caseId)) return;
    const event = JSON.parse(data);
    if (side === 'staff' && event.caseId !== c.caseId) return;
    const want = side === 'staff' ? 'p2s' : 's2p';
    if (event.from !== (side === 'staff' ? 'person' : 'staff')) return;
    const now = performance.now();
    // One event per message, in the order they were sent (each send locks the case row).
    for (const pending of c.pending.values()) {
      if (pending.dir === want && pending.event === undefined) {
        pending.event = now - pending.t0;
        results[`${want}Event`].push(pending.event);
        break;
      }
    }
    void reread(c, side);
  }

  log(`${people.length * 2} live streams`);
  await inBatches(people, 20, async (c) => {
    streams.push(await openStream(`${api}/api/events`, staffHeaders(c), (type, data) => onLive(c, 'staff', type, data)));
    streams.push(await openStream(`${api}/api/conversation/stream`, personHeaders(c), (type, data) => onLive(c, 'person', type, data)));
  });

  async function send(c, dir, n) {
    const body = `${dir === 'p2s' ? 'Person' : 'Team'} message ${n} in conversation ${c.index}: ${randomUUID()}`;
    const pending = { t0: performance.now(), dir, event: undefined };
    c.pending.set(body, pending);
    results.sent[dir] += 1;
    const stored =
      dir === 'p2s'
        ? await call(`${api}/api/conversation/messages`, {
            method: 'POST',
            headers: personHeaders(c),
            body: { clientMessageId: randomUUID(), body },
            what: 'POST /api/conversation/messages',
          })
        : await call(`${api}/api/cases/${c.caseId}/conversation/messages`, {
            method: 'POST',
            headers: staffHeaders(c),
            body: { clientMessageId: randomUUID(), body },
            what: 'POST /api/cases/:id/conversation/messages',
          });
    if (!stored) {
      // Counted as sent and missed; the failure is listed under "Failed requests".
      c.pending.delete(body);
      return;
    }
    results[dir === 'p2s' ? 'personPost' : 'staffPost'].push(performance.now() - pending.t0);
  }

  // Open loop: each conversation sends on its own clock, whether or not the last one has arrived.
  async function converse(c, until) {
    await sleep(Math.random() * intervalMs);
    let dir = c.index % 2 === 0 ? 'p2s' : 's2p';
    const inFlight = [];
    for (let n = 0; performance.now() < until; n += 1) {
      const tick = performance.now();
      inFlight.push(send(c, dir, n));
      dir = dir === 'p2s' ? 's2p' : 'p2s';
      await sleep(Math.max(0, tick + intervalMs - performance.now()));
    }
    await Promise.all(inFlight);
  }

  // The browsers: open /my-case in each before the load starts.
  log(`${BROWSER_PAGES} Chromium pages on /my-case`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-domain-reliability',
      '--no-pings',
      '--disable-features=DnsOverHttps',
    ],
  });
  const pages = await Promise.all(
    browserCases.map(async (c) => {
      const page = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
      page.on('pageerror', (error) => fail(`page error ${error.message}`));
      await page.goto(`${stack.web}/my-case`);
      await page.getByLabel('Reference').fill(c.reference);
      await page.getByLabel('Access code').fill(c.accessCode);
      await page.getByRole('button', { name: 'Open my case' }).click();
      await page.getByTestId('person-messages').waitFor({ timeout: 30_000 });
      return { page, c };
    }),
  );
  // Their stream opens right after the thread: give it a moment before the first message.
  await sleep(1000);

  const browserLatencies = [];
  let browserSent = 0;
  async function browserConversation({ page, c }, until) {
    const every = Math.max(500, (seconds * 1000) / BROWSER_MESSAGES);
    await sleep(Math.random() * every);
    for (let n = 0; n < BROWSER_MESSAGES && performance.now() < until; n += 1) {
      const tick = performance.now();
      const body = `Team message ${n} to page ${c.index}: ${randomUUID()}`;
      // In the page, watching before the message is sent: the wall clock at the DOM change that
      // put the text on screen.
      await page.evaluate(
        ({ text, timeout }) => {
          window.__benchSeen = new Promise((resolve) => {
            const found = () => [...document.querySelectorAll('li[data-from="staff"]')].some((li) => li.textContent.includes(text));
            const observer = new MutationObserver(() => {
              if (found()) {
                observer.disconnect();
                resolve(Date.now());
              }
            });
            observer.observe(document.body, { childList: true, subtree: true, characterData: true });
            setTimeout(() => {
              observer.disconnect();
              resolve(null);
            }, timeout);
          });
        },
        { text: body, timeout: GRACE_MS },
      );
      const t0 = Date.now();
      browserSent += 1;
      const stored = await call(`${api}/api/cases/${c.caseId}/conversation/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${browserStaff.token}`, 'x-forwarded-for': browserStaff.address },
        body: { clientMessageId: randomUUID(), body },
        what: 'POST /api/cases/:id/conversation/messages (browser case)',
      });
      const at = await page.evaluate(() => window.__benchSeen).catch(() => null);
      if (at === null) fail('Chromium page: staff message not on screen within 10 s');
      else if (stored) browserLatencies.push(at - t0);
      await sleep(Math.max(0, tick + every - performance.now()));
    }
  }

  log(
    `conversations for ${seconds}s (${people.length} conversations, one message each ${intervalMs} ms), intakes at ${INTAKE_RATE}/s for ${INTAKE_SECONDS}s, NOTIFY floor alongside`,
  );
  const until = performance.now() + seconds * 1000;
  const rate = (people.length * 1000) / intervalMs;
  const intakeLoad = (async () => {
    if (!INTAKE_RATE) return { latency: {}, requests: 0, non2xx: 0, errors: 0, statusCodes: {} };
    await sleep(Math.max(0, (seconds - INTAKE_SECONDS) * 500));
    intakeWindow.from = performance.now();
    const result = await runAutocannon({
      url: `${api}/api/intakes`,
      connections: 20,
      durationSeconds: INTAKE_SECONDS,
      overallRate: INTAKE_RATE,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(intake),
      uniqueIdempotencyKey: true,
      distinctClients: 50_000,
    });
    intakeWindow.to = performance.now();
    return result;
  })();
  const [floor, intakes] = await Promise.all([
    notifyFloor(db.url, rate, seconds * 1000),
    intakeLoad,
    ...people.map((c) => converse(c, until)),
    ...pages.map((p) => browserConversation(p, until)),
  ]);

  // Whatever is still on its way gets GRACE_MS; then it is missed.
  const graceUntil = performance.now() + GRACE_MS;
  while (people.some((c) => c.pending.size) && performance.now() < graceUntil) await sleep(100);
  for (const c of people) for (const pending of c.pending.values()) if (pending.event === undefined) results.eventsLost[pending.dir] += 1;

  const rows = [
    ['PostgreSQL pg_notify → LISTEN round trip (floor)', summary(floor.latencies, floor.sent)],
    ['person → staff: `conversation.message` on the staff stream', summary(results.p2sEvent, results.sent.p2s)],
    ['person → staff: on screen (event + staff thread re-read holds it)', summary(results.p2sScreen, results.sent.p2s)],
    ["staff → person: `conversation.message` on the person's stream", summary(results.s2pEvent, results.sent.s2p)],
    ['staff → person: on screen (event + GET /api/conversation holds it)', summary(results.s2pScreen, results.sent.s2p)],
    [`staff → person: text visible in Chromium /my-case (${pages.length} pages)`, summary(browserLatencies, browserSent)],
    ['POST /api/conversation/messages (person sends)', summary(results.personPost, results.personPost.length)],
    ['POST /api/cases/:id/conversation/messages (staff sends)', summary(results.staffPost, results.staffPost.length)],
  ];
  console.log('');
  console.log(
    `Conversation benchmark: ${people.length} conversations, ${streams.length} live streams (${people.length} staff, ${people.length} person), one message per conversation each ${intervalMs} ms (${rate.toFixed(0)}/s) for ${seconds}s, ${pages.length} Chromium pages; intakes offered at ${INTAKE_RATE}/s for ${INTAKE_SECONDS}s in the same run (${new Date().toISOString()})`,
  );
  console.log('| path | p50 ms | p99 ms | max ms | delivered | missed |');
  console.log('|---|---|---|---|---|---|');
  for (const [name, s] of rows) console.log(`| ${name} | ${fmt(s.p50)} | ${fmt(s.p99)} | ${fmt(s.max)} | ${s.count} | ${s.missed} |`);
  // autocannon: `requests` are the answers received; `errors` the requests that got none (timeouts).
  const answered = intakes.requests > 0;
  if (INTAKE_RATE)
    console.log(
      `| POST /api/intakes offered ${INTAKE_RATE}/s (autocannon), same run | ${answered ? intakes.latency.p50 : '-'} | ${answered ? intakes.latency.p99 : '-'} | ${answered ? intakes.latency.max : '-'} | ${intakes.requests - intakes.non2xx} | ${intakes.non2xx} non-2xx, ${intakes.errors} unanswered |`,
    );
  if (INTAKE_RATE) {
    const during = screenSamples.filter(([t0]) => t0 >= intakeWindow.from && t0 <= intakeWindow.to).map(([, ms]) => ms);
    const outside = screenSamples.filter(([t0]) => t0 < intakeWindow.from || t0 > intakeWindow.to).map(([, ms]) => ms);
    const [d, o] = [summary(during, during.length), summary(outside, outside.length)];
    console.log(
      `On screen, both ways, sent while the intakes arrived: p50 ${fmt(d.p50)} ms, p99 ${fmt(d.p99)} ms (${d.count}); sent before or after them: p50 ${fmt(o.p50)} ms, p99 ${fmt(o.p99)} ms (${o.count}).`,
    );
  }
  console.log(`Target: message on the other side's screen, p99 <= 1000 ms. For the Chromium pages p99 is the max of ${browserLatencies.length}.`);
  console.log(
    `Events that never arrived: person → staff ${results.eventsLost.p2s}, staff → person ${results.eventsLost.s2p}; streams that ended early: ${streamsEnded}. Intake status codes: ${JSON.stringify(intakes.statusCodes)}.`,
  );
  if (failures.size) console.log(`Failed requests: ${[...failures].map(([what, n]) => `${what} ×${n}`).join('; ')}`);
} finally {
  for (const stream of streams) stream.close();
  if (browser) await browser.close().catch(() => undefined);
  if (stack) await stack.stop();
  await db.drop();
  if (process.env.REDIS_URL)
    await deleteKeysWithPrefix(process.env.REDIS_URL, queuePrefix).catch((error) => log(`could not clean Redis keys: ${error.message}`));
}
