import { getQueueToken } from '@nestjs/bullmq';
import { IntakeResponse, PurgeCasesJob, QUEUES, RETENTION_JOBS, TrendsResponse } from '@sg/contracts';
import { caseDeletionStatusSchema, caseRetentionStateSchema, intakeResponseSchema, retentionSettingsSchema, trendsResponseSchema } from '@sg/contracts/schemas';
import { found } from '@sg/domain';
import { bodyOf, createTestDatabase, firstRowOf, intakeFixture, openedAuditRows, rowsOf, startTestApi, TestApi, TestDatabase, testConfig } from '../testing';
import { sealAuditChain, verifyAuditChain } from '../audit/seal-audit-chain';
import { purgeExpiredCases } from './case-purge';
import { DataProtection } from '../security/data-protection';
import { RetentionProcessor } from './retention.processor';
import { Job, Queue } from 'bullmq';

const DAY = 24 * 60 * 60_000;

/**
 * Retention with legal hold against a real PostgreSQL, through the real API: the purge removes
 * exactly what has expired (never a case on hold or still open), Trends still counts what was
 * purged, the person's deletion request runs its course, and every purge is audited by count.
 */
describe('retention with legal hold', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin = '';
  let supervisor = '';
  let caseworker = '';
  let staffId = '';

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url));
    [admin, supervisor, caseworker] = await Promise.all([api.tokenFor('admin'), api.tokenFor('supervisor'), api.tokenFor('caseworker')]);
    ({ id: staffId } = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM staff_user ORDER BY created_at LIMIT 1`));
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  async function intake(): Promise<IntakeResponse & { id: string }> {
    const response = await api.request('POST', '/api/intakes', { body: intakeFixture() });
    expect(response.status).toBe(201);
    const body = bodyOf(response, intakeResponseSchema);
    const row = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [body.reference]);
    return { ...body, id: row.id };
  }

  /** A case with everything a purge must take: a message, a note, evidence, a submitted takedown and a filed report. */
  async function fillCase(caseId: string): Promise<void> {
    await db.dataSource.query(
      `INSERT INTO case_message (case_id, author_kind, client_message_id, body_sealed) VALUES ($1, 'person', gen_random_uuid(), '\\x00')`,
      [caseId],
    );
    await db.dataSource.query(`INSERT INTO case_note (case_id, author_id, body) VALUES ($1, $2, 'private note')`, [caseId, staffId]);
    await db.dataSource.query(`INSERT INTO case_evidence (case_id, kind, description, added_by) VALUES ($1, 'threat_message', 'a threat', $2)`, [
      caseId,
      staffId,
    ]);
    await db.dataSource.query(
      `INSERT INTO takedown_request (case_id, platform, url, channel, status, submitted_at, removed_at, created_at)
       VALUES ($1, 'Instagram', 'https://example.org/p/' || gen_random_uuid(), 'platform_form', 'removed', now() - interval '3 days', now() - interval '2 days', now() - interval '3 days')`,
      [caseId],
    );
    await db.dataSource.query(
      `INSERT INTO case_report (case_id, agency_kind, agency_name, status, filed_at, acknowledged_at, created_at)
       VALUES ($1, 'police', 'Agency', 'acknowledged', now() - interval '3 days', now() - interval '1 day', now() - interval '3 days')`,
      [caseId],
    );
  }

  /** Sets the status and moves every trace of activity `daysAgo` into the past (created_at stays, so Trends' window keeps the case). */
  async function age(caseId: string, status: string, daysAgo: number): Promise<void> {
    await db.dataSource.query(`UPDATE support_case SET status = $2, updated_at = now() - make_interval(days => $3) WHERE id = $1`, [caseId, status, daysAgo]);
    await db.dataSource.query(`UPDATE case_event SET at = now() - make_interval(days => $2) WHERE case_id = $1`, [caseId, daysAgo]);
    await db.dataSource.query(`UPDATE case_message SET sent_at = now() - make_interval(days => $2) WHERE case_id = $1`, [caseId, daysAgo]);
  }

  const exists = async (caseId: string) => (await rowsOf<unknown>(db.dataSource, `SELECT 1 FROM support_case WHERE id = $1`, [caseId])).length === 1;
  const purgeAudits = () =>
    rowsOf<{ actor_id: string | null; case_id: string | null; after: Record<string, unknown> }>(
      db.dataSource,
      `SELECT actor_id, case_id, after FROM audit_log WHERE action = 'retention.purged' ORDER BY id`,
    );
  // Trends are shared per window for a while (TrendsService): each read asks for a window of its own.
  let trendsWindow = 29;
  type TrendFigures = Pick<TrendsResponse, 'takedowns' | 'reports'> & {
    intakes: Omit<TrendsResponse['intakes'], 'perDay'>;
    firstResponse: TrendsResponse['firstResponse']['byPriority'];
  };
  /** The figures that do not depend on the window's length (all the cases here are from today). */
  const trends = async (): Promise<TrendFigures> => {
    trendsWindow += 1;
    const response = await api.request('GET', `/api/trends?days=${trendsWindow}`, { token: supervisor });
    expect(response.status).toBe(200);
    const body = bodyOf(response, trendsResponseSchema);
    return {
      intakes: { total: body.intakes.total, byPriority: body.intakes.byPriority },
      firstResponse: body.firstResponse.byPriority,
      takedowns: body.takedowns,
      reports: body.reports,
    };
  };
  const access = (c: IntakeResponse) => ({ reference: c.reference, accessCode: c.accessCode });

  describe('the retention setting', () => {
    it('starts unset (nothing purged by age), is set by an admin only, validated, and audited', async () => {
      const initial = await api.request('GET', '/api/organisation/retention', { token: admin });
      expect(initial.status).toBe(200);
      expect(bodyOf(initial, retentionSettingsSchema)).toEqual({ closedCaseDays: null, deletionCoolingOffDays: 7, updatedAt: null });
      // Unset: a case closed long ago is kept (nothing is purged by age until an admin chooses).
      const old = await intake();
      await age(old.id, 'closed', 4000);
      expect(await purgeExpiredCases(db.dataSource, api.app.get(DataProtection))).toMatchObject({ retentionDays: null, cases: 0 });
      expect(await exists(old.id)).toBe(true);
      await db.dataSource.query(`DELETE FROM support_case WHERE id = $1`, [old.id]);

      expect((await api.request('PUT', '/api/organisation/retention', { token: caseworker, body: { closedCaseDays: 365 } })).status).toBe(403);
      expect((await api.request('PUT', '/api/organisation/retention', { token: supervisor, body: { closedCaseDays: 365 } })).status).toBe(403);
      const tooShort = await api.request('PUT', '/api/organisation/retention', { token: admin, body: { closedCaseDays: 5 } });
      expect(tooShort.status).toBe(400);
      expect(JSON.stringify(tooShort.body)).toContain('closedCaseDays');

      const saved = await api.request('PUT', '/api/organisation/retention', { token: admin, body: { closedCaseDays: 365 } });
      expect(saved.status).toBe(200);
      expect(bodyOf(saved, retentionSettingsSchema).closedCaseDays).toBe(365);
      expect(bodyOf(saved, retentionSettingsSchema).updatedAt).not.toBeNull();
      const [audit] = await rowsOf<{ before: unknown; after: unknown }>(
        db.dataSource,
        `SELECT before, after FROM audit_log WHERE action = 'organisation.retention_changed'`,
      );
      expect(audit).toEqual({ before: { closedCaseDays: null }, after: { closedCaseDays: 365 } });
    });
  });

  describe('the purge', () => {
    let trendsBeforePurge: TrendFigures;
    let cases: Record<'expired' | 'held' | 'open' | 'recent' | 'talkedRecently', IntakeResponse & { id: string }>;

    beforeAll(async () => {
      await api.request('PUT', '/api/organisation/retention', { token: admin, body: { closedCaseDays: 365 } });
      const filledCase = async () => {
        const created = await intake();
        await fillCase(created.id);
        return created;
      };
      // One after another, in this order (an object literal's values are evaluated in order).
      cases = {
        expired: await filledCase(),
        held: await filledCase(),
        open: await filledCase(),
        recent: await filledCase(),
        talkedRecently: await filledCase(),
      };
      await age(cases.expired.id, 'closed', 400);
      await age(cases.open.id, 'in_progress', 400);
      await age(cases.recent.id, 'closed', 100);
      await age(cases.talkedRecently.id, 'resolved', 400);
      await db.dataSource.query(`UPDATE case_message SET sent_at = now() - interval '10 days' WHERE case_id = $1`, [cases.talkedRecently.id]);
      const hold = await api.request('POST', `/api/cases/${cases.held.id}/legal-hold`, {
        token: supervisor,
        body: { reason: 'Police asked us to keep it (ref 2026/114)' },
      });
      expect(hold.status).toBe(200);
      await age(cases.held.id, 'closed', 400);
      // What staff changed on the expired case, with a payload, sealed into the chain before the purge.
      await db.dataSource.query(
        `INSERT INTO audit_log (actor_id, action, case_id, before, after) VALUES ($1, 'case.updated', $2, '{"narrative": "old words"}', '{"narrative": "they said they would post it"}')`,
        [staffId, cases.expired.id],
      );
      await sealAuditChain(db.dataSource);
    });

    it('removes exactly the expired case with its messages, evidence and notes; nothing on hold, open, or recently active', async () => {
      trendsBeforePurge = await trends();
      expect(trendsBeforePurge.intakes.total).toBe(5);

      const result = await purgeExpiredCases(db.dataSource, api.app.get(DataProtection));

      expect(result).toMatchObject({
        retentionDays: 365,
        cases: 1,
        byRetention: 1,
        byRequest: 0,
        messages: 1,
        evidence: 1,
        notes: 1,
        takedowns: 1,
        reports: 1,
      });
      expect(await exists(cases.expired.id)).toBe(false);
      for (const key of ['held', 'open', 'recent', 'talkedRecently'] as const)
        expect({ key, exists: await exists(cases[key].id) }).toEqual({ key, exists: true });
      for (const table of ['case_message', 'case_note', 'case_evidence', 'takedown_request', 'case_report', 'case_event']) {
        const { count } = await firstRowOf<{ count: number }>(db.dataSource, `SELECT count(*)::int AS count FROM ${table} WHERE case_id = $1`, [
          cases.expired.id,
        ]);
        expect({ table, count }).toEqual({ table, count: 0 });
      }
    });

    it('keeps the audit rows about the purged case without their payloads, and the chain still verifies', async () => {
      const rows = await rowsOf<{ action: string; before: unknown; after: unknown }>(
        db.dataSource,
        `SELECT action, before, after FROM audit_log WHERE case_id = $1 ORDER BY id`,
        [cases.expired.id],
      );
      expect(rows.map((row) => row.action)).toContain('case.updated');
      expect(rows.filter((row) => row.before !== null || row.after !== null)).toEqual([]);
      expect(
        (
          await firstRowOf<{ n: number }>(db.dataSource, `SELECT count(*)::int AS n FROM audit_log WHERE case_id = $1 AND payload_sealed IS NOT NULL`, [
            cases.expired.id,
          ])
        ).n,
      ).toBe(0);
      // A case that was not purged keeps its payloads (the hold's reason, sealed at rest: opened here).
      const [held] = await openedAuditRows(db.dataSource, api.app.get(DataProtection), `case_id = $1 AND action = 'case.legal_hold_placed'`, [cases.held.id]);
      expect(JSON.stringify(held?.after)).toContain('2026/114');
      await sealAuditChain(db.dataSource);
      const chain = await verifyAuditChain(db.dataSource);
      expect(chain).toMatchObject({ ok: true, breaks: [] });
      expect(chain.purged).toBeGreaterThanOrEqual(1);
      // And the application role still cannot change the log itself.
      await expect(db.dataSource.query(`UPDATE audit_log SET after = NULL WHERE case_id = $1`, [cases.held.id])).rejects.toThrow(
        /permission denied|append-only/,
      );
    });

    it('keeps Trends counting the purged case, its takedown and its report', async () => {
      const after = await trends();
      expect(after).toEqual(trendsBeforePurge);
      expect(after.intakes.total).toBe(5);
      expect(after.takedowns.total.requests).toBe(5);
      expect(after.takedowns.total.removed).toBe(5);
      expect(after.reports.byAgencyKind.find((row) => row.agencyKind === 'police')?.filed).toBe(5);
      const kept = await firstRowOf<{ count: number }>(db.dataSource, `SELECT count(*)::int AS count FROM purged_case`);
      expect(kept.count).toBe(1);
    });

    it('keeps no identifier or free text in the aggregates, and audits the purge by count only', async () => {
      const columns = await rowsOf<{ name: string }>(
        db.dataSource,
        `SELECT table_name || '.' || column_name AS name FROM information_schema.columns WHERE table_name IN ('purged_case', 'purged_takedown', 'purged_report') ORDER BY 1`,
      );
      expect(columns.map((c) => c.name)).toEqual([
        'purged_case.created_at',
        'purged_case.first_responded_at',
        'purged_case.first_response_due_at',
        'purged_case.id',
        'purged_case.priority_rank',
        'purged_case.purge_reason',
        'purged_case.purged_at',
        'purged_report.acknowledged_at',
        'purged_report.agency_kind',
        'purged_report.closed_at',
        'purged_report.filed_at',
        'purged_report.id',
        'purged_report.status',
        'purged_takedown.id',
        'purged_takedown.platform',
        'purged_takedown.rejected_at',
        'purged_takedown.removed_at',
        'purged_takedown.submitted_at',
      ]);
      const audits = await purgeAudits();
      expect(audits).toHaveLength(1);
      expect(audits[0]).toEqual({
        actor_id: null,
        case_id: null,
        after: { cases: 1, byRetention: 1, byRequest: 0, messages: 1, evidence: 1, notes: 1, takedowns: 1, reports: 1, retentionDays: 365 },
      });
      expect(JSON.stringify(audits[0])).not.toContain(cases.expired.reference);
    });

    it('is safe to run twice: the second run (the real job handler) finds nothing and writes no audit row', async () => {
      const processor = new RetentionProcessor(db.dataSource, api.app.get(DataProtection));
      // A real Job on the app's retention queue (made in memory, never added: nothing reaches Redis).
      const queue = api.app.get<string, Queue<PurgeCasesJob>>(getQueueToken(QUEUES.retention));
      const again = await processor.process(new Job<PurgeCasesJob>(queue, RETENTION_JOBS.purgeCases, { requestedAt: new Date().toISOString() }));
      expect(again.cases).toBe(0);
      expect(await purgeAudits()).toHaveLength(1);
    });

    it('shows the hold on the timeline and audits it; releasing it lets the next purge take the case', async () => {
      // The reason is sealed into the entry (case_event.sealed), never left in its data; the case page opens it.
      const events = await rowsOf<{ kind: string; data: unknown; sealed: boolean }>(
        db.dataSource,
        `SELECT kind, data, sealed IS NOT NULL AS sealed FROM case_event WHERE case_id = $1 AND kind LIKE 'legal_hold%'`,
        [cases.held.id],
      );
      expect(events).toEqual([{ kind: 'legal_hold_placed', data: { reason: null }, sealed: true }]);
      const detail = await api.request('GET', `/api/cases/${cases.held.id}`, { token: supervisor });
      expect(JSON.stringify(detail.body)).toContain('put the case on legal hold: Police asked us to keep it');
      const state = await api.request('GET', `/api/cases/${cases.held.id}/legal-hold`, { token: supervisor });
      expect(bodyOf(state, caseRetentionStateSchema).hold?.reason).toBe('Police asked us to keep it (ref 2026/114)');

      const release = await api.request('POST', `/api/cases/${cases.held.id}/legal-hold/release`, {
        token: supervisor,
        body: { reason: 'Investigation closed' },
      });
      expect(release.status).toBe(200);
      expect(bodyOf(release, caseRetentionStateSchema).hold).toBeNull();
      // The reasons are sealed at rest in the audit log (audit/audit-free-text.ts); opened as staff read them.
      const audit = await openedAuditRows(db.dataSource, api.app.get(DataProtection), `case_id = $1 AND action LIKE 'case.legal_hold%'`, [cases.held.id]);
      expect(audit).toEqual([
        { action: 'case.legal_hold_placed', before: null, after: { reason: 'Police asked us to keep it (ref 2026/114)' } },
        { action: 'case.legal_hold_released', before: { reason: 'Police asked us to keep it (ref 2026/114)' }, after: { reason: 'Investigation closed' } },
      ]);
      // Releasing was activity: the case is kept for the retention period from now.
      expect((await purgeExpiredCases(db.dataSource, api.app.get(DataProtection))).cases).toBe(0);
      await age(cases.held.id, 'closed', 400);
      expect((await purgeExpiredCases(db.dataSource, api.app.get(DataProtection))).cases).toBe(1);
      expect(await exists(cases.held.id)).toBe(false);
    });

    it('lets only supervisors and admins place a hold, and only with a reason', async () => {
      const c = cases.recent.id;
      expect((await api.request('POST', `/api/cases/${c}/legal-hold`, { token: caseworker, body: { reason: 'I want to keep it' } })).status).toBe(403);
      expect((await api.request('POST', `/api/cases/${c}/legal-hold`, { token: supervisor, body: {} })).status).toBe(400);
      expect((await api.request('POST', `/api/cases/${c}/legal-hold`, { token: supervisor, body: { reason: '  ' } })).status).toBe(400);
      expect((await api.request('POST', `/api/cases/${c}/legal-hold/release`, { token: supervisor, body: {} })).status).toBe(409);
      expect(
        (await api.request('POST', `/api/cases/00000000-0000-4000-8000-000000000000/legal-hold`, { token: supervisor, body: { reason: 'Court order' } }))
          .status,
      ).toBe(404);
    });
  });

  describe("the person's deletion request", () => {
    const status = async (c: IntakeResponse) =>
      bodyOf(await api.request('POST', '/api/case-access/deletion/status', { body: access(c) }), caseDeletionStatusSchema);

    it('is requested with reference and code, cancelled during the cooling-off, and carried out after it', async () => {
      const c = await intake();
      const wrong = await api.request('POST', '/api/case-access/deletion', { body: { ...access(c), accessCode: 'AAAA-BBBB-CCCC-DDDD' } });
      expect(wrong.status).toBe(404);
      expect(await status(c)).toEqual({ state: 'none', executeAfter: null, coolingOffDays: 7 });

      const requested = await api.request('POST', '/api/case-access/deletion', { body: access(c) });
      expect(requested.status).toBe(200);
      const pending = bodyOf(requested, caseDeletionStatusSchema);
      expect(pending.state).toBe('pending');
      const inDays = (Date.parse(found(pending.executeAfter, "the pending deletion's executeAfter")) - Date.now()) / DAY;
      expect(inDays).toBeGreaterThan(6.9);
      expect(inDays).toBeLessThanOrEqual(7);
      // Not yet: the cooling-off is running.
      expect((await purgeExpiredCases(db.dataSource, api.app.get(DataProtection))).byRequest).toBe(0);
      expect(await exists(c.id)).toBe(true);

      const cancelled = await api.request('POST', '/api/case-access/deletion/cancel', { body: access(c) });
      expect(bodyOf(cancelled, caseDeletionStatusSchema)).toEqual({ state: 'none', executeAfter: null, coolingOffDays: 7 });
      const kinds = await rowsOf<{ kind: string; actor_kind: string }>(
        db.dataSource,
        `SELECT kind, actor_kind FROM case_event WHERE case_id = $1 AND kind LIKE 'deletion%' ORDER BY id`,
        [c.id],
      );
      expect(kinds).toEqual([
        { kind: 'deletion_requested', actor_kind: 'person' },
        { kind: 'deletion_cancelled', actor_kind: 'person' },
      ]);

      expect((await api.request('POST', '/api/case-access/deletion', { body: access(c) })).status).toBe(200);
      await db.dataSource.query(`UPDATE case_deletion_request SET execute_after = now() - interval '1 minute' WHERE case_id = $1`, [c.id]);
      const audits = (await purgeAudits()).length;
      const result = await purgeExpiredCases(db.dataSource, api.app.get(DataProtection));
      expect(result).toMatchObject({ cases: 1, byRequest: 1, byRetention: 0 });
      expect(await exists(c.id)).toBe(false);
      expect(await purgeAudits()).toHaveLength(audits + 1);
      // The reference and code now open nothing.
      expect((await api.request('POST', '/api/case-access', { body: access(c) })).status).toBe(404);
    });

    it('is refused while the case is on legal hold, and a hold placed during the cooling-off stops it', async () => {
      const held = await intake();
      await api.request('POST', `/api/cases/${held.id}/legal-hold`, { token: supervisor, body: { reason: 'Court order' } });
      const refused = await api.request('POST', '/api/case-access/deletion', { body: access(held) });
      expect(refused.status).toBe(409);
      expect(JSON.stringify(refused.body)).not.toContain('Court order');
      expect(await status(held)).toEqual({ state: 'on_hold', executeAfter: null, coolingOffDays: 7 });
      expect((await rowsOf<unknown>(db.dataSource, `SELECT 1 FROM case_deletion_request WHERE case_id = $1`, [held.id])).length).toBe(0);

      const later = await intake();
      expect((await api.request('POST', '/api/case-access/deletion', { body: access(later) })).status).toBe(200);
      await api.request('POST', `/api/cases/${later.id}/legal-hold`, { token: supervisor, body: { reason: 'Court order' } });
      await db.dataSource.query(`UPDATE case_deletion_request SET execute_after = now() - interval '1 day' WHERE case_id = $1`, [later.id]);
      expect((await purgeExpiredCases(db.dataSource, api.app.get(DataProtection))).cases).toBe(0);
      expect(await exists(later.id)).toBe(true);
      const state = await api.request('GET', `/api/cases/${later.id}/legal-hold`, { token: supervisor });
      expect(bodyOf(state, caseRetentionStateSchema).deletion).not.toBeNull();
    });
  });
});
