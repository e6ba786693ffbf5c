#!/usr/bin/env node
// Benchmark: follow-ups fired by the real worker process(es), on the PostgreSQL queue backend
// and (when REDIS_URL is set) on Redis, enqueued exactly as production does (the scheduler's
// job ids and options, loaded from libs/server/src/follow-ups/fire-jobs.ts, the queues' default
// job options, and the mark that tells the sweep a job was added). Two phases per backend, with the workers started and warmed first:
// - spread: BENCH_FOLLOW_UPS (default 100,000) due over BENCH_SPREAD_SECONDS (default 180),
//   the first one due only after enqueueing has ended: how late they fire (p50/p99). Its rate is
//   capped by how fast follow-ups fall due, so it says nothing about throughput;
// - burst: BENCH_BURST (default 20,000) due at one instant: end-to-end throughput (follow-ups
//   fired per second, from the due time to the last one fired), beside bare BullMQ running as many
//   no-op jobs the same way at the same moment (the machine may be shared, so the ratio matters).
// Usage: build first (`npx nx run-many -t build -p api worker`), then `node tools/bench/follow-ups.mjs`.
// Env: BENCH_FOLLOW_UPS, BENCH_SPREAD_SECONDS, BENCH_BURST, BENCH_WORKERS (default 1), BENCH_BACKENDS (default postgres,redis), BENCH_NODE_ARGS (the workers'),
// BENCH_FOLLOW_UP_CASES (default 1,000: the cases they belong to), DATABASE_URL, REDIS_URL.
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { Queue, Worker, createPostgresBackend, setDefaultBackendFactory } from 'bullmq';
import pg from 'pg';
import { benchDatabase, percentile } from './lib/bench-stack.mjs';
import { cpuPerRequest, cpuRow, cpuTableHeader, readCpu } from './lib/cpu-share.mjs';
import { importSource } from './lib/product-source.mjs';

const total = Number(process.env.BENCH_FOLLOW_UPS ?? 100_000);
const spreadSeconds = Number(process.env.BENCH_SPREAD_SECONDS ?? 180);
const burst = Number(process.env.BENCH_BURST ?? 20_000);
const workers = Number(process.env.BENCH_WORKERS ?? 1);
// Follow-ups belong to many cases, as they do in use: all on one case would make every fire wait
// on the same case row (its timeline and notifications reference it), which no real day does.
const caseCount = Number(process.env.BENCH_FOLLOW_UP_CASES ?? 1000);
const log = (message) => console.error(`[bench] ${message}`);
const key = randomBytes(32).toString('base64');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The production code that turns follow-ups into jobs, straight from the source.
const { fireJobs, MARK_ENQUEUED_SQL } = await importSource('libs/server/src/follow-ups/fire-jobs.ts');
const { DEFAULT_JOB_OPTIONS } = await importSource('libs/server/src/queue/job-options.ts');

// BENCH_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to profile the workers under load.
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);

