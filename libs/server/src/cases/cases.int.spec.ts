import { CaseDetail, CaseListResponse, IntakeRequest } from '@sg/contracts';
import {
  auditTrailSchema,
  caseDetailSchema,
  caseListResponseSchema,
  contactDetailsSchema,
  intakeResponseSchema,
  loginResponseSchema,
  queueCountsSchema,
  queueHealthSchema,
} from '@sg/contracts/schemas';
import {
  bodyOf,
  createTestDatabase,
  errorOf,
  errorPathsOf,
  firstRowOf,
  intakeFixture,
  skippedIntakeFixture,
  startTestApi,
  TestApi,
  TestDatabase,
  TestResponse,
  testConfig,
} from '../testing';
import { itemAt } from '@sg/domain';
import * as z from 'zod';

/**
 * What this spec reads of the staff event stream's messages: a case change (CaseChangeEvent), or only
 * `{ type, caseId, at }` for a case the reader may not open. The contracts have no schema for them.
 */
const liveEventSchema = z.looseObject({ type: z.string(), caseId: z.string(), priority: z.string().optional() });

/** Case work against a real PostgreSQL: authorization, claims, versions, audit, queues, live events. */
describe('case work API', () => {
  let db: TestDatabase;
  let api: TestApi;
  const tokens: Record<'caseworker' | 'caseworker2' | 'supervisor' | 'admin', string> = { caseworker: '', caseworker2: '', supervisor: '', admin: '' };

  async function submit(changes: Partial<IntakeRequest> = {}): Promise<string> {
    const response = await api.request('POST', '/api/intakes', { body: intakeFixture(changes) });
    expect(response.status).toBe(201);
    const row = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [
      bodyOf(response, intakeResponseSchema).reference,
    ]);
    return row.id;
  }
  const auditCount = async (caseId: string, action: string) =>
    (await firstRowOf<{ n: number }>(db.dataSource, `SELECT count(*)::int AS n FROM audit_log WHERE case_id = $1 AND action = $2`, [caseId, action])).n;
  /** A 409's `current`: the case as it is now, as the contract describes a case. */
  const currentOf = (response: TestResponse): CaseDetail => caseDetailSchema.parse(errorOf(response)['current']);
  const staffIdOf = async (email: string) => (await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM staff_user WHERE email = $1`, [email])).id;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url, { intakeRateLimit: { limit: 10_000, windowSeconds: 60 }, queueHealthCacheMs: 0 }));
    tokens.caseworker = await api.tokenFor('caseworker');
    tokens.supervisor = await api.tokenFor('supervisor');
    tokens.admin = await api.tokenFor('admin');
    const login = await api.request('POST', '/api/auth/login', { body: { email: 'caseworker2@demo.test', password: 'integration-test-password' } });
    tokens.caseworker2 = bodyOf(login, loginResponseSchema).accessToken;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  describe('authorization matrix', () => {
    let caseId: string;
    let staffId: string;
    beforeAll(async () => {
      caseId = await submit();
      staffId = await staffIdOf('caseworker@demo.test');
    });

    type Role = 'caseworker' | 'supervisor' | 'admin';
    const everyone: Role[] = ['caseworker', 'supervisor', 'admin'];
    const supervisors: Role[] = ['supervisor', 'admin'];
    const endpoints: Array<{ name: string; method: string; path: () => string; body?: () => unknown; allowed: Role[] }> = [
      { name: 'list a queue', method: 'GET', path: () => '/api/cases?queue=unassigned', allowed: everyone },
      { name: 'list all cases', method: 'GET', path: () => '/api/cases?queue=all', allowed: supervisors },
      { name: 'queue counts', method: 'GET', path: () => '/api/cases/counts', allowed: everyone },
      { name: 'read a case', method: 'GET', path: () => `/api/cases/${caseId}`, allowed: everyone },
      { name: 'case audit trail', method: 'GET', path: () => `/api/cases/${caseId}/audit`, allowed: supervisors },
      { name: 'assign', method: 'POST', path: () => `/api/cases/${caseId}/assign`, body: () => ({ assigneeId: staffId }), allowed: supervisors },
      { name: 'staff directory', method: 'GET', path: () => '/api/staff', allowed: supervisors },
      { name: 'add an account', method: 'POST', path: () => '/api/staff', body: () => ({}), allowed: ['admin'] },
      {
        name: 'change an account',
        method: 'PATCH',
        path: () => '/api/staff/00000000-0000-4000-8000-000000000000',
        body: () => ({ displayName: 'x' }),
        allowed: ['admin'],
      },
      { name: 'queue health', method: 'GET', path: () => '/api/supervision/queue-health', allowed: supervisors },
      { name: 'add a resource', method: 'POST', path: () => '/api/resources', body: () => ({}), allowed: ['admin'] },
      { name: 'edit a resource', method: 'PATCH', path: () => '/api/resources/00000000-0000-4000-8000-000000000000', body: () => ({}), allowed: ['admin'] },
      { name: 'who am I', method: 'GET', path: () => '/api/auth/me', allowed: everyone },
      { name: 'add a note', method: 'POST', path: () => `/api/cases/${caseId}/notes`, body: () => ({ body: 'matrix' }), allowed: everyone },
      {
        name: 'add evidence',
        method: 'POST',
        path: () => `/api/cases/${caseId}/evidence`,
        body: () => ({ kind: 'other', description: 'matrix' }),
        allowed: everyone,
      },
      { name: 'tick a plan step', method: 'PATCH', path: () => `/api/cases/${caseId}/plan-steps/do_not_pay`, body: () => ({ done: true }), allowed: everyone },
      { name: 'update a case', method: 'PATCH', path: () => `/api/cases/${caseId}`, body: () => ({ version: 1, paid: true }), allowed: everyone },
      { name: 'reveal contact', method: 'POST', path: () => `/api/cases/${caseId}/contact-reveal`, body: () => ({ reason: 'matrix test' }), allowed: everyone },
      { name: 'claim', method: 'POST', path: () => `/api/cases/${caseId}/claim`, allowed: everyone },
    ];

    it.each(endpoints.map((e) => [e.name, e] as const))('%s: 401 without a token, 403 for other roles', async (_name, endpoint) => {
      expect((await api.request(endpoint.method, endpoint.path(), { body: endpoint.body?.() })).status).toBe(401);
      for (const role of everyone) {
        const status = (await api.request(endpoint.method, endpoint.path(), { body: endpoint.body?.(), token: tokens[role] })).status;
        if (endpoint.allowed.includes(role)) expect([401, 403, 500]).not.toContain(status);
        else expect(status).toBe(403);
      }
    });

    it('keeps a caseworker out of a case assigned to someone else', async () => {
      const otherCase = await submit();
      expect((await api.request('POST', `/api/cases/${otherCase}/claim`, { token: tokens.caseworker2 })).status).toBe(200);
      expect((await api.request('GET', `/api/cases/${otherCase}`, { token: tokens.caseworker })).status).toBe(403);
      expect((await api.request('POST', `/api/cases/${otherCase}/notes`, { token: tokens.caseworker, body: { body: 'x' } })).status).toBe(403);
      expect((await api.request('POST', `/api/cases/${otherCase}/contact-reveal`, { token: tokens.caseworker, body: { reason: 'curious' } })).status).toBe(403);
      expect((await api.request('GET', `/api/cases/${otherCase}`, { token: tokens.supervisor })).status).toBe(200);
      const mine = bodyOf(await api.request('GET', '/api/cases?queue=mine', { token: tokens.caseworker }), caseListResponseSchema);
      expect(mine.items.map((i) => i.id)).not.toContain(otherCase);
    });

    it('tells a caseworker who lost the claim who holds the case now, and nothing more of it', async () => {
      const otherCase = await submit();
      expect((await api.request('POST', `/api/cases/${otherCase}/claim`, { token: tokens.caseworker2 })).status).toBe(200);
      const holder = await firstRowOf<{ display_name: string }>(db.dataSource, `SELECT display_name FROM staff_user WHERE email = 'caseworker2@demo.test'`);
      const refused = await api.request('GET', `/api/cases/${otherCase}`, { token: tokens.caseworker });
      expect(refused.status).toBe(403);
      expect(errorOf(refused).message).toBe(`${holder.display_name} holds this case. Ask them or a supervisor if you need it.`);
      expect(Object.keys(errorOf(refused)).sort()).toEqual(['error', 'holder', 'message', 'statusCode']);
    });
  });

  it('lets exactly one of two simultaneous claims win', async () => {
    const caseId = await submit();
    const [a, b] = await Promise.all([
      api.request('POST', `/api/cases/${caseId}/claim`, { token: tokens.caseworker }),
      api.request('POST', `/api/cases/${caseId}/claim`, { token: tokens.caseworker2 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(errorOf(loser).message).toMatch(/^Already claimed by (Casey|Charlie) Caseworker$/);
    expect(await auditCount(caseId, 'case.claimed')).toBe(1);
    const row = await firstRowOf<{ status: string; first_responded_at: Date | null }>(
      db.dataSource,
      `SELECT status, first_responded_at FROM support_case WHERE id = $1`,
      [caseId],
    );
    expect(row.status).toBe('in_progress');
    // A claim is not first contact (issue 10): the first message to the person, or a recorded contact, is.
    expect(row.first_responded_at).toBeNull();
  });

  it('refuses a stale update with 409 and the current case', async () => {
    const caseId = await submit();
    const claimed = bodyOf(await api.request('POST', `/api/cases/${caseId}/claim`, { token: tokens.caseworker }), caseDetailSchema);
    const first = await api.request('PATCH', `/api/cases/${caseId}`, { token: tokens.caseworker, body: { version: claimed.version, status: 'waiting' } });
    expect(first.status).toBe(200);
    const readsBefore = await auditCount(caseId, 'case.read');
    const stale = await api.request('PATCH', `/api/cases/${caseId}`, { token: tokens.caseworker, body: { version: claimed.version, paid: true } });
    expect(stale.status).toBe(409);
    // The current case it was shown is a read like any other.
    expect(await auditCount(caseId, 'case.read')).toBe(readsBefore + 1);
    expect(currentOf(stale)).toMatchObject({ id: caseId, status: 'waiting', version: claimed.version + 1 });
    const row = await firstRowOf<{ paid: boolean | null }>(db.dataSource, `SELECT paid FROM support_case WHERE id = $1`, [caseId]);
    expect(row.paid).toBe(false);

    // Re-sending what is already true (a double click) is not an error and changes nothing.
    const current = currentOf(stale);
    const same = await api.request('PATCH', `/api/cases/${caseId}`, { token: tokens.caseworker, body: { version: current.version, status: 'waiting' } });
    expect(same.status).toBe(200);
    expect(bodyOf(same, caseDetailSchema).version).toBe(current.version);
  });

  it('lets only the person working a case, or a supervisor, reveal contact details, and never when contact was declined', async () => {
    const caseId = await submit();
    const reveal = (token: string) => api.request('POST', `/api/cases/${caseId}/contact-reveal`, { token, body: { reason: 'Calling back' } });
    expect((await reveal(tokens.caseworker)).status).toBe(403);
    await api.request('POST', `/api/cases/${caseId}/claim`, { token: tokens.caseworker });
    expect((await reveal(tokens.caseworker)).status).toBe(200);
    expect((await reveal(tokens.caseworker2)).status).toBe(403);
    expect((await reveal(tokens.supervisor)).status).toBe(200);

    const declined = await submit({ consent: { storeData: true, contactMe: false } });
    await api.request('POST', `/api/cases/${declined}/claim`, { token: tokens.caseworker });
    const refused = await api.request('POST', `/api/cases/${declined}/contact-reveal`, { token: tokens.caseworker, body: { reason: 'Calling back' } });
    expect(refused.status).toBe(400);
    expect(errorOf(refused).message).toMatch(/asked not to be contacted/);
  });

  it('takes only http(s) links as evidence', async () => {
    const caseId = await submit();
    await api.request('POST', `/api/cases/${caseId}/claim`, { token: tokens.caseworker });
    const response = await api.request('POST', `/api/cases/${caseId}/evidence`, {
      token: tokens.caseworker,
      body: { kind: 'offender_account', description: 'x', profileUrl: 'javascript:alert(1)' },
    });
    expect(response.status).toBe(400);
    expect(errorPathsOf(response)[0]).toBe('profileUrl');
  });

  it('follows the lifecycle and explains a refused move', async () => {
    const caseId = await submit();
    const fresh = bodyOf(await api.request('GET', `/api/cases/${caseId}`, { token: tokens.supervisor }), caseDetailSchema);
    const refused = await api.request('PATCH', `/api/cases/${caseId}`, { token: tokens.supervisor, body: { version: fresh.version, status: 'resolved' } });
    expect(refused.status).toBe(409);
    expect(errorOf(refused).message).toMatch(/Claim or assign the case first/);
    let detail = bodyOf(await api.request('POST', `/api/cases/${caseId}/claim`, { token: tokens.caseworker }), caseDetailSchema);
    for (const status of ['waiting', 'resolved', 'closed', 'in_progress'] as const) {
      const response = await api.request('PATCH', `/api/cases/${caseId}`, { token: tokens.caseworker, body: { version: detail.version, status } });
      expect(response.status).toBe(200);
      detail = bodyOf(response, caseDetailSchema);
      expect(detail.status).toBe(status);
    }
    expect(detail.timeline.filter((e) => e.kind === 'status_changed').map((e) => e.summary)[0]).toBe(
      'Casey Caseworker changed the status from Closed to In progress',
    );
  });

  it('writes an audit row for every read and change, and the audit log cannot be altered', async () => {
    const caseId = await submit();
    await api.request('GET', `/api/cases/${caseId}`, { token: tokens.caseworker });
    await api.request('GET', `/api/cases/${caseId}`, { token: tokens.supervisor });
    const claimed = bodyOf(await api.request('POST', `/api/cases/${caseId}/claim`, { token: tokens.caseworker }), caseDetailSchema);
    await api.request('PATCH', `/api/cases/${caseId}/plan-steps/stop_replying`, { token: tokens.caseworker, body: { done: true } });
    await api.request('POST', `/api/cases/${caseId}/notes`, { token: tokens.caseworker, body: { body: 'Called back, safe for now.' } });
    await api.request('POST', `/api/cases/${caseId}/evidence`, {
      token: tokens.caseworker,
      body: {
        kind: 'offender_account',
        platform: 'Instagram',
        offenderHandle: '@threat',
        description: 'Profile that sent the threats',
        sha256: 'a'.repeat(64),
        fileName: 'threat.png',
      },
    });
    const override = await api.request('PATCH', `/api/cases/${caseId}`, {
      token: tokens.caseworker,
      body: { version: claimed.version + 1, priorityOverride: { priority: 'emergency', reason: 'Said on the phone they have a plan' } },
    });
    expect(override.status).toBe(200);
    expect(bodyOf(override, caseDetailSchema)).toMatchObject({
      priority: 'emergency',
      triagePriority: 'urgent',
      priorityOverride: { priority: 'emergency', by: { displayName: 'Casey Caseworker' } },
    });
    const reveal = await api.request('POST', `/api/cases/${caseId}/contact-reveal`, { token: tokens.caseworker, body: { reason: 'Calling back' } });
    expect(bodyOf(reveal, contactDetailsSchema)).toMatchObject({ channel: 'email', value: 'teen.person@example.com', safeTimes: 'after 4pm' });

    const trail = await api.request('GET', `/api/cases/${caseId}/audit`, { token: tokens.supervisor });
    const entries = bodyOf(trail, auditTrailSchema);
    const actions = entries.map((entry) => entry.action).reverse();
    expect(await auditCount(caseId, 'case.audit_read')).toBe(1);
    expect(actions).toEqual([
      'case.read',
      'case.read',
      'case.claimed',
      'case.plan_step',
      'case.note_added',
      'case.evidence_added',
      'case.updated',
      'case.contact_revealed',
    ]);
    const updated = entries.find((entry) => entry.action === 'case.updated');
    expect(updated?.before).toMatchObject({ priority: 'urgent', priorityOverride: null });
    expect(updated?.after).toMatchObject({ priority: 'emergency' });
    // The reveal's reason is kept; the contact details never enter the audit log.
    expect(JSON.stringify(trail.body)).not.toContain('teen.person@example.com');
    await expect(db.dataSource.query(`UPDATE audit_log SET action = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(db.dataSource.query(`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
  });

  it('re-triages when staff record a new fact', async () => {
    const caseId = await submit({ ageBand: '18_plus', contentMadeUnder18: false, stillInContact: false, demands: [] });
    const claimed = bodyOf(await api.request('POST', `/api/cases/${caseId}/claim`, { token: tokens.caseworker }), caseDetailSchema);
    expect(claimed.priority).toBe('standard');
    const response = await api.request('PATCH', `/api/cases/${caseId}`, { token: tokens.caseworker, body: { version: claimed.version, contentPosted: 'yes' } });
    const retriaged = bodyOf(response, caseDetailSchema);
    expect(retriaged).toMatchObject({ priority: 'high', triageFactors: [{ key: 'content_posted' }] });
    expect(retriaged.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['facts_updated', 'case_retriaged']));
  });

  it('lets anyone raise an unclaimed case by its facts, but only its holder or a supervisor lower it', async () => {
    const caseId = await submit({ selfHarm: 'plan_or_intent' });
    let detail = bodyOf(await api.request('GET', `/api/cases/${caseId}`, { token: tokens.caseworker }), caseDetailSchema);
    expect(detail.priority).toBe('emergency');
    const lowered = await api.request('PATCH', `/api/cases/${caseId}`, { token: tokens.caseworker, body: { version: detail.version, selfHarm: 'none' } });
    expect({ status: lowered.status, message: errorOf(lowered).message }).toEqual({
      status: 403,
      message: 'Claim the case before changing facts that lower its priority',
    });
    detail = bodyOf(await api.request('GET', `/api/cases/${caseId}`, { token: tokens.caseworker }), caseDetailSchema);
    expect(detail).toMatchObject({ priority: 'emergency', facts: { selfHarm: 'plan_or_intent' } });
    // Raising stays open to anyone who sees the queue; a supervisor may lower it.
    const raised = await api.request('PATCH', `/api/cases/${caseId}`, { token: tokens.caseworker, body: { version: detail.version, immediateDanger: true } });
    expect(raised.status).toBe(200);
    const bySupervisor = await api.request('PATCH', `/api/cases/${caseId}`, {
      token: tokens.supervisor,
      body: { version: bodyOf(raised, caseDetailSchema).version, selfHarm: 'none', immediateDanger: false },
    });
    expect(bySupervisor.status).toBe(200);
    expect(bodyOf(bySupervisor, caseDetailSchema).priority).not.toBe('emergency');
  });

  it('audits a plan-step tick that changes nothing as a read of the case', async () => {
    const caseId = await submit();
    await api.request('POST', `/api/cases/${caseId}/claim`, { token: tokens.caseworker });
    const tick = () => api.request('PATCH', `/api/cases/${caseId}/plan-steps/stop_replying`, { token: tokens.caseworker, body: { done: true } });
    expect((await tick()).status).toBe(200);
    const reads = await auditCount(caseId, 'case.read');
    expect((await tick()).status).toBe(200);
    expect(await auditCount(caseId, 'case.plan_step')).toBe(1);
    expect(await auditCount(caseId, 'case.read')).toBe(reads + 1);
  });

  it('lets staff correct the age, self-harm and danger they learn on the phone: re-triage and a plan that keeps its ticks', async () => {
    const caseId = await submit({ ageBand: '18_plus', contentMadeUnder18: false, stillInContact: false, demands: [], selfHarm: 'none' });
    let detail = bodyOf(await api.request('POST', `/api/cases/${caseId}/claim`, { token: tokens.caseworker }), caseDetailSchema);
    expect(detail.priority).toBe('standard');
    expect(detail.actionPlan.map((s) => s.key)).toContain('stopncii');
    detail = bodyOf(
      await api.request('PATCH', `/api/cases/${caseId}/plan-steps/stopncii`, { token: tokens.caseworker, body: { done: true } }),
      caseDetailSchema,
    );
    detail = bodyOf(
      await api.request('PATCH', `/api/cases/${caseId}/plan-steps/do_not_pay`, { token: tokens.caseworker, body: { done: true } }),
      caseDetailSchema,
    );

    const response = await api.request('PATCH', `/api/cases/${caseId}`, {
      token: tokens.caseworker,
      body: { version: detail.version, ageBand: '13_17', contentMadeUnder18: true, selfHarm: 'plan_or_intent', immediateDanger: true },
    });
    expect(response.status).toBe(200);
    detail = bodyOf(response, caseDetailSchema);
    expect(detail.facts).toMatchObject({ ageBand: '13_17', contentMadeUnder18: true, selfHarm: 'plan_or_intent', immediateDanger: true });
    expect(detail.priority).toBe('emergency');
    expect(detail.triageFactors.map((f) => f.key)).toEqual(
      expect.arrayContaining(['self_harm_plan', 'immediate_danger', 'under_18_now', 'content_made_under_18']),
    );
    const keys = detail.actionPlan.map((s) => s.key);
    expect(keys[0]).toBe('get_safe_now');
    expect(keys).toEqual(expect.arrayContaining(['report_child_protection', 'take_it_down', 'legal_options']));
    // Ticked before the correction: kept, still ticked, though StopNCII is for adults.
    expect(detail.actionPlan.find((s) => s.key === 'stopncii')?.done).toBe(true);
    expect(detail.actionPlan.find((s) => s.key === 'do_not_pay')?.done).toBe(true);
    const timeline = detail.timeline.map((e) => e.kind);
    expect(timeline).toEqual(expect.arrayContaining(['facts_updated', 'plan_updated', 'case_retriaged']));
    const planEntry = detail.timeline.find((e) => e.kind === 'plan_updated');
    expect(planEntry?.summary).toMatch(/added "Get safe right now"/);
    expect(planEntry?.summary).toMatch(/kept "Use StopNCII.org to stop the pictures spreading" \(already done/);
    expect(detail.timeline.find((e) => e.kind === 'facts_updated')?.summary).toBe(
      'Casey Caseworker updated age, whether content was made under 18, self-harm, immediate danger',
    );

    const trail = bodyOf(await api.request('GET', `/api/cases/${caseId}/audit`, { token: tokens.supervisor }), auditTrailSchema);
    const update = trail.find((entry) => entry.action === 'case.updated');
    expect(update?.before).toMatchObject({ facts: { ageBand: '18_plus', selfHarm: 'none', immediateDanger: false } });
    expect(update?.after).toMatchObject({ facts: { ageBand: '13_17', selfHarm: 'plan_or_intent', immediateDanger: true } });

    // The same values again change nothing (no new version, no new timeline entries).
    const again = await api.request('PATCH', `/api/cases/${caseId}`, { token: tokens.caseworker, body: { version: detail.version, ageBand: '13_17' } });
    expect(bodyOf(again, caseDetailSchema).version).toBe(detail.version);
    const bad = await api.request('PATCH', `/api/cases/${caseId}`, { token: tokens.caseworker, body: { version: detail.version, selfHarm: 'maybe' } });
    expect(bad.status).toBe(400);
  });

  it('pages the queue by keyset, stable while new cases arrive', async () => {
    const beforeResponse = await api.request('GET', '/api/cases?queue=unassigned&limit=200', { token: tokens.supervisor });
    if (beforeResponse.status !== 200) throw new Error(JSON.stringify(beforeResponse.body));
    // No browser keeps an answer (no-store), so none carries an ETag: hashing every body was work for nothing.
    expect(beforeResponse.headers.get('cache-control')).toBe('no-store');
    expect(beforeResponse.headers.get('etag')).toBeNull();
    const before = bodyOf(beforeResponse, caseListResponseSchema);
    for (let i = 0; i < 12; i += 1) await submit({ ageBand: '18_plus', contentMadeUnder18: false, stillInContact: false, demands: [], paid: i % 2 === 0 });
    const all = bodyOf(await api.request('GET', '/api/cases?queue=unassigned&limit=200', { token: tokens.supervisor }), caseListResponseSchema).items.map(
      (i) => i.id,
    );
    expect(all.length).toBe(before.items.length + 12);

    const first = bodyOf(await api.request('GET', '/api/cases?queue=unassigned&limit=5', { token: tokens.supervisor }), caseListResponseSchema);
    expect(first.nextCursor).toEqual(expect.any(String));
    // New arrivals, including an emergency that sorts to the very top.
    await submit({ immediateDanger: true });
    await submit({ ageBand: '18_plus', contentMadeUnder18: false, stillInContact: false, demands: [] });
    const seen = [...first.items.map((i) => i.id)];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = bodyOf(
        await api.request('GET', `/api/cases?queue=unassigned&limit=5&cursor=${cursor}`, { token: tokens.supervisor }),
        caseListResponseSchema,
      );
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length); // nothing twice
    for (const id of all) expect(seen).toContain(id); // nothing skipped
    const forged = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');
    for (const cursor of ['garbage', forged([0, '2020', '-'.repeat(36)]), forged([1.5, new Date().toISOString(), '00000000-0000-4000-8000-000000000000'])]) {
      expect((await api.request('GET', `/api/cases?queue=unassigned&cursor=${cursor}`, { token: tokens.supervisor })).status).toBe(400);
    }
  });

  it('orders queues by priority then due time, filters, searches, and never lists contact details', async () => {
    const emergency = await submit({ selfHarm: 'plan_or_intent', platforms: [{ platform: 'Snapchat', offenderHandle: '@unique.handle.42' }] });
    const page = bodyOf(await api.request('GET', '/api/cases?queue=unassigned&limit=200', { token: tokens.caseworker }), caseListResponseSchema);
    const ranks = page.items.map((i) => ['emergency', 'urgent', 'high', 'standard'].indexOf(i.priority));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(JSON.stringify(page)).not.toContain('teen.person@example.com');
    const found = bodyOf(await api.request('GET', '/api/cases?queue=unassigned&q=unique.handle.42', { token: tokens.caseworker }), caseListResponseSchema);
    expect(found.items.map((i) => i.id)).toEqual([emergency]);
    const byRef = bodyOf(
      await api.request('GET', `/api/cases?queue=unassigned&q=${itemAt(found.items, 0, 'found case').reference.toLowerCase()}`, { token: tokens.caseworker }),
      caseListResponseSchema,
    );
    expect(byRef.items.map((i) => i.id)).toEqual([emergency]);
    const byPrefix = bodyOf(
      await api.request('GET', `/api/cases?queue=unassigned&q=${itemAt(found.items, 0, 'found case').reference.slice(0, 7)}`, { token: tokens.caseworker }),
      caseListResponseSchema,
    );
    expect(byPrefix.items.map((i) => i.id)).toContain(emergency);
    expect(bodyOf(await api.request('GET', '/api/cases?queue=unassigned&q=SG-%25', { token: tokens.caseworker }), caseListResponseSchema).items).toEqual([]);
    const fresh = bodyOf(await api.request('GET', '/api/cases?queue=unassigned&age=under_1h&limit=200', { token: tokens.caseworker }), caseListResponseSchema);
    expect(fresh.items.map((i) => i.id)).toContain(emergency);
    expect(bodyOf(await api.request('GET', '/api/cases?queue=unassigned&age=over_7d', { token: tokens.caseworker }), caseListResponseSchema).items).toEqual([]);
    const filtered = bodyOf(await api.request('GET', '/api/cases?queue=unassigned&priority=emergency', { token: tokens.caseworker }), caseListResponseSchema);
    expect(filtered.items.every((i) => i.priority === 'emergency')).toBe(true);
    const bad = await api.request('GET', '/api/cases?queue=everything&limit=0', { token: tokens.caseworker });
    expect(errorPathsOf(bad)).toEqual(['queue', 'limit']);
  });

  it('pages exactly when due times differ only in microseconds', async () => {
    // Seven cases due within one millisecond: a cursor that kept only milliseconds would show
    // them again on the next page.
    const ids: string[] = [];
    for (let i = 0; i < 7; i += 1) ids.push(await submit({ country: 'NZ', ageBand: '18_plus', contentMadeUnder18: false, stillInContact: false, demands: [] }));
    await db.dataSource.query(
      `UPDATE support_case SET first_response_due_at = '2031-03-04T05:06:07.123Z'::timestamptz + (array_position($1::uuid[], id) * interval '1 microsecond')
        WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 10; pages += 1) {
      const page: CaseListResponse = bodyOf(
        await api.request('GET', `/api/cases?queue=unassigned&country=NZ&limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: tokens.supervisor }),
        caseListResponseSchema,
      );
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(ids);
  });

  it("gives a queue row the case page's times, to the millisecond, in UTC", async () => {
    // The queue formats its times in SQL (isoTimestamp), the case page through a Date: the same text.
    const id = await submit({ country: 'IS' });
    await db.dataSource.query(
      `UPDATE support_case SET created_at = '2030-01-02T03:04:05.678987+05:30', first_response_due_at = '2030-01-02T00:00:00.000999Z',
              first_responded_at = '2030-01-01T23:59:59.999999Z', deadline_at = '2031-12-31T23:59:59.5Z' WHERE id = $1`,
      [id],
    );
    const [row] = bodyOf(await api.request('GET', '/api/cases?queue=all&country=IS', { token: tokens.supervisor }), caseListResponseSchema).items;
    const detail = bodyOf(await api.request('GET', `/api/cases/${id}`, { token: tokens.supervisor }), caseDetailSchema);
    expect(row).toMatchObject({
      id,
      createdAt: '2030-01-01T21:34:05.678Z',
      firstResponseDueAt: '2030-01-02T00:00:00.000Z',
      firstRespondedAt: '2030-01-01T23:59:59.999Z',
      deadlineAt: '2031-12-31T23:59:59.500Z',
    });
    expect([row?.createdAt, row?.firstResponseDueAt, row?.firstRespondedAt, row?.deadlineAt]).toEqual([
      detail.createdAt,
      detail.firstResponseDueAt,
      detail.firstRespondedAt,
      detail.facts.deadlineAt,
    ]);
  });

  it('puts a case in Overdue when a follow-up is past due, and counts those follow-ups for supervisors', async () => {
    const health = async () =>
      bodyOf(await api.request('GET', '/api/supervision/queue-health', { token: tokens.supervisor }), queueHealthSchema).overdueFollowUps;
    const countsOf = async (token: string) => bodyOf(await api.request('GET', '/api/cases/counts', { token }), queueCountsSchema).overdue;
    const overdueIds = async (token: string, extra = '') =>
      bodyOf(await api.request('GET', `/api/cases?queue=overdue&limit=200${extra}`, { token }), caseListResponseSchema).items.map((i) => i.id);
    const followUp = (caseId: string, status: string, dueAt: string) =>
      db.dataSource.query(
        `INSERT INTO follow_up (case_id, kind, subject_type, subject_id, dedupe_key, audience, due_at, status, fired_at, done_at)
         VALUES ($1::uuid, 'case_review', 'case', $1::uuid, $1::text || ':' || $2::text || ':' || $3::text, 'assignee', now() + $3::interval, $2::text,
                 CASE WHEN $2::text IN ('fired', 'done') THEN now() END, CASE WHEN $2::text = 'done' THEN now() END)`,
        [caseId, status, dueAt],
      );
    const claimed = async () => {
      const caseId = await submit({ ageBand: '18_plus', contentMadeUnder18: false, stillInContact: false, demands: [] });
      expect((await api.request('POST', `/api/cases/${caseId}/claim`, { token: tokens.caseworker })).status).toBe(200);
      return caseId;
    };
    const followUpsBefore = await health();
    const countBefore = await countsOf(tokens.caseworker);
    const fired = await claimed();
    const late = await claimed();
    const done = await claimed();
    const later = await claimed();
    const closed = await claimed();
    // Responded to at once: none of them is late for its first response.
    expect(await overdueIds(tokens.caseworker)).not.toEqual(expect.arrayContaining([fired]));

    await followUp(fired, 'fired', '-1 hour');
    await followUp(late, 'scheduled', '-5 minutes'); // the worker was down when it was due
    await followUp(done, 'done', '-1 hour');
    await followUp(later, 'scheduled', '+1 day');
    await followUp(closed, 'fired', '-1 hour');
    await db.dataSource.query(`UPDATE support_case SET status = 'closed' WHERE id = $1`, [closed]);

    for (const token of [tokens.caseworker, tokens.supervisor]) {
      const ids = await overdueIds(token);
      expect(ids).toEqual(expect.arrayContaining([fired, late]));
      for (const id of [done, later, closed]) expect(ids).not.toContain(id);
    }
    // Charlie does not hold them: not in Charlie's Overdue.
    expect(await overdueIds(tokens.caseworker2)).not.toContain(fired);
    expect(await countsOf(tokens.caseworker)).toBe(countBefore + 2);
    expect(await health()).toBe(followUpsBefore + 2);
    // The supervisor's number links to exactly these cases.
    const followUpCases = await overdueIds(tokens.supervisor, '&overdue=follow_up');
    expect(followUpCases).toEqual(expect.arrayContaining([fired, late]));
    expect(followUpCases).not.toContain(done);
    expect(await overdueIds(tokens.supervisor, '&overdue=first_response')).not.toContain(fired);
  });

  it('searches every case the person may see, whatever queue is on screen', async () => {
    const handle = `@search.${Date.now()}`;
    const withHandle = () => submit({ platforms: [{ platform: 'Snapchat', offenderHandle: handle }] });
    const unassigned = await withHandle();
    const mineWaiting = await withHandle();
    const charlies = await withHandle();
    const closed = await withHandle();
    const mine = bodyOf(await api.request('POST', `/api/cases/${mineWaiting}/claim`, { token: tokens.caseworker }), caseDetailSchema);
    await api.request('PATCH', `/api/cases/${mineWaiting}`, { token: tokens.caseworker, body: { version: mine.version, status: 'waiting' } });
    await api.request('POST', `/api/cases/${charlies}/claim`, { token: tokens.caseworker2 });
    await api.request('POST', `/api/cases/${closed}/claim`, { token: tokens.caseworker2 });
    await db.dataSource.query(`UPDATE support_case SET status = 'closed' WHERE id = $1`, [closed]);

    const search = async (token: string) => {
      const response = await api.request('GET', `/api/cases?queue=search&q=${encodeURIComponent(handle)}`, { token });
      expect(response.status).toBe(200);
      return bodyOf(response, caseListResponseSchema)
        .items.map((i) => i.id)
        .sort();
    };
    expect(await search(tokens.caseworker)).toEqual([unassigned, mineWaiting].sort());
    expect(await search(tokens.supervisor)).toEqual([unassigned, mineWaiting, charlies, closed].sort());
    // The unassigned queue alone would have missed the waiting case.
    const queueOnly = bodyOf(
      await api.request('GET', `/api/cases?queue=unassigned&q=${encodeURIComponent(handle)}`, { token: tokens.caseworker }),
      caseListResponseSchema,
    );
    expect(queueOnly.items.map((i) => i.id)).toEqual([unassigned]);
    const noQuery = await api.request('GET', '/api/cases?queue=search', { token: tokens.caseworker });
    expect(noQuery.status).toBe(400);
    expect(errorPathsOf(noQuery)).toEqual(['q']);
  });

  it('refuses an assignment made on a stale view with 409 and the current case', async () => {
    const caseId = await submit();
    const casey = { id: await staffIdOf('caseworker@demo.test') };
    const charlie = { id: await staffIdOf('caseworker2@demo.test') };
    // Two supervisors see the case unassigned; the first gives it to Casey.
    const first = await api.request('POST', `/api/cases/${caseId}/assign`, {
      token: tokens.supervisor,
      body: { assigneeId: casey.id, expectedAssigneeId: null },
    });
    expect(first.status).toBe(200);
    const second = await api.request('POST', `/api/cases/${caseId}/assign`, {
      token: tokens.admin,
      body: { assigneeId: charlie.id, expectedAssigneeId: null },
    });
    expect(second.status).toBe(409);
    expect(errorOf(second).message).toMatch(/now with Casey Caseworker/);
    expect(currentOf(second)).toMatchObject({ id: caseId, assignee: { id: casey.id } });
    const row = await firstRowOf<{ assignee_id: string | null }>(db.dataSource, `SELECT assignee_id FROM support_case WHERE id = $1`, [caseId]);
    expect(row.assignee_id).toBe(casey.id);
    expect(await auditCount(caseId, 'case.assigned')).toBe(1);
    // Agreeing with what happened is not a conflict; knowing who holds it lets the move go through.
    expect(
      (await api.request('POST', `/api/cases/${caseId}/assign`, { token: tokens.admin, body: { assigneeId: casey.id, expectedAssigneeId: null } })).status,
    ).toBe(200);
    expect(
      (await api.request('POST', `/api/cases/${caseId}/assign`, { token: tokens.admin, body: { assigneeId: charlie.id, expectedAssigneeId: casey.id } }))
        .status,
    ).toBe(200);
  });

  it('recounts queue health as soon as a case changes, even with a long shared cache', async () => {
    const cached = await startTestApi(db, testConfig(db.url, { queueHealthCacheMs: 60_000 }));
    try {
      const supervisor = await cached.tokenFor('supervisor');
      const casey = { id: await staffIdOf('caseworker@demo.test') };
      const pastTarget = async () =>
        bodyOf(await cached.request('GET', '/api/supervision/queue-health', { token: supervisor }), queueHealthSchema).unassignedPastTarget.cases.map(
          (c) => c.id,
        );
      const late = async () => {
        const id = await submit({ immediateDanger: true });
        await db.dataSource.query(`UPDATE support_case SET first_response_due_at = now() - interval '10 hours' WHERE id = $1`, [id]);
        return id;
      };
      const here = await late();
      const elsewhere = await late();
      expect(await pastTarget()).toEqual(expect.arrayContaining([here, elsewhere]));
      const gone = async (id: string) => {
        const started = Date.now();
        while ((await pastTarget()).includes(id)) {
          if (Date.now() - started > 1000) throw new Error(`${id} still listed as unassigned after 1 s`);
          await new Promise((r) => setTimeout(r, 25));
        }
      };
      // Assigned through this API process ...
      expect((await cached.request('POST', `/api/cases/${here}/assign`, { token: supervisor, body: { assigneeId: casey.id } })).status).toBe(200);
      await gone(here);
      // ... and through another one (its change reaches this one through PostgreSQL).
      expect((await api.request('POST', `/api/cases/${elsewhere}/assign`, { token: tokens.supervisor, body: { assigneeId: casey.id } })).status).toBe(200);
      await gone(elsewhere);
    } finally {
      await cached.close();
    }
  });

  it('gives supervisors queue health from the database', async () => {
    await db.dataSource.query(`UPDATE support_case SET first_response_due_at = now() - interval '1 minute' WHERE id = $1`, [await submit()]);
    const health = bodyOf(await api.request('GET', '/api/supervision/queue-health', { token: tokens.supervisor }), queueHealthSchema);
    const open = await firstRowOf<{ n: number }>(
      db.dataSource,
      `SELECT count(*)::int AS n FROM support_case WHERE status IN ('new', 'in_progress', 'waiting')`,
    );
    expect(health.openByPriorityAndAge.reduce((sum, cell) => sum + cell.count, 0)).toBe(open.n);
    expect(health.openByPriorityAndAge).toHaveLength(16);
    expect(health.unassignedPastTarget.count).toBeGreaterThanOrEqual(1);
    const casey = health.caseworkerLoad.find((row) => row.staff.displayName === 'Casey Caseworker');
    const mine = await firstRowOf<{ n: number }>(
      db.dataSource,
      `SELECT count(*)::int AS n FROM support_case c JOIN staff_user u ON u.id = c.assignee_id WHERE u.email = 'caseworker@demo.test' AND c.status IN ('new', 'in_progress', 'waiting')`,
    );
    expect(casey?.open).toBe(mine.n);
  });

  it('lists unassigned cases past target most pressing first, then the latest first within a priority', async () => {
    const standardVeryLate = await submit({ ageBand: '18_plus', contentMadeUnder18: false, stillInContact: false });
    const emergencyLate = await submit({ selfHarm: 'plan_or_intent' });
    const emergencyLater = await submit({ immediateDanger: true });
    const late = (id: string, minutes: number) =>
      db.dataSource.query(`UPDATE support_case SET first_response_due_at = now() - make_interval(mins => $2) WHERE id = $1`, [id, minutes]);
    await late(standardVeryLate, 600);
    await late(emergencyLate, 5);
    await late(emergencyLater, 30);
    const health = bodyOf(await api.request('GET', '/api/supervision/queue-health', { token: tokens.supervisor }), queueHealthSchema);
    const ours = health.unassignedPastTarget.cases.map((c) => c.id).filter((id) => [standardVeryLate, emergencyLate, emergencyLater].includes(id));
    expect(ours).toEqual([emergencyLater, emergencyLate, standardVeryLate]);
    const ranks = health.unassignedPastTarget.cases.map((c) => ['emergency', 'urgent', 'high', 'standard'].indexOf(c.priority));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('headlines self-harm on a queue row, not age, when a teenager reports thoughts of self-harm', async () => {
    const teen = await submit({ selfHarm: 'thoughts', platforms: [{ platform: 'Discord', offenderHandle: '@headline.check.77' }] });
    const found = bodyOf(await api.request('GET', '/api/cases?queue=unassigned&q=headline.check.77', { token: tokens.caseworker }), caseListResponseSchema);
    expect(found.items.map((i) => i.id)).toEqual([teen]);
    expect(found.items[0]?.priority).toBe('urgent');
    expect(found.items[0]?.triageFactors[0]).toMatchObject({ key: 'self_harm_thoughts', label: 'staff.factors.self_harm_thoughts' });
  });

  it('streams case changes live to signed-in staff', async () => {
    const controller = new AbortController();
    const response = await fetch(`${api.baseUrl}/api/events`, { headers: { authorization: `Bearer ${tokens.caseworker}` }, signal: controller.signal });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    if (!response.body) throw new Error('no event stream');
    const reader = response.body.getReader();
    const received: Array<z.output<typeof liveEventSchema>> = [];
    const pump = (async () => {
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
        if (done) return;
        buffer += new TextDecoder().decode(value);
        for (const match of buffer.matchAll(/^data: (\{.*\})$/gm)) received.push(liveEventSchema.parse(JSON.parse(match[1] ?? '')));
        buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
      }
    })();
    const waitFor = async (predicate: (e: z.output<typeof liveEventSchema>) => boolean) => {
      const started = Date.now();
      while (!received.some(predicate)) {
        if (Date.now() - started > 2000) throw new Error(`no matching event; got ${JSON.stringify(received)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return Date.now() - started;
    };
    const caseId = await submit({ immediateDanger: true });
    await waitFor((e) => e.type === 'case.created' && e.caseId === caseId && e.priority === 'emergency');
    await api.request('POST', `/api/cases/${caseId}/claim`, { token: tokens.caseworker2 });
    const claimLatency = await waitFor((e) => e.type === 'case.claimed' && e.caseId === caseId);
    expect(claimLatency).toBeLessThan(1000);
    expect(JSON.stringify(received)).not.toContain('teen.person');
    controller.abort();
    await pump;
    expect((await fetch(`${api.baseUrl}/api/events`)).status).toBe(401);
  });

  it('keeps a browser session in an httpOnly cookie, refreshes with the CSRF header, and ends it on sign-out', async () => {
    const login = await fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.test', password: 'integration-test-password' }),
    });
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^sg_session=[^;]+;.*HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/api\/auth/);
    const session = cookie.split(';')[0] ?? '';
    const refresh = (sessionCookie: string, csrf = true) =>
      fetch(`${api.baseUrl}/api/auth/refresh`, {
        method: 'POST',
        headers: { cookie: sessionCookie, ...(csrf ? { 'x-requested-with': 'safeguard-triage' } : {}) },
      });

    expect((await refresh(session, false)).status).toBe(403);
    const refreshed = await refresh(session);
    if (refreshed.status !== 200) throw new Error(await refreshed.text());
    expect(loginResponseSchema.parse(await refreshed.json()).user.role).toBe('admin');
    // Rotated: the old refresh token no longer works.
    expect((await refresh(session)).status).toBe(401);
    const rotated = (refreshed.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    await fetch(`${api.baseUrl}/api/auth/logout`, { method: 'POST', headers: { cookie: rotated } });
    expect((await refresh(rotated)).status).toBe(401);
  });

  it('accepts a staff intake that skipped everything, from the dashboard', async () => {
    const response = await api.request('POST', '/api/intakes', {
      token: tokens.caseworker,
      body: { ...skippedIntakeFixture(), submittedBy: 'staff', channel: 'chat' },
    });
    expect(response.status).toBe(201);
    // Staff get the new case's id to open it; the public never do.
    const created = bodyOf(response, intakeResponseSchema);
    expect(bodyOf(await api.request('GET', `/api/cases/${created.caseId}`, { token: tokens.caseworker }), caseDetailSchema).reference).toBe(created.reference);
    expect(bodyOf(await api.request('POST', '/api/intakes', { body: skippedIntakeFixture() }), intakeResponseSchema).caseId).toBeUndefined();
  });
});
