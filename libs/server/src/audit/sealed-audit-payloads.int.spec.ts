import { AuditEntry } from '@sg/contracts';
import { auditTrailSchema, caseDetailSchema, healthResponseSchema, intakeResponseSchema } from '@sg/contracts/schemas';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import * as z from 'zod';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { resealAll, rotationStatus } from '../keys/reseal';
import { dataProtectionFor } from '../security/data-protection';
import { bodyOf, createTestDatabase, firstRowOf, intakeFixture, rowsOf, startTestApi, TestApi, TestDatabase, testConfig } from '../testing';
import { sealAuditChain, verifyAuditChain } from './seal-audit-chain';
import { verifyAuditCommand } from './verify-audit-command';

const REVEAL_REASON = 'Calling back about the deadline he set for Friday night';
const HOLD_REASON = 'Officer Tan asked us to keep the chat logs, ref 88/2026';
const LEGACY_REASON = 'Legacy reveal reason, written in clear before audit payloads were sealed';
const LEGACY_TRICKY = 'Legacy "quoted" reason\nwith a new line, a backslash \\ and ünïcödé';
/** The `after` of a contact-reveal audit entry, as the audit tab shows it. */
const revealAfterSchema = z.object({ reason: z.string() });

/**
 * Staff-typed free text in the append-only audit log is sealed at rest: the raw audit row holds no
 * reason, the hash chain still verifies (after sealing, after a key rotation re-seals the
 * payloads, and after the key job seals payloads written in clear before), the case's audit tab
 * still shows the reason, and the application role still cannot UPDATE the log.
 */
