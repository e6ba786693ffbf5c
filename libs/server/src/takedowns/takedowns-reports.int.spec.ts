import { caseDetailSchema, followUpListSchema, intakeResponseSchema, reportViewSchema, takedownListSchema, takedownViewSchema } from '@sg/contracts/schemas';
import { bodyOf, createTestDatabase, errorOf, firstRowOf, intakeFixture, rowsOf, startTestApi, TestApi, testConfig, TestDatabase } from '../testing';

/** Takedown requests and reports through the API: their rules on one PostgreSQL (no worker needed). */
describe('takedown requests and reports', () => {
  let db: TestDatabase;
  let api: TestApi;
  let caseworker: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url));
    caseworker = await api.tokenFor('caseworker');
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  async function claimedCase(): Promise<string> {
    const response = await api.request('POST', '/api/intakes', { body: intakeFixture({ ageBand: '18_plus', contentMadeUnder18: false }) });
    const row = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [
      bodyOf(response, intakeResponseSchema).reference,
    ]);
    expect((await api.request('POST', `/api/cases/${row.id}/claim`, { token: caseworker })).status).toBe(200);
    return row.id;
  }
  const addTakedown = (caseId: string, body: Record<string, unknown>) =>
    api.request('POST', `/api/cases/${caseId}/takedowns`, { token: caseworker, body: { channel: 'platform_form', ...body } });
  const patchTakedown = (id: string, body: Record<string, unknown>) => api.request('PATCH', `/api/takedowns/${id}`, { token: caseworker, body });
  async function moveCase(caseId: string, ...statuses: string[]): Promise<void> {
    let detail = bodyOf(await api.request('GET', `/api/cases/${caseId}`, { token: caseworker }), caseDetailSchema);
    for (const status of statuses) {
      const response = await api.request('PATCH', `/api/cases/${caseId}`, { token: caseworker, body: { version: detail.version, status } });
      expect({ status: response.status, to: status }).toEqual({ status: 200, to: status });
      detail = bodyOf(response, caseDetailSchema);
    }
  }

  it('keeps one request per URL per platform (whatever the case or spacing), and explains the 409', async () => {
    const caseId = await claimedCase();
    expect((await addTakedown(caseId, { platform: 'Instagram', url: 'https://instagram.com/p/abc' })).status).toBe(201);
    const again = await addTakedown(caseId, { platform: ' instagram ', url: 'https://instagram.com/p/abc', channel: 'take_it_down' });
    expect(again.status).toBe(409);
    expect(errorOf(again).message).toBe('This case already has a takedown request for that URL on instagram: update that request instead of adding another.');
    // Another platform, or another URL, is another request.
    expect((await addTakedown(caseId, { platform: 'Facebook', url: 'https://instagram.com/p/abc' })).status).toBe(201);
    expect((await addTakedown(caseId, { platform: 'Instagram', url: 'https://instagram.com/p/def' })).status).toBe(201);
  });

  it('targets an account instead of a URL, once per platform, and requires one or the other', async () => {
    const caseId = await claimedCase();
    const created = await addTakedown(caseId, { platform: 'Snapchat', account: '@threatener_01' });
    expect(created.status).toBe(201);
    expect(bodyOf(created, takedownViewSchema)).toMatchObject({ url: null, account: '@threatener_01', status: 'draft' });
    expect((await addTakedown(caseId, { platform: 'Snapchat', account: '@Threatener_01' })).status).toBe(409);
    const neither = await addTakedown(caseId, { platform: 'Snapchat' });
    expect(neither.status).toBe(400);
    expect(errorOf(neither).message).toMatch(/^url or account is required/);
  });

  it('opens a new request for content that reappeared, despite the one-per-URL rule', async () => {
    const caseId = await claimedCase();
    const first = bodyOf(await addTakedown(caseId, { platform: 'X', url: 'https://x.com/a/status/9' }), takedownViewSchema);
    for (const status of ['submitted', 'removed', 'reappeared']) expect((await patchTakedown(first.id, { status })).status).toBe(200);
    const list = bodyOf(await api.request('GET', `/api/cases/${caseId}/takedowns`, { token: caseworker }), takedownListSchema);
    expect(list.map((t) => [t.status, t.previousRequestId])).toEqual([
      ['reappeared', null],
      ['draft', first.id],
    ]);
  });

  it('audits a cleared ticket or reference number as cleared, not as unchanged', async () => {
    const caseId = await claimedCase();
    const takedown = bodyOf(
      await addTakedown(caseId, { platform: 'Snapchat', url: 'https://snapchat.com/add/cleared', ticketNumber: 'SC-1' }),
      takedownViewSchema,
    );
    expect((await patchTakedown(takedown.id, { ticketNumber: null })).body).toMatchObject({ ticketNumber: null });
    const report = bodyOf(
      await api.request('POST', `/api/cases/${caseId}/reports`, {
        token: caseworker,
        body: { agencyKind: 'police', agencyName: 'Local police', referenceNumber: 'PR-1' },
      }),
      reportViewSchema,
    );
    expect((await api.request('PATCH', `/api/reports/${report.id}`, { token: caseworker, body: { referenceNumber: null } })).body).toMatchObject({
      referenceNumber: null,
    });
    const audit = await rowsOf<{ action: string; before: unknown; after: unknown }>(
      db.dataSource,
      `SELECT action, before, after FROM audit_log WHERE case_id = $1 AND action IN ('takedown.updated', 'report.updated') ORDER BY id`,
      [caseId],
    );
    expect(audit).toEqual([
      { action: 'takedown.updated', before: { status: 'draft', ticketNumber: 'SC-1' }, after: { status: 'draft', ticketNumber: null } },
      { action: 'report.updated', before: { status: report.status, referenceNumber: 'PR-1' }, after: { status: report.status, referenceNumber: null } },
    ]);
  });

  it('refuses a report filed in the future, naming filedAt', async () => {
    const caseId = await claimedCase();
    const response = await api.request('POST', `/api/cases/${caseId}/reports`, {
      token: caseworker,
      body: { agencyKind: 'police', agencyName: 'Local police', filedAt: new Date(Date.now() + 3 * 86_400_000).toISOString() },
    });
    expect(response.status).toBe(400);
    expect(errorOf(response).message).toBe('filedAt cannot be in the future');
  });

  it('on a resolved case: keeps re-checks and report follow-ups, lets existing records be updated, refuses new ones', async () => {
    const caseId = await claimedCase();
    const takedown = bodyOf(await addTakedown(caseId, { platform: 'Reddit', url: 'https://reddit.com/r/x/1' }), takedownViewSchema);
    await patchTakedown(takedown.id, { status: 'submitted' });
    const report = bodyOf(
      await api.request('POST', `/api/cases/${caseId}/reports`, {
        token: caseworker,
        body: { agencyKind: 'cybertipline', agencyName: 'NCMEC CyberTipline', filedAt: new Date().toISOString() },
      }),
      reportViewSchema,
    );
    await moveCase(caseId, 'resolved');

    expect((await patchTakedown(takedown.id, { status: 'removed' })).status).toBe(200);
    const pending = bodyOf(await api.request('GET', `/api/cases/${caseId}/follow-ups`, { token: caseworker }), followUpListSchema).filter(
      (f) => f.status === 'scheduled',
    );
    expect([...new Set(pending.map((f) => f.kind))].sort()).toEqual(['closure_offer', 'reappearance_check', 'report_follow_up']);

    const added = await addTakedown(caseId, { platform: 'Reddit', url: 'https://reddit.com/r/x/2' });
    expect(added.status).toBe(409);
    expect(errorOf(added).message).toBe('This case is resolved: reopen it to add a new takedown request. Its existing takedown requests can still be updated.');
    expect((await api.request('PATCH', `/api/reports/${report.id}`, { token: caseworker, body: { referenceNumber: 'CT-1' } })).status).toBe(200);
  });

  it('on a closed case: refuses adding or changing takedowns and reports, and nothing is pending', async () => {
    const caseId = await claimedCase();
    const takedown = bodyOf(await addTakedown(caseId, { platform: 'Discord', url: 'https://discord.com/x' }), takedownViewSchema);
    const report = bodyOf(
      await api.request('POST', `/api/cases/${caseId}/reports`, { token: caseworker, body: { agencyKind: 'police', agencyName: 'Local police' } }),
      reportViewSchema,
    );
    await moveCase(caseId, 'resolved', 'closed');

    const changed = await patchTakedown(takedown.id, { status: 'submitted' });
    expect(changed.status).toBe(409);
    expect(errorOf(changed).message).toBe('This case is closed: reopen it to change its takedown requests.');
    expect((await addTakedown(caseId, { platform: 'Discord', url: 'https://discord.com/y' })).status).toBe(409);
    const filed = await api.request('PATCH', `/api/reports/${report.id}`, { token: caseworker, body: { status: 'filed' } });
    expect(filed.status).toBe(409);
    expect(errorOf(filed).message).toBe('This case is closed: reopen it to change its reports.');
    const pending = bodyOf(await api.request('GET', `/api/cases/${caseId}/follow-ups`, { token: caseworker }), followUpListSchema).filter(
      (f) => f.status === 'scheduled',
    );
    expect(pending).toEqual([]);
  });
});
