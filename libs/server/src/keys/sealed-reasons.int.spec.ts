import { caseDetailSchema, caseLinksSchema, caseRetentionStateSchema, intakeResponseSchema } from '@sg/contracts/schemas';
import { randomBytes } from 'node:crypto';
import { DataProtection } from '../security/data-protection';
import {
  bodyOf,
  createTestDatabase,
  firstRowOf,
  intakeFixture,
  openedAuditRows,
  pdfText,
  rowsOf,
  startTestApi,
  TestApi,
  TestDatabase,
  testConfig,
} from '../testing';
import { resealAll, rotationStatus } from './reseal';

const HOLD_REASON = 'Detective Lim asked us to keep everything, case 2026/0917';
const RELEASE_REASON = 'Detective Lim says the court case is over';
const LEGACY_HOLD_REASON = 'Legacy hold reason written before reasons were sealed';
const LEGACY_RELEASE_REASON = 'Legacy release reason, in the timeline data';
const OVERRIDE_REASON = 'Her brother rang: she said goodbye to friends tonight';
const LEGACY_OVERRIDE_REASON = 'Legacy override reason written before reasons were sealed';
const LEGACY_OVERRIDE_EVENT_REASON = 'Legacy override reason, in the timeline data';
const LINK_REASON = 'Same Snapchat handle and the same wallet';
const LEGACY_LINK_REASON = 'Legacy link reason written before reasons were sealed';
const LEGACY_LINK_EVENT_REASON = 'Legacy link reason, in the timeline data';

/**
 * Staff-typed reasons about a case are sealed at rest like the person's own words: the raw rows
 * (the table and the timeline entry's data) hold no reason typed here, the API still returns it,
 * and reasons stored in clear by an older version are sealed by the key job. The audit log's copy
 * is sealed too (audit/sealed-audit-payloads.int.spec.ts covers it).
 */
