import { INestApplicationContext } from '@nestjs/common';
import { IntakeResponse, KEY_JOBS, QUEUES, ResealJob } from '@sg/contracts';
import { caseDetailSchema, caseNoteResponseSchema, evidenceEntrySchema, intakeResponseSchema } from '@sg/contracts/schemas';
import { present } from '@sg/domain';
import { Job, Queue } from 'bullmq';
import { sign } from 'jsonwebtoken';
import { createSecretKey, randomBytes } from 'node:crypto';
import * as z from 'zod';
import { AppConfig } from '../config/app-config';
import { DEFAULT_JOB_OPTIONS } from '../queue/queue.module';
import { queueConnection } from '../queue/queue-connection';
import { DataProtection, UnknownKeyVersionError } from '../security/data-protection';
import { bodyOf, createTestDatabase, firstRowOf, intakeFixture, rowsOf, startTestApi, startTestWorker, TestApi, TestDatabase, testConfig } from '../testing';
import { resealAll, rotationStatus } from './reseal';
import { describeRotationStatus, rotateStatusCommand } from './rotate-status-command';

const NARRATIVE = 'They found me on a game called Skyfort and want 300 dollars by Friday';
const NOTE = 'Spoke to her mum, she is safe tonight, call back at nine';
const EVIDENCE = 'Threat sent in the game chat, says he will post to her school page';
const ADDITION = 'He made a new account after I blocked the first one';
const LEGACY_NOTE = 'Legacy note written before notes were sealed';
const LEGACY_NARRATIVE = 'Legacy narrative from before sealing, about a bank transfer';
const LEGACY_ADDITION = 'Legacy addition note, in the timeline data';

/** The key id in a staff token's header. */
const kidOf = (token: string): string => z.object({ kid: z.string() }).parse(JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString())).kid;

/**
 * Free text at rest and key rotation, against a real PostgreSQL and a real worker: no plaintext in
 * the tables, the case page still reads it all, and rotating every key (v1 → v2) loses nothing:
 * the job re-seals, the person's reference and code still open their case, staff tokens signed
 * with the old key stay valid, and a value under a version the server does not hold fails clearly.
 */