function run(script, env, args = []) {
  const profiled = script.includes('worker') ? nodeArgs : [];
  return spawn(process.execPath, [...profiled, script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function once(backend) {
  const db = await benchDatabase(log);
  const prefix = `bench${randomBytes(3).toString('hex')}`;
  const env = {
    DATABASE_URL: db.url,
    NODE_ENV: 'production',
    DATA_ENCRYPTION_KEY: key,
    LOG_LEVEL: 'warn',
    QUEUE_PREFIX: prefix,
    DEMO_SEED: 'false',
    REDIS_URL: backend === 'redis' ? process.env.REDIS_URL : '',
  };
  const children = [];
  let queue;
  let client;
  try {
    await new Promise((resolve, reject) =>
      run('dist/apps/api/main.js', env, ['migrate']).on('exit', (code) => (code === 0 ? resolve() : reject(new Error('migrate failed')))),
    );
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    // Cases held by one caseworker; every follow-up tells that person.
    await client.query(`INSERT INTO organisation (slug, name) VALUES ('bench', 'Bench')`);
    const [{ id: staffId }] = (
      await client.query(
        `INSERT INTO staff_user (organisation_id, email, display_name, role, password_hash) SELECT id, 'bench@x.test', 'Bench', 'caseworker', 'x' FROM organisation RETURNING id`,
      )
    ).rows;
    const caseIds = Array.from({ length: caseCount }, () => randomUUID());
    await client.query(
      `INSERT INTO support_case (id, reference, access_code_hash, priority, priority_rank, triage_priority, triage_factors, triaged_at, first_response_due_at,
         submitted_by, channel, age_band, country, self_harm, immediate_danger, demands, content_posted, contact_channel, consent_contact, assignee_id, status, first_responded_at)
       SELECT id, 'SG-B' || lpad(to_hex(n::int), 7, '0'), 'x', 'high', 2, 'high', '[]', now(), now(), 'victim', 'web', '18_plus', 'US', 'none', false, '{}', 'no', 'none', false, $2, 'in_progress', now()
         FROM unnest($1::uuid[]) WITH ORDINALITY AS c(id, n)`,
      [caseIds, staffId],
    );

    if (backend === 'postgres') setDefaultBackendFactory(createPostgresBackend);
    else setDefaultBackendFactory();
    const connection =
      backend === 'postgres'
        ? { connectionString: db.url, schema: 'bullmq', migrate: true, max: 5 }
        : (() => {
            const u = new URL(process.env.REDIS_URL);
            return { host: u.hostname, port: Number(u.port || 6379), maxRetriesPerRequest: null };
          })();
    queue = new Queue('follow-ups', { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });

    /** Rows due at `dueAt(i)`; returns them as the scheduler's job requests. */
    async function followUps(phase, count, dueAtMs) {
      const { rows } = await client.query(
        `INSERT INTO follow_up (case_id, kind, subject_type, subject_id, dedupe_key, audience, due_at)
         SELECT c, 'case_review', 'case', c, $2 || g, 'assignee', to_timestamp(($3::float8[])[g + 1] / 1000)
           FROM generate_series(0, $4::int - 1) AS g, LATERAL (SELECT ($1::uuid[])[g % cardinality($1::uuid[]) + 1] AS c) AS pick
         RETURNING id, due_at, revision`,
        [caseIds, `${phase}-`, Array.from({ length: count }, (_, i) => dueAtMs(i)), count],
      );
      return rows.map((row) => ({ id: row.id, dueAt: new Date(row.due_at), revision: row.revision }));
    }
    async function enqueue(requests) {
      const started = Date.now();
      // As FollowUpScheduler.enqueue does: add the jobs, then mark the rows so the sweep skips them.
      for (let i = 0; i < requests.length; i += 1000) {
        const batch = requests.slice(i, i + 1000);
        await queue.addBulk(fireJobs(batch));
        await client.query(MARK_ENQUEUED_SQL, [batch.map((r) => r.id), batch.map((r) => r.revision)]);
      }
      return (Date.now() - started) / 1000;
    }
    async function waitFired(phase, count, limitMs, everyMs = 500) {
      const deadline = Date.now() + limitMs;
      for (;;) {
        const {
          rows: [{ fired }],
        } = await client.query(`SELECT count(*)::int AS fired FROM follow_up WHERE status = 'fired' AND dedupe_key LIKE $1`, [`${phase}-%`]);
        if (fired >= count || Date.now() > deadline) return fired;
        await sleep(everyMs);
      }
    }
    async function measure(phase) {
      const { rows: lateness } = await client.query(
        `SELECT extract(epoch FROM fired_at - due_at) * 1000 AS late FROM follow_up WHERE status = 'fired' AND dedupe_key LIKE $1 ORDER BY 1`,
        [`${phase}-%`],
      );
      const {
        rows: [span],
      } = await client.query(
        `SELECT count(*)::int AS n, extract(epoch FROM max(fired_at) - min(due_at)) AS seconds FROM follow_up WHERE status = 'fired' AND dedupe_key LIKE $1`,
        [`${phase}-%`],
      );
      const {
        rows: [notes],
      } = await client.query(
        `SELECT count(*)::int AS n, count(DISTINCT n.follow_up_id)::int AS distinct_follow_ups FROM notification n JOIN follow_up f ON f.id = n.follow_up_id WHERE f.dedupe_key LIKE $1`,
        [`${phase}-%`],
      );
      const late = lateness.map((r) => Number(r.late));
      return {
        fired: span.n,
        p50: percentile(late, 50),
        p99: percentile(late, 99),
        max: late[late.length - 1] ?? NaN,
        perSecond: span.n / Number(span.seconds),
        notifications: notes.n,
        distinct: notes.distinct_follow_ups,
      };
    }

    // Workers first, then a warm-up (connections, JIT, BullMQ's scripts) that also measures how fast we enqueue.
    for (let i = 0; i < workers; i += 1) children.push(run('dist/apps/worker/main.js', env));
    for (let i = 0; (await queue.getWorkersCount()) < workers; i += 1) {
      if (i > 240) throw new Error('the workers did not start');
      await sleep(250);
    }
    const warm = await followUps('warm', 2000, () => Date.now());
    const warmEnqueue = await enqueue(warm);
    await waitFired('warm', warm.length, 60_000);
    const perSecond = warm.length / warmEnqueue;
    log(`${backend}: ${workers} worker(s) up and warm; enqueueing runs at about ${perSecond.toFixed(0)} jobs/s`);

    // Spread: the first due after enqueueing ends (estimated from the warm-up, with room to spare).
    const spreadStart = Math.round(Date.now() + (total / perSecond) * 1500 + 5000);
    const spread = await followUps('spread', total, (i) => spreadStart + (i * spreadSeconds * 1000) / total);
    const spreadEnqueue = await enqueue(spread);
    const earlyDue = spread.filter((r) => r.dueAt.getTime() < Date.now()).length;
    log(
      `${backend}: spread: ${total.toLocaleString()} enqueued in ${spreadEnqueue.toFixed(1)} s, ${((spreadStart - Date.now()) / 1000).toFixed(1)} s before the first is due${earlyDue ? ` (${earlyDue} were due before enqueueing ended)` : ''}`,
    );
    await waitFired('spread', total, Math.max(0, spreadStart - Date.now()) + (spreadSeconds + 600) * 1000);
    const spreadResult = await measure('spread');

    // Burst: all due at one instant, after enqueueing ends.
    const burstAt = Math.round(Date.now() + (burst / perSecond) * 1500 + 3000);
    const bursting = await followUps('burst', burst, () => burstAt);
    const burstEnqueue = await enqueue(bursting);
    log(`${backend}: burst: ${burst.toLocaleString()} enqueued in ${burstEnqueue.toFixed(1)} s, all due ${((burstAt - Date.now()) / 1000).toFixed(1)} s later`);
    // CPU by who spent it, from the due instant until the last fired (read every 200 ms, so the
    // idle tail is short): the workers, PostgreSQL, Redis, and the rest.
    await sleep(Math.max(0, burstAt - Date.now()));
    const workerPids = children.map((child) => child.pid);
    const burstCpuBefore = readCpu(workerPids);
    const burstFired = await waitFired('burst', burst, 600_000, 200);
    const burstCpu = cpuPerRequest(burstCpuBefore, readCpu(workerPids), burstFired);
    const burstResult = { ...(await measure('burst')), cpu: burstCpu };

    // Bare BullMQ beside it, on the same machine at the same moment: as many no-op delayed jobs,
    // due at once, on the same backend and job options. The target is half of this.
    const bareName = 'bench-bare';
    const bareQueue = new Queue(bareName, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
    let completed = 0;
    let lastAt = 0;
    const bareWorker = new Worker(bareName, async () => undefined, { connection, prefix, concurrency: 16 });
    bareWorker.on('completed', () => {
      completed += 1;
      lastAt = Date.now();
    });
    const bareAt = Math.round(Date.now() + (burst / perSecond) * 1500 + 3000);
    for (let i = 0; i < burst; i += 1000) {
      const now = Date.now();
      await bareQueue.addBulk(
        Array.from({ length: Math.min(1000, burst - i) }, (_, j) => ({
          name: 'noop',
          data: { i: i + j },
          opts: { delay: Math.max(0, bareAt - now), removeOnComplete: true },
        })),
      );
    }
    await sleep(Math.max(0, bareAt - Date.now()));
    const bareCpuBefore = readCpu([]);
    for (const limit = Date.now() + 600_000; completed < burst && Date.now() < limit;) await sleep(100);
    const bareCpu = cpuPerRequest(bareCpuBefore, readCpu([]), completed);
    await bareWorker.close();
    await bareQueue.close();
    const bare = { completed, perSecond: completed / ((lastAt - bareAt) / 1000), cpu: bareCpu };
    log(`${backend}: bare BullMQ: ${completed} no-op jobs due at once, ${bare.perSecond.toFixed(0)} per second`);
    return { backend, spread: spreadResult, burst: burstResult, earlyDue, bare };
  } finally {
    await queue?.close();
    await client?.end();
    await Promise.all(
      children.map(
        (child) =>
          new Promise((done) => {
            child.once('exit', done);
            child.kill('SIGTERM');
          }),
      ),
    );
    await db.drop();
  }
}

// BENCH_BACKENDS=redis (or postgres) measures one backend only.
const backends = (process.env.BENCH_BACKENDS ?? 'postgres,redis').split(',').filter((b) => b === 'postgres' || (b === 'redis' && process.env.REDIS_URL));
const results = [];
for (const backend of backends) results.push(await once(backend));
const n = (value, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
console.log('');
console.log(
  `Follow-up benchmark, ${workers} worker process(es), ${caseCount.toLocaleString()} cases, production job ids and options (${new Date().toISOString()})`,
);
console.log(`Spread: ${total.toLocaleString()} due over ${spreadSeconds} s (lateness). Burst: ${burst.toLocaleString()} due at once (throughput).`);
console.log('| backend | phase | fired | lateness p50 ms | p99 ms | max ms | fired per second | notifications (distinct follow-ups) |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of results) {
  for (const [phase, m] of [
    ['spread', r.spread],
    ['burst', r.burst],
  ]) {
    console.log(
      `| ${r.backend} | ${phase} | ${m.fired} | ${n(m.p50)} | ${n(m.p99)} | ${n(m.max)} | ${phase === 'spread' ? `(${n(m.perSecond)}: paced by due times)` : n(m.perSecond)} | ${m.notifications} (${m.distinct}) |`,
    );
  }
}
for (const r of results)
  console.log(
    `Bare BullMQ on ${r.backend}, same moment: ${n(r.bare.perSecond)} no-op jobs/s; the burst reached ${n((100 * r.burst.perSecond) / r.bare.perSecond)}% of it.`,
  );
console.log('');
console.log("CPU per job in the burst by who spent it (/proc; bare BullMQ's worker runs in the bench, so it counts as the rest):");
for (const line of cpuTableHeader('workers')) console.log(line);
for (const r of results) {
  console.log(cpuRow(`${r.backend}: follow-ups fired`, r.burst.cpu));
  console.log(cpuRow(`${r.backend}: bare BullMQ no-op jobs`, r.bare.cpu));
}
console.log(
  'Targets: spread p99 lateness <= 1 s on both backends; burst throughput >= half of bare BullMQ (measured idle: ~1,800 jobs/s on PostgreSQL, ~12,700 on Redis).',
);