describe('audit payloads sealed at rest', () => {
  let db: TestDatabase;
  let v1: AppConfig;
  let v2: AppConfig;
  let api: TestApi;
  let app: DataSource;
  let caseId: string;

  const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');
  /** Every audit row as PostgreSQL prints it (bytea as hex), and every timeline row. */
  async function rawRows(): Promise<string> {
    const rows = await rowsOf<{ row: string }>(db.dataSource, `SELECT t::text AS row FROM audit_log t UNION ALL SELECT e::text FROM case_event e`);
    return rows.map((r) => r.row).join('\n');
  }
  const expectAbsent = (raw: string, text: string) => {
    expect(raw).not.toContain(text);
    expect(raw).not.toContain(hex(text));
  };
  const auditTab = async (token: string): Promise<AuditEntry[]> => {
    const response = await api.request('GET', `/api/cases/${caseId}/audit`, { token });
    expect(response.status).toBe(200);
    return bodyOf(response, auditTrailSchema);
  };
  const payloadVersions = async () =>
    (
      await rowsOf<{ v: number }>(db.dataSource, `SELECT DISTINCT get_byte(payload_sealed, 0) AS v FROM audit_log WHERE payload_sealed IS NOT NULL ORDER BY 1`)
    ).map((r) => r.v);

  beforeAll(async () => {
    db = await createTestDatabase();
    v1 = testConfig(db.url);
    v2 = { ...v1, keys: { ...v1.keys, dataEncryption: [{ version: 2, key: randomBytes(32) }] } };
    api = await startTestApi(db, v1);
    app = new DataSource(dataSourceOptions(db.url));
    await app.initialize();
    const created = await api.request('POST', '/api/intakes', { body: intakeFixture() });
    expect(created.status).toBe(201);
    ({ id: caseId } = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [
      bodyOf(created, intakeResponseSchema).reference,
    ]));
  });

  afterAll(async () => {
    await app?.destroy();
    await api?.close();
    await db?.drop();
  });

  it('keeps the contact-reveal and legal-hold reasons out of the raw audit row, and the audit tab and timeline still show them', async () => {
    const caseworker = await api.tokenFor('caseworker');
    const supervisor = await api.tokenFor('supervisor');
    expect((await api.request('POST', `/api/cases/${caseId}/claim`, { token: caseworker })).status).toBe(200);
    expect((await api.request('POST', `/api/cases/${caseId}/contact-reveal`, { token: caseworker, body: { reason: REVEAL_REASON } })).status).toBe(200);
    expect((await api.request('POST', `/api/cases/${caseId}/legal-hold`, { token: supervisor, body: { reason: HOLD_REASON } })).status).toBe(200);

    const raw = await rawRows();
    expectAbsent(raw, REVEAL_REASON);
    expectAbsent(raw, HOLD_REASON);
    const row = await firstRowOf<{ after: unknown; payload_sealed: Buffer; payload_hash: string }>(
      db.dataSource,
      `SELECT after, payload_sealed, payload_hash FROM audit_log WHERE action = 'case.contact_revealed' AND case_id = $1`,
      [caseId],
    );
    // What is not free text stays readable in SQL; the reason is only in the sealed copy.
    expect(row.after).toEqual({ reason: null });
    expect(row.payload_sealed[0]).toBe(1);
    expect(row.payload_hash).toMatch(/^[0-9a-f]{64}$/);

    const entries = await auditTab(supervisor);
    expect(entries.find((e) => e.action === 'case.contact_revealed')?.after).toEqual({ reason: REVEAL_REASON });
    expect(entries.find((e) => e.action === 'case.legal_hold_placed')?.after).toEqual({ reason: HOLD_REASON });
    const page = bodyOf(await api.request('GET', `/api/cases/${caseId}`, { token: supervisor }), caseDetailSchema);
    expect(page.timeline.find((e) => e.kind === 'contact_revealed')?.summary).toContain(REVEAL_REASON);
  });

  it('the chain seals and verifies with sealed payloads, and a full check opens each one against its hash', async () => {
    const protection = dataProtectionFor(v1);
    expect((await sealAuditChain(app)).sealed).toBeGreaterThan(0);
    expect(await verifyAuditChain(app, { protection })).toMatchObject({ ok: true, breaks: [] });
    const lines: string[] = [];
    expect(await verifyAuditCommand(v1, (line) => lines.push(line))).toBe(0);
    expect(lines.join('\n')).not.toContain(REVEAL_REASON);
  });

  it('the key job seals reasons written in clear by an older version through the owner function, and the chain still verifies', async () => {
    const { id: supervisorId } = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM staff_user WHERE role = 'supervisor' ORDER BY email LIMIT 1`);
    // As an older version wrote them (the owner may insert like the app); sealed into the chain in clear.
    for (const reason of [LEGACY_REASON, LEGACY_TRICKY]) {
      await db.dataSource.query(`INSERT INTO audit_log (actor_id, action, case_id, after) VALUES ($1, 'case.contact_revealed', $2, $3)`, [
        supervisorId,
        caseId,
        JSON.stringify({ reason }),
      ]);
    }
    // The timeline entry of a reveal kept its reason in clear too, before this version.
    await db.dataSource.query(`INSERT INTO case_event (case_id, actor_kind, actor_id, kind, data) VALUES ($1, 'staff', $2, 'contact_revealed', $3)`, [
      caseId,
      supervisorId,
      JSON.stringify({ reason: LEGACY_REASON }),
    ]);
    await sealAuditChain(app);
    const protection = dataProtectionFor(v1);
    expect((await rotationStatus(app.manager, protection)).plain).toEqual(
      expect.arrayContaining([
        { name: 'audit_log.payload', rows: 2 },
        { name: 'case_event.data.reason', rows: 1 },
      ]),
    );

    const run = await resealAll(app, protection, 1);
    expect(run.sealedPlain['audit_log.payload']).toBe(2);
    expect(run.sealedPlain['case_event.data.reason']).toBe(1);
    const raw = await rawRows();
    expectAbsent(raw, LEGACY_REASON);
    expect(raw).not.toContain('Legacy "quoted" reason');
    expect((await rotationStatus(app.manager, protection)).remaining).toBe(0);
    expect(await verifyAuditChain(app, { protection })).toMatchObject({ ok: true, breaks: [] });

    const reasons = (await auditTab(await api.tokenFor('supervisor')))
      .filter((e) => e.action === 'case.contact_revealed')
      .map((e) => revealAfterSchema.parse(e.after).reason);
    expect(reasons).toEqual(expect.arrayContaining([REVEAL_REASON, LEGACY_REASON, LEGACY_TRICKY]));
    const page = bodyOf(await api.request('GET', `/api/cases/${caseId}`, { token: await api.tokenFor('supervisor') }), caseDetailSchema);
    expect(page.timeline.filter((e) => e.kind === 'contact_revealed').map((e) => e.summary)).toEqual(
      expect.arrayContaining([expect.stringContaining(REVEAL_REASON), expect.stringContaining(LEGACY_REASON)]),
    );
  });

  it('rotation re-seals audit payloads under the new key through the owner function, and the chain still verifies', async () => {
    expect(await payloadVersions()).toEqual([1]);
    const rotated = dataProtectionFor(v2);
    const run = await resealAll(app, rotated, 2);
    expect(run.resealed['audit_log.payload_sealed']).toBeGreaterThanOrEqual(4);
    expect(await payloadVersions()).toEqual([2]);
    expect((await rotationStatus(app.manager, rotated)).remaining).toBe(0);
    await sealAuditChain(app);
    expect(await verifyAuditChain(app, { protection: rotated })).toMatchObject({ ok: true, breaks: [] });

    const rotatedApi = await startTestApi(db, v2);
    try {
      const response = await rotatedApi.request('GET', `/api/cases/${caseId}/audit`, { token: await rotatedApi.tokenFor('supervisor') });
      const reasons = bodyOf(response, auditTrailSchema)
        .filter((e) => e.action === 'case.contact_revealed')
        .map((e) => revealAfterSchema.parse(e.after).reason);
      expect(reasons).toEqual(expect.arrayContaining([REVEAL_REASON, LEGACY_REASON, LEGACY_TRICKY]));
    } finally {
      await rotatedApi.close();
    }
  });

  it('the application role still cannot UPDATE the log, and the owner function swaps only a sealed payload of the same hash', async () => {
    await expect(app.query(`UPDATE audit_log SET payload_sealed = NULL`)).rejects.toThrow(/permission denied for table audit_log/);
    await expect(app.query(`UPDATE audit_log SET after = '{}'::jsonb WHERE action = 'case.contact_revealed'`)).rejects.toThrow(
      /permission denied for table audit_log/,
    );
    const row = await firstRowOf<{ id: string; payload_hash: string }>(
      app,
      `SELECT id::text AS id, payload_hash FROM audit_log WHERE action = 'case.contact_revealed' AND payload_sealed IS NOT NULL LIMIT 1`,
    );
    const garbage = randomBytes(64);
    // A different hash is refused (the recorded plaintext cannot be changed through it) ...
    const reseal = async (hash: string) =>
      (await firstRowOf<{ n: number }>(app, `SELECT audit_reseal_payloads($1::bigint[], $2::bytea[], $3::text[]) AS n`, [[row.id], [garbage], [hash]])).n;
    expect(await reseal('0'.repeat(64))).toBe(0);
    // ... and bytes that do not open under the stated hash are caught by the full check.
    expect(await reseal(row.payload_hash)).toBe(1);
    const report = await verifyAuditChain(app, { protection: dataProtectionFor(v2) });
    expect(report.ok).toBe(false);
    expect(report.breaks).toEqual([expect.objectContaining({ auditId: row.id, reason: 'payload_unreadable' })]);
    // Health opens the newest sealed payloads too (this API holds key 1 only: the swapped row is
    // named; the rows re-sealed under key 2 are named as well, which is what a removed key looks like).
    const health = bodyOf(await api.request('GET', '/api/health'), healthResponseSchema);
    expect(health.details.auditChain).toMatchObject({ attention: true, brokenAuditIds: expect.arrayContaining([row.id]) as unknown });
    const lines: string[] = [];
    expect(await verifyAuditCommand(v2, (line) => lines.push(line))).toBe(1);
    expect(lines.join('\n')).toContain(`audit row ${row.id} (payload unreadable)`);
  });

  it('a retention purge forgets the sealed payload too, and the chain counts it as purged', async () => {
    const before = await verifyAuditChain(app);
    const { forgotten } = await firstRowOf<{ forgotten: number }>(app, `SELECT audit_forget_case_payloads($1) AS forgotten`, [caseId]);
    expect(forgotten).toBeGreaterThan(0);
    const left = await firstRowOf<{ n: number }>(
      db.dataSource,
      `SELECT count(*)::int AS n FROM audit_log WHERE case_id = $1 AND (payload_sealed IS NOT NULL OR payload_hash IS NOT NULL OR after IS NOT NULL)`,
      [caseId],
    );
    expect(left.n).toBe(0);
    const after = await verifyAuditChain(app, { protection: dataProtectionFor(v2) });
    expect(after).toMatchObject({ ok: true, breaks: [] });
    expect(after.purged).toBeGreaterThan(before.purged);
  });
});