describe('free text sealed at rest, and key rotation', () => {
  let db: TestDatabase;
  let v1: AppConfig;
  let v2: AppConfig;
  let api: TestApi;
  let rotated: TestApi | undefined;
  let worker: INestApplicationContext | undefined;
  let queue: Queue<ResealJob> | undefined;
  let person: IntakeResponse;
  let caseId: string;

  /** Every raw row of the case's tables as text (bytea shown as hex), and the sealed columns as UTF-8, to look for plaintext in. */
  async function rawText(): Promise<string> {
    const tables = [
      'support_case',
      'case_note',
      'case_evidence',
      'case_event',
      'case_transcript',
      'case_message',
      'idempotency_record',
      'case_identifier',
      'audit_log',
    ];
    const parts: string[] = [];
    for (const table of tables) {
      const rows = await rowsOf<{ row: string }>(db.dataSource, `SELECT t::text AS row FROM ${table} t`);
      parts.push(...rows.map((r) => r.row));
    }
    const sealed = await rowsOf<{ b: Buffer }>(
      db.dataSource,
      `SELECT narrative_sealed AS b FROM support_case WHERE narrative_sealed IS NOT NULL
       UNION ALL SELECT body_sealed FROM case_note WHERE body_sealed IS NOT NULL
       UNION ALL SELECT description_sealed FROM case_evidence WHERE description_sealed IS NOT NULL
       UNION ALL SELECT sealed FROM case_event WHERE sealed IS NOT NULL`,
    );
    parts.push(...sealed.map((s) => s.b.toString('utf8')));
    return parts.join('\n');
  }

  const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');
  const expectAbsent = (raw: string, text: string) => {
    expect(raw).not.toContain(text);
    expect(raw).not.toContain(hex(text));
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    v1 = testConfig(db.url);
    const next = () => ({ version: 2, key: randomBytes(32) });
    v2 = { ...v1, keys: { dataEncryption: [next()], accessCode: [next()], sessionSigning: [next()] } };
    api = await startTestApi(db, v1);
  });

  afterAll(async () => {
    await worker?.close();
    await queue?.close();
    await rotated?.close();
    await api?.close();
    await db?.drop();
  });

  it("stores the narrative, notes, evidence descriptions and the person's addition note sealed, and the case page reads them", async () => {
    const created = await api.request('POST', '/api/intakes', { body: intakeFixture({ narrative: NARRATIVE }) });
    expect(created.status).toBe(201);
    person = bodyOf(created, intakeResponseSchema);
    ({ id: caseId } = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [person.reference]));
    const added = await api.request('POST', '/api/case-access/additions', {
      body: { reference: person.reference, accessCode: person.accessCode, note: ADDITION },
    });
    expect(added.status).toBe(200);

    const caseworker = await api.tokenFor('caseworker');
    expect((await api.request('POST', `/api/cases/${caseId}/claim`, { token: caseworker })).status).toBe(200);
    const note = await api.request('POST', `/api/cases/${caseId}/notes`, { token: caseworker, body: { body: NOTE } });
    expect(note.status).toBe(201);
    expect(bodyOf(note, caseNoteResponseSchema).body).toBe(NOTE);
    const evidence = await api.request('POST', `/api/cases/${caseId}/evidence`, { token: caseworker, body: { kind: 'other', description: EVIDENCE } });
    expect(evidence.status).toBe(201);
    expect(bodyOf(evidence, evidenceEntrySchema).description).toBe(EVIDENCE);

    const raw = await rawText();
    for (const text of [NARRATIVE, NOTE, EVIDENCE, ADDITION]) expectAbsent(raw, text);
    const row = await firstRowOf<{ narrative: string | null; narrative_sealed: Buffer }>(
      db.dataSource,
      `SELECT narrative, narrative_sealed FROM support_case WHERE id = $1`,
      [caseId],
    );
    expect(row.narrative).toBeNull();
    expect(row.narrative_sealed[0]).toBe(1);

    const page = await api.request('GET', `/api/cases/${caseId}`, { token: caseworker });
    expect(page.status).toBe(200);
    const detail = bodyOf(page, caseDetailSchema);
    expect(detail.facts.narrative).toBe(NARRATIVE);
    expect(detail.notes.map((n) => n.body)).toEqual([NOTE]);
    expect(detail.evidence.map((e) => e.description)).toEqual([EVIDENCE]);
    expect(detail.timeline.find((e) => e.kind === 'person_added_information')?.data).toMatchObject({ note: ADDITION });
  });

  it("seals free text stored in clear before sealing, in the job's first run, and the page still reads it", async () => {
    // Rows as an older version wrote them: plain text, no sealed copy.
    const { id: author } = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM staff_user WHERE role = 'caseworker' ORDER BY email LIMIT 1`);
    await db.dataSource.query(`UPDATE support_case SET narrative = $2, narrative_sealed = NULL WHERE id = $1`, [caseId, LEGACY_NARRATIVE]);
    await db.dataSource.query(`INSERT INTO case_note (case_id, author_id, body, created_at) VALUES ($1, $2, $3, now() - interval '1 day')`, [
      caseId,
      author,
      LEGACY_NOTE,
    ]);
    await db.dataSource.query(`INSERT INTO case_event (case_id, actor_kind, kind, data) VALUES ($1, 'person', 'person_added_information', $2)`, [
      caseId,
      JSON.stringify({ summary: 'Added a note', note: LEGACY_ADDITION }),
    ]);
    const protection = api.app.get(DataProtection, { strict: false });
    expect(
      (await rotationStatus(db.dataSource.manager, protection)).plain
        .filter((p) => p.rows > 0)
        .map((p) => p.name)
        .sort(),
    ).toEqual(['case_event.data.note', 'case_note.body', 'support_case.narrative']);
    expect(await rawText()).toContain(LEGACY_NOTE);

    const first = await resealAll(db.dataSource, protection, 1);
    expect(first.sealedPlain).toEqual({ 'support_case.narrative': 1, 'case_note.body': 1, 'case_event.data.note': 1 });
    expect(first.resealed).toEqual({});
    const raw = await rawText();
    for (const text of [LEGACY_NOTE, LEGACY_NARRATIVE, LEGACY_ADDITION]) expectAbsent(raw, text);
    expect((await rotationStatus(db.dataSource.manager, protection)).remaining).toBe(0);
    // Safe to run twice: nothing left to do.
    expect((await resealAll(db.dataSource, protection)).total).toBe(0);

    const detail = bodyOf(await api.request('GET', `/api/cases/${caseId}`, { token: await api.tokenFor('caseworker') }), caseDetailSchema);
    expect(detail.facts.narrative).toBe(LEGACY_NARRATIVE);
    expect(detail.notes.map((n) => n.body)).toEqual([NOTE, LEGACY_NOTE]);
    expect(detail.timeline.filter((e) => e.kind === 'person_added_information').map((e) => e.data['note'])).toEqual(
      expect.arrayContaining([ADDITION, LEGACY_ADDITION]),
    );
    const audits = await rowsOf<{ after: { column: string; rows: number } }>(
      db.dataSource,
      `SELECT after FROM audit_log WHERE action = 'keys.plain_text_sealed' ORDER BY id`,
    );
    expect(audits.map((a) => a.after.column).sort()).toEqual(['case_event.data.note', 'case_note.body', 'support_case.narrative']);
  });

  it("rotates every key: the worker's job re-seals under v2, everything still opens, the person's code and old staff tokens still work", async () => {
    const oldToken = await api.tokenFor('supervisor');
    expect(kidOf(oldToken)).toBe('1');

    // v2 current, v1 kept: a second API and a worker on the same database.
    rotated = await startTestApi(db, v2);
    expect((await rotated.request('GET', '/api/auth/me', { token: oldToken })).status).toBe(200);
    const newToken = await rotated.tokenFor('supervisor');
    expect(kidOf(newToken)).toBe('2');
    // The server without v2 refuses a token signed with it (it cannot check it).
    expect((await api.request('GET', '/api/auth/me', { token: newToken })).status).toBe(401);

    const { connection, prefix } = queueConnection(v2);
    queue = new Queue<ResealJob>(QUEUES.keys, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
    worker = await startTestWorker(v2);
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.find((scheduler) => scheduler.key === KEY_JOBS.reseal)).toBeDefined();
    const job = await finished(queue, (await queue.add(KEY_JOBS.reseal, { requestedAt: new Date().toISOString() })).id ?? '');
    expect(await job.getState()).toBe('completed');

    const protection = rotated.app.get(DataProtection, { strict: false });
    const status = await rotationStatus(db.dataSource.manager, protection);
    expect(status.current).toEqual({ data: 2, accessCode: 2, sessionSigning: 2 });
    expect(status.sealed.length).toBeGreaterThan(0);
    expect(status.sealed.filter((entry) => entry.version !== 2)).toEqual([]);
    // The access code cannot be re-hashed without the code: it is still v1 until the person comes back.
    expect(status.accessCodes).toEqual([{ name: 'support_case.access_code_hash', version: 1, rows: 1 }]);
    expect(status.remaining).toBe(1);
    expect(describeRotationStatus(status).at(-1)).toMatch(/1 rows are still on an old key/);
    const resealedAudits = await rowsOf<{ rows: number }>(db.dataSource, `SELECT (after->>'rows')::int AS rows FROM audit_log WHERE action = 'keys.resealed'`);
    const resealedRows = resealedAudits.reduce((sum, audit) => sum + audit.rows, 0);
    expect(resealedRows).toBe(status.sealed.reduce((sum, entry) => sum + entry.rows, 0));

    const detail = bodyOf(await rotated.request('GET', `/api/cases/${caseId}`, { token: newToken }), caseDetailSchema);
    expect(detail.facts.narrative).toBe(LEGACY_NARRATIVE);
    expect(detail.notes.map((n) => n.body)).toEqual([NOTE, LEGACY_NOTE]);
    expect(detail.evidence.map((e) => e.description)).toEqual([EVIDENCE]);
    expect(
      (await rotated.request('POST', `/api/cases/${caseId}/contact-reveal`, { token: newToken, body: { reason: 'Calling back after rotation' } })).status,
    ).toBe(200);

    // The person's reference and code (hashed with v1) still open their case, and are re-hashed under v2.
    const opened = await rotated.request('POST', '/api/case-access', { body: { reference: person.reference, accessCode: person.accessCode } });
    expect(opened.status).toBe(200);
    const { access_code_hash: rehashed } = await firstRowOf<{ access_code_hash: string }>(
      db.dataSource,
      `SELECT access_code_hash FROM support_case WHERE id = $1`,
      [caseId],
    );
    expect(rehashed).toMatch(/^2:[0-9a-f]{64}$/);
    expect((await rotated.request('POST', '/api/case-access', { body: { reference: person.reference, accessCode: person.accessCode } })).status).toBe(200);
    expect((await rotated.request('POST', '/api/case-access', { body: { reference: person.reference, accessCode: 'AAAA-BBBB-CCCC-DDDD' } })).status).toBe(404);
    expect((await rotationStatus(db.dataSource.manager, protection)).remaining).toBe(0);
    // npm run keys:rotate-status: 0 once nothing is left on an old key; a server still on v1 would see everything as "old".
    const printed: string[] = [];
    expect(await rotateStatusCommand(v2, (line) => printed.push(line))).toBe(0);
    expect(printed[0]).toBe('Current key versions: data 2, access codes 2, session signing 2');
    expect(printed.at(-1)).toMatch(/^OK: nothing is left/);
    expect(await rotateStatusCommand(v1, () => undefined)).toBe(2);
  });

  it('fails clearly on a value or token under a key version the server does not hold', async () => {
    const { narrative_sealed: sealed } = await firstRowOf<{ narrative_sealed: Buffer }>(
      db.dataSource,
      `SELECT narrative_sealed FROM support_case WHERE id = $1`,
      [caseId],
    );
    expect(sealed[0]).toBe(2);
    const withoutV2 = api.app.get(DataProtection, { strict: false });
    expect(() => withoutV2.open(sealed, `case_narrative:${caseId}`)).toThrow(UnknownKeyVersionError);
    expect(() => withoutV2.open(sealed, `case_narrative:${caseId}`)).toThrow(/data key version 2\b.*DATA_ENCRYPTION_KEYS/);

    const keys = rotated?.app.get(DataProtection, { strict: false }).sessionSigningKeys;
    const claims = { sub: '00000000-0000-0000-0000-000000000000', sid: 'x', role: 'admin', exp: Math.floor(Date.now() / 1000) + 60 };
    const unknownKid = sign(claims, createSecretKey(present(keys?.key(2), 'session-signing key version 2')), { algorithm: 'HS256', keyid: '9' });
    expect((await rotated?.request('GET', '/api/auth/me', { token: unknownKid }))?.status).toBe(401);
  });
});

async function finished(queue: Queue, id: string): Promise<Job> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const job = await queue.getJob(id);
    if (job?.finishedOn) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} did not finish`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