describe('staff reasons sealed at rest', () => {
  let db: TestDatabase;
  let api: TestApi;
  let caseId: string;

  async function rawText(tables: string[]): Promise<string> {
    const parts: string[] = [];
    for (const table of tables) {
      const rows = await rowsOf<{ row: string }>(db.dataSource, `SELECT t::text AS row FROM ${table} t`);
      parts.push(...rows.map((r) => r.row));
    }
    return parts.join('\n');
  }
  const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');
  const expectAbsent = (raw: string, text: string) => {
    expect(raw).not.toContain(text);
    expect(raw).not.toContain(hex(text));
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url));
    const created = await api.request('POST', '/api/intakes', { body: intakeFixture() });
    expect(created.status).toBe(201);
    const person = bodyOf(created, intakeResponseSchema);
    ({ id: caseId } = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [person.reference]));
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('seals the legal hold reason in case_legal_hold and in the timeline entries, and the API still returns it', async () => {
    const supervisor = await api.tokenFor('supervisor');
    const placed = await api.request('POST', `/api/cases/${caseId}/legal-hold`, { token: supervisor, body: { reason: HOLD_REASON } });
    expect(placed.status).toBe(200);
    expect(bodyOf(placed, caseRetentionStateSchema).hold?.reason).toBe(HOLD_REASON);
    expectAbsent(await rawText(['case_legal_hold', 'case_event']), HOLD_REASON);
    const hold = await firstRowOf<{ reason: string | null; reason_sealed: Buffer }>(
      db.dataSource,
      `SELECT reason, reason_sealed FROM case_legal_hold WHERE case_id = $1`,
      [caseId],
    );
    expect(hold.reason).toBeNull();
    expect(hold.reason_sealed[0]).toBe(1);

    const state = await api.request('GET', `/api/cases/${caseId}/legal-hold`, { token: supervisor });
    expect(bodyOf(state, caseRetentionStateSchema).hold?.reason).toBe(HOLD_REASON);
    const page = bodyOf(await api.request('GET', `/api/cases/${caseId}`, { token: supervisor }), caseDetailSchema);
    const placedEntry = page.timeline.find((e) => e.kind === 'legal_hold_placed');
    expect(placedEntry?.data).toMatchObject({ reason: HOLD_REASON });
    expect(placedEntry?.summary).toContain(HOLD_REASON);

    const released = await api.request('POST', `/api/cases/${caseId}/legal-hold/release`, { token: supervisor, body: { reason: RELEASE_REASON } });
    expect(released.status).toBe(200);
    expectAbsent(await rawText(['case_legal_hold', 'case_event']), RELEASE_REASON);
    const after = bodyOf(await api.request('GET', `/api/cases/${caseId}`, { token: supervisor }), caseDetailSchema);
    expect(after.timeline.find((e) => e.kind === 'legal_hold_released')?.data).toMatchObject({ reason: RELEASE_REASON });
    // The audit log keeps the reason (append-only; the purge nulls it), sealed at rest like the rest.
    expectAbsent(await rawText(['audit_log']), RELEASE_REASON);
    const [audit] = await openedAuditRows(
      db.dataSource,
      api.app.get(DataProtection, { strict: false }),
      `action = 'case.legal_hold_released' AND case_id = $1`,
      [caseId],
    );
    expect(audit?.after).toMatchObject({ reason: RELEASE_REASON });
  });

  it('seals legal hold reasons stored in clear by an older version, in the key job, and the API still returns them', async () => {
    const { id: supervisorId } = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM staff_user WHERE role = 'supervisor' ORDER BY email LIMIT 1`);
    await db.dataSource.query(`INSERT INTO case_legal_hold (case_id, reason, placed_by) VALUES ($1, $2, $3)`, [caseId, LEGACY_HOLD_REASON, supervisorId]);
    await db.dataSource.query(`INSERT INTO case_event (case_id, actor_kind, actor_id, kind, data) VALUES ($1, 'staff', $2, 'legal_hold_released', $3)`, [
      caseId,
      supervisorId,
      JSON.stringify({ reason: LEGACY_RELEASE_REASON }),
    ]);
    const protection = api.app.get(DataProtection, { strict: false });
    const plain = (await rotationStatus(db.dataSource.manager, protection)).plain.filter((p) => p.rows > 0).map((p) => p.name);
    expect(plain.sort()).toEqual(['case_event.data.reason', 'case_legal_hold.reason']);

    const run = await resealAll(db.dataSource, protection, 1);
    expect(run.sealedPlain).toEqual({ 'case_legal_hold.reason': 1, 'case_event.data.reason': 1 });
    const raw = await rawText(['case_legal_hold', 'case_event']);
    for (const text of [LEGACY_HOLD_REASON, LEGACY_RELEASE_REASON]) expectAbsent(raw, text);
    expect((await rotationStatus(db.dataSource.manager, protection)).remaining).toBe(0);

    const supervisor = await api.tokenFor('supervisor');
    expect(bodyOf(await api.request('GET', `/api/cases/${caseId}/legal-hold`, { token: supervisor }), caseRetentionStateSchema).hold?.reason).toBe(
      LEGACY_HOLD_REASON,
    );
    const page = bodyOf(await api.request('GET', `/api/cases/${caseId}`, { token: supervisor }), caseDetailSchema);
    expect(page.timeline.filter((e) => e.kind === 'legal_hold_released').map((e) => e.data['reason'])).toEqual(
      expect.arrayContaining([RELEASE_REASON, LEGACY_RELEASE_REASON]),
    );
  });
  it('seals the priority override reason in support_case and its timeline entry, and the case page still shows it', async () => {
    const caseworker = await api.tokenFor('caseworker');
    const claimed = await api.request('POST', `/api/cases/${caseId}/claim`, { token: caseworker });
    expect(claimed.status).toBe(200);
    const override = await api.request('PATCH', `/api/cases/${caseId}`, {
      token: caseworker,
      body: { version: bodyOf(claimed, caseDetailSchema).version, priorityOverride: { priority: 'emergency', reason: OVERRIDE_REASON } },
    });
    expect(override.status).toBe(200);
    expect(bodyOf(override, caseDetailSchema).priorityOverride?.reason).toBe(OVERRIDE_REASON);
    expectAbsent(await rawText(['support_case', 'case_event']), OVERRIDE_REASON);
    const row = await firstRowOf<{ priority_override_reason: string | null; priority_override_reason_sealed: Buffer }>(
      db.dataSource,
      `SELECT priority_override_reason, priority_override_reason_sealed FROM support_case WHERE id = $1`,
      [caseId],
    );
    expect(row.priority_override_reason).toBeNull();
    expect(row.priority_override_reason_sealed[0]).toBe(1);
    const page = bodyOf(await api.request('GET', `/api/cases/${caseId}`, { token: caseworker }), caseDetailSchema);
    expect(page.priorityOverride?.reason).toBe(OVERRIDE_REASON);
    const entry = page.timeline.find((e) => e.kind === 'priority_overridden');
    expect(entry?.data).toMatchObject({ reason: OVERRIDE_REASON, to: 'emergency' });
    expect(entry?.summary).toContain(OVERRIDE_REASON);
  });

  it('seals priority override reasons stored in clear by an older version, in the key job', async () => {
    await db.dataSource.query(`UPDATE support_case SET priority_override_reason = $2, priority_override_reason_sealed = NULL WHERE id = $1`, [
      caseId,
      LEGACY_OVERRIDE_REASON,
    ]);
    await db.dataSource.query(`INSERT INTO case_event (case_id, actor_kind, kind, data) VALUES ($1, 'staff', 'priority_overridden', $2)`, [
      caseId,
      JSON.stringify({ from: 'urgent', to: 'high', reason: LEGACY_OVERRIDE_EVENT_REASON }),
    ]);
    const protection = api.app.get(DataProtection, { strict: false });
    const run = await resealAll(db.dataSource, protection);
    expect(run.sealedPlain).toEqual({ 'support_case.priority_override_reason': 1, 'case_event.data.reason': 1 });
    const raw = await rawText(['support_case', 'case_event']);
    for (const text of [LEGACY_OVERRIDE_REASON, LEGACY_OVERRIDE_EVENT_REASON]) expectAbsent(raw, text);
    expect((await rotationStatus(db.dataSource.manager, protection)).remaining).toBe(0);
    const page = bodyOf(await api.request('GET', `/api/cases/${caseId}`, { token: await api.tokenFor('caseworker') }), caseDetailSchema);
    expect(page.priorityOverride?.reason).toBe(LEGACY_OVERRIDE_REASON);
    expect(page.timeline.filter((e) => e.kind === 'priority_overridden').map((e) => e.data['reason'])).toEqual(
      expect.arrayContaining([OVERRIDE_REASON, LEGACY_OVERRIDE_EVENT_REASON]),
    );
  });
  it('seals the link reason in case_link and on both timelines; the links view, the case page and the referral packet still show it', async () => {
    const caseworker = await api.tokenFor('caseworker');
    const other = bodyOf(await api.request('POST', '/api/intakes', { body: intakeFixture() }), intakeResponseSchema);
    const linked = await api.request('POST', `/api/cases/${caseId}/links`, { token: caseworker, body: { reference: other.reference, reason: LINK_REASON } });
    expect(linked.status).toBe(200);
    expect(bodyOf(linked, caseLinksSchema).links.map((l) => l.reason)).toEqual([LINK_REASON]);
    expectAbsent(await rawText(['case_link', 'case_event']), LINK_REASON);
    const row = await firstRowOf<{ reason: string | null; reason_sealed: Buffer }>(db.dataSource, `SELECT reason, reason_sealed FROM case_link`);
    expect(row.reason).toBeNull();
    expect(row.reason_sealed[0]).toBe(1);

    const view = bodyOf(await api.request('GET', `/api/cases/${caseId}/links`, { token: caseworker }), caseLinksSchema);
    expect(view.links.map((l) => l.reason)).toEqual([LINK_REASON]);
    const page = bodyOf(await api.request('GET', `/api/cases/${caseId}`, { token: caseworker }), caseDetailSchema);
    expect(page.timeline.find((e) => e.kind === 'case_linked')?.data).toMatchObject({ reason: LINK_REASON });

    // The packet prints the link's reason, and the hold's and the override's in its timeline.
    const response = await fetch(`${api.baseUrl}/api/cases/${caseId}/referral-packet?recipient=police`, { headers: { authorization: `Bearer ${caseworker}` } });
    expect(response.status).toBe(200);
    const text = (await pdfText(Buffer.from(await response.arrayBuffer()))).text.replace(/\s+/g, ' ');
    for (const reason of [LINK_REASON, HOLD_REASON]) expect(text).toContain(reason);
    // (the override's entry may break across a page: its first words)
    expect(text).toContain(`set the priority to emergency: ${OVERRIDE_REASON.slice(0, 16)}`);
  });

  it('seals link reasons stored in clear by an older version, in the key job', async () => {
    await db.dataSource.query(`UPDATE case_link SET reason = $1, reason_sealed = NULL`, [LEGACY_LINK_REASON]);
    await db.dataSource.query(`INSERT INTO case_event (case_id, actor_kind, kind, data) VALUES ($1, 'staff', 'case_linked', $2)`, [
      caseId,
      JSON.stringify({ linkId: null, reason: LEGACY_LINK_EVENT_REASON }),
    ]);
    const protection = api.app.get(DataProtection, { strict: false });
    const run = await resealAll(db.dataSource, protection);
    expect(run.sealedPlain).toEqual({ 'case_link.reason': 1, 'case_event.data.reason': 1 });
    const raw = await rawText(['case_link', 'case_event']);
    for (const text of [LEGACY_LINK_REASON, LEGACY_LINK_EVENT_REASON]) expectAbsent(raw, text);
    expect((await rotationStatus(db.dataSource.manager, protection)).remaining).toBe(0);
    const caseworker = await api.tokenFor('caseworker');
    expect(bodyOf(await api.request('GET', `/api/cases/${caseId}/links`, { token: caseworker }), caseLinksSchema).links.map((l) => l.reason)).toEqual([
      LEGACY_LINK_REASON,
    ]);
    const page = bodyOf(await api.request('GET', `/api/cases/${caseId}`, { token: caseworker }), caseDetailSchema);
    expect(page.timeline.filter((e) => e.kind === 'case_linked').map((e) => e.data['reason'])).toEqual(
      expect.arrayContaining([LINK_REASON, LEGACY_LINK_EVENT_REASON]),
    );
  });
  it('re-seals every reason under a new data key, and the API with the new key still returns them', async () => {
    const v1 = testConfig(db.url);
    const next = () => ({ version: 2, key: randomBytes(32) });
    const rotated = await startTestApi(db, { ...v1, keys: { dataEncryption: [next()], accessCode: [next()], sessionSigning: [next()] } });
    try {
      const protection = rotated.app.get(DataProtection, { strict: false });
      const run = await resealAll(db.dataSource, protection);
      for (const column of ['case_legal_hold.reason_sealed', 'support_case.priority_override_reason_sealed', 'case_link.reason_sealed'])
        expect(run.resealed[column]).toBe(1);
      const status = await rotationStatus(db.dataSource.manager, protection);
      expect(status.sealed.filter((entry) => entry.version !== 2)).toEqual([]);
      const token = await rotated.tokenFor('supervisor');
      expect(bodyOf(await rotated.request('GET', `/api/cases/${caseId}/legal-hold`, { token }), caseRetentionStateSchema).hold?.reason).toBe(
        LEGACY_HOLD_REASON,
      );
      const page = bodyOf(await rotated.request('GET', `/api/cases/${caseId}`, { token }), caseDetailSchema);
      expect(page.priorityOverride?.reason).toBe(LEGACY_OVERRIDE_REASON);
      expect(page.timeline.filter((e) => e.kind === 'legal_hold_placed').map((e) => e.data['reason'])).toEqual([HOLD_REASON]);
      expect(bodyOf(await rotated.request('GET', `/api/cases/${caseId}/links`, { token }), caseLinksSchema).links.map((l) => l.reason)).toEqual([
        LEGACY_LINK_REASON,
      ]);
    } finally {
      await rotated.close();
    }
  });
});
