// The intake load the scale-out bench offers, and its floor: a bare single-row INSERT of the same
// case through `pg`. Shared with tools/bench/intake-throughput.mjs.
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { percentile } from './bench-stack.mjs';
import { cpuPerRequest, readCpu } from './cpu-share.mjs';

/** Phones the intakes come from: enough that none reaches the default 30 intakes per 10 minutes. */
export const CLIENT_ADDRESSES = 50_000;

export const intakeBody = {
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

/**
 * The API's environment for an intake load (production mode, quiet, a throwaway key); `extra` adds
 * to it. The per-client limits stay as configured: the load comes from many addresses
 * (CLIENT_ADDRESSES). Lifting them for one client made the limiter keep every hit of the run and
 * scan them all on each request, which no real day does.
 */
export function intakeApiEnv(databaseUrl, port, extra = {}) {
  return {
    DATABASE_URL: databaseUrl,
    API_PORT: String(port),
    NODE_ENV: 'production',
    DEMO_SEED: 'false',
    LOG_LEVEL: 'warn',
    DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    ...extra,
  };
}

/** One intake, which must be answered 201 before a load starts (else the load would measure errors). */
export async function expectOneIntake(apiUrl) {
  const probe = await fetch(`${apiUrl}/api/intakes`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(intakeBody) });
  if (probe.status !== 201) throw new Error(`A single intake failed (${probe.status}): ${await probe.text()}`);
}

/** autocannon's settings for POST /api/intakes: each request a new intake from the next address. */
export function intakeLoad(apiUrl, { connections, seconds, overallRate }) {
  return {
    url: `${apiUrl}/api/intakes`,
    connections,
    durationSeconds: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(intakeBody),
    uniqueIdempotencyKey: true,
    distinctClients: CLIENT_ADDRESSES,
    ...(overallRate ? { overallRate } : {}),
  };
}

/** `connections` clients each INSERTing the case row as fast as they can for `seconds`. */
export async function bareInsert(url, { connections, seconds }) {
  // CPU by who spent it, read before the pool closes (a closed connection's server process takes its time with it).
  const cpuBefore = readCpu([]);
  const pool = new pg.Pool({ connectionString: url, max: connections });
  const latencies = [];
  const deadline = Date.now() + seconds * 1000;
  const started = Date.now();
  async function client() {
    while (Date.now() < deadline) {
      const t0 = process.hrtime.bigint();
      await pool.query(
        `INSERT INTO support_case (id, reference, access_code_hash, priority, priority_rank, triage_priority, triage_factors, triaged_at,
           first_response_due_at, submitted_by, channel, age_band, content_made_under_18, country, self_harm, immediate_danger,
           demands, content_posted, still_in_contact, paid, narrative_sealed, contact_channel, consent_contact)
         VALUES ($1, $2, 'x', 'urgent', 1, 'urgent', '[]', now(), now(), 'victim', 'web', '13_17', true, 'US', 'none', false,
           '{money}', 'no', true, false, $3, 'email', true)`,
        // The narrative is sealed at rest: bytes of a sealed value's size (1 + 12 + 16 + the JSON text).
        [randomUUID(), `B-${randomBytes(6).toString('hex')}`, randomBytes(29 + JSON.stringify(intakeBody.narrative).length)],
      );
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  }
  await Promise.all(Array.from({ length: connections }, client));
  const elapsed = (Date.now() - started) / 1000;
  const cpu = cpuPerRequest(cpuBefore, readCpu([]), latencies.length);
  await pool.end();
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), total: latencies.length, cpu };
}
