import { CaseDetail, CaseListResponse, EvidenceEntry } from '@sg/contracts';
import { caseDetailSchema, caseListResponseSchema, evidenceEntrySchema, intakeResponseSchema, loginResponseSchema } from '@sg/contracts/schemas';
import {
  bodyOf,
  createTestDatabase,
  errorPathsOf,
  firstRowOf,
  intakeFixture,
  rowsOf,
  startTestApi,
  TestApi,
  TestDatabase,
  testConfig,
  TEST_PASSWORD,
  statementsDuring,
} from '../testing';
import { DataSource } from 'typeorm';
import { DataProtection } from '../security/data-protection';
import { purgeExpiredCases } from '../retention/case-purge';
import { itemAt } from '@sg/domain';

const WALLET = '0x52908400098527886E0F7030069857D2E4169EE7';
const REMOVED_WALLET = '0x1111222233334444555566667777888899990000';

/**
 * Evidence's typed identifiers: they follow the evidence as staff edit and remove it (the index
 * in step, in the same transaction), every change audited and on the timeline, only by staff who
 * may work the case; the queue row's "seen in N other cases" badge; and what a purge leaves.
 */
describe('evidence identifiers', () => {
  let db: TestDatabase;
  let api: TestApi;
  let caseworker: string;
  let caseworker2: string;
  let supervisor: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url));
    caseworker = await api.tokenFor('caseworker');
    supervisor = await api.tokenFor('supervisor');
    caseworker2 = bodyOf(
      await api.request('POST', '/api/auth/login', { body: { email: 'caseworker2@demo.test', password: TEST_PASSWORD } }),
      loginResponseSchema,
    ).accessToken;
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  const submit = async (handle: string): Promise<{ id: string; reference: string }> => {
    const response = await api.request('POST', '/api/intakes', { body: intakeFixture({ platforms: [{ platform: 'Instagram', offenderHandle: handle }] }) });
    expect(response.status).toBe(201);
    const { reference } = bodyOf(response, intakeResponseSchema);
    const row = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [reference]);
    return { id: row.id, reference };
  };
  const stored = async (caseId: string): Promise<string[]> =>
    (
      await rowsOf<{ v: string }>(
        db.dataSource,
        `SELECT kind || ':' || value || ':' || source || ':' || entered AS v FROM case_identifier WHERE case_id = $1 ORDER BY 1`,
        [caseId],
      )
    ).map((r) => r.v);
  const detail = async (caseId: string, token = supervisor): Promise<CaseDetail> => {
    const response = await api.request('GET', `/api/cases/${caseId}`, { token });
    expect(response.status).toBe(200);
    return bodyOf(response, caseDetailSchema);
  };
  /** The first audit row of `action` on the case. */
  const firstAudit = async (caseId: string, action: string) =>
    firstRowOf<{ before: unknown; after: { changed?: string[] } | null }>(
      db.dataSource,
      `SELECT before, after FROM audit_log WHERE case_id = $1 AND action = $2 ORDER BY at`,
      [caseId, action],
    );
  const addEvidence = async (caseId: string, body: object, token = caseworker): Promise<EvidenceEntry> => {
    const response = await api.request('POST', `/api/cases/${caseId}/evidence`, { token, body });
    expect(response.status).toBe(201);
    return bodyOf(response, evidenceEntrySchema);
  };

  it('evidence lists its typed identifiers, a gift card only masked', async () => {
    const { id } = await submit('typed.one');
    await api.request('POST', `/api/cases/${id}/claim`, { token: caseworker });
    const added = await addEvidence(id, {
      kind: 'payment',
      description: 'Paid',
      identifiers: [
        { kind: 'crypto_wallet', value: WALLET },
        { kind: 'gift_card', value: 'GIFT-1111-2222' },
      ],
    });
    expect(added.identifiers.map(({ kind, value, secret }) => ({ kind, value, secret }))).toEqual([
      { kind: 'crypto_wallet', value: WALLET.toLowerCase(), secret: false },
      { kind: 'gift_card', value: '••••', secret: true },
    ]);
    const page = await detail(id);
    expect(page.evidence[0]?.identifiers).toEqual(added.identifiers);
    expect(JSON.stringify(page)).not.toContain('GIFT11112222');
  });

  it('an edit replaces the typed identifiers and the index follows, a kept gift card staying sealed; audited and on the timeline', async () => {
    const { id } = await submit('edit.one');
    await api.request('POST', `/api/cases/${id}/claim`, { token: caseworker });
    const added = await addEvidence(id, {
      kind: 'payment',
      description: 'Paid',
      paymentReference: '$OldTag',
      identifiers: [
        { kind: 'handle', value: '@old.handle' },
        { kind: 'gift_card', value: 'KEEP-3333-4444' },
      ],
    });
    const gift = added.identifiers.find((i) => i.kind === 'gift_card');
    const sealedBefore = await firstRowOf<{ value: string; value_sealed: Buffer }>(
      db.dataSource,
      `SELECT value, value_sealed FROM case_identifier WHERE id = $1`,
      [gift?.id],
    );

    const edited = await api.request('PUT', `/api/cases/${id}/evidence/${added.id}`, {
      token: caseworker,
      body: {
        kind: 'payment',
        description: 'Paid twice',
        paymentReference: '$NewTag',
        identifiers: [{ keep: gift?.id }, { kind: 'email', value: 'Payee@Example.com' }],
      },
    });
    expect(edited.status).toBe(200);
    const entry = bodyOf(edited, evidenceEntrySchema);
    expect(entry).toMatchObject({ id: added.id, description: 'Paid twice', paymentReference: '$NewTag' });
    expect(entry.identifiers.map((i) => `${i.kind}:${i.value}`)).toEqual(['email:payee@example.com', 'gift_card:••••']);
    expect(await stored(id)).toEqual([
      'email:payee@example.com:evidence:true',
      `gift_card:${sealedBefore.value}:evidence:true`,
      'handle:edit.one:platform:false',
      'payment_account:$newtag:evidence:false',
    ]);
    const sealedAfter = await firstRowOf<{ value_sealed: Buffer }>(
      db.dataSource,
      `SELECT value_sealed FROM case_identifier WHERE kind = 'gift_card' AND case_id = $1`,
      [id],
    );
    expect(Buffer.from(sealedAfter.value_sealed).equals(Buffer.from(sealedBefore.value_sealed))).toBe(true);

    const audit = await firstAudit(id, 'case.evidence_updated');
    expect(audit.after).toEqual({ evidenceId: added.id, kind: 'payment', changed: ['description', 'paymentReference', 'identifiers'] });
    // The audit log outlives the case: it names what changed, never the values.
    expect(JSON.stringify(audit)).not.toMatch(/newtag|payee|old\.handle/i);
    const page = await detail(id);
    expect(page.timeline.find((e) => e.kind === 'evidence_updated')).toMatchObject({ data: { evidenceId: added.id, kind: 'payment' } });
  });

  it('an edit that sends the identifiers back as they were changes only what differs', async () => {
    const { id } = await submit('edit.same');
    await api.request('POST', `/api/cases/${id}/claim`, { token: caseworker });
    const added = await addEvidence(id, {
      kind: 'other',
      description: 'Before',
      identifiers: [
        { kind: 'handle', value: '@Same.Handle' },
        { kind: 'gift_card', value: 'SAME-7777' },
      ],
    });
    const gift = added.identifiers.find((i) => i.secret);
    const edited = await api.request('PUT', `/api/cases/${id}/evidence/${added.id}`, {
      token: caseworker,
      body: { kind: 'other', description: 'After', identifiers: [{ kind: 'handle', value: 'same.handle' }, { keep: gift?.id }] },
    });
    expect(edited.status).toBe(200);
    const audit = await firstAudit(id, 'case.evidence_updated');
    expect(audit.after?.changed).toEqual(['description']);
    expect(bodyOf(edited, evidenceEntrySchema).identifiers.map((i) => `${i.kind}:${i.value}`)).toEqual(['gift_card:••••', 'handle:same.handle']);
  });

  it('an edit naming an identifier of another evidence entry, or a malformed one, is refused and changes nothing', async () => {
    const { id } = await submit('edit.two');
    await api.request('POST', `/api/cases/${id}/claim`, { token: caseworker });
    const first = await addEvidence(id, { kind: 'payment', description: 'One', identifiers: [{ kind: 'gift_card', value: 'AAAA-BBBB' }] });
    const second = await addEvidence(id, { kind: 'other', description: 'Two' });
    const before = await stored(id);
    const stolen = await api.request('PUT', `/api/cases/${id}/evidence/${second.id}`, {
      token: caseworker,
      body: { kind: 'other', description: 'Two', identifiers: [{ keep: itemAt(first.identifiers, 0, 'identifier').id }] },
    });
    expect(stolen.status).toBe(400);
    expect(errorPathsOf(stolen)[0]).toBe('identifiers[0].keep');
    const malformed = await api.request('PUT', `/api/cases/${id}/evidence/${second.id}`, {
      token: caseworker,
      body: { kind: 'other', description: 'Two', identifiers: [{ kind: 'phone', value: 'not a phone' }] },
    });
    expect(malformed.status).toBe(400);
    expect(errorPathsOf(malformed)[0]).toBe('identifiers[0].value');
    expect(await stored(id)).toEqual(before);
  });

  it('removing evidence takes its identifiers out of the index; audited and on the timeline', async () => {
    const shared = await submit('remove.other');
    const { id } = await submit('remove.one');
    await api.request('POST', `/api/cases/${shared.id}/claim`, { token: caseworker });
    await addEvidence(shared.id, { kind: 'payment', description: 'Wallet', identifiers: [{ kind: 'crypto_wallet', value: REMOVED_WALLET }] });
    await api.request('POST', `/api/cases/${id}/claim`, { token: caseworker });
    const added = await addEvidence(id, {
      kind: 'payment',
      description: 'Wallet',
      paymentReference: `to ${REMOVED_WALLET}`,
      identifiers: [{ kind: 'crypto_wallet', value: REMOVED_WALLET }],
    });
    expect((await detail(shared.id)).identifiers.find((i) => i.kind === 'crypto_wallet')?.otherCases).toBe(1);

    const removed = await api.request('DELETE', `/api/cases/${id}/evidence/${added.id}`, { token: caseworker });
    expect(removed.status).toBe(204);
    expect(await stored(id)).toEqual(['handle:remove.one:platform:false']);
    expect((await detail(shared.id)).identifiers.find((i) => i.kind === 'crypto_wallet')?.otherCases).toBe(0);
    const audit = await firstAudit(id, 'case.evidence_removed');
    expect(audit.before).toEqual({ evidenceId: added.id, kind: 'payment' });
    const page = await detail(id);
    expect(page.evidence).toEqual([]);
    expect(page.timeline.find((e) => e.kind === 'evidence_removed')).toMatchObject({ data: { evidenceId: added.id, kind: 'payment' } });
    expect((await api.request('DELETE', `/api/cases/${id}/evidence/${added.id}`, { token: caseworker })).status).toBe(404);
  });

  it('only staff who may work the case edit or remove its evidence, and a refusal names no other case', async () => {
    const { id, reference } = await submit('guarded.one');
    await api.request('POST', `/api/cases/${id}/claim`, { token: caseworker });
    const added = await addEvidence(id, { kind: 'other', description: 'Mine', identifiers: [{ kind: 'handle', value: 'guarded.two' }] });
    const edit = await api.request('PUT', `/api/cases/${id}/evidence/${added.id}`, { token: caseworker2, body: { kind: 'other', description: 'Theirs' } });
    expect(edit.status).toBe(403);
    const remove = await api.request('DELETE', `/api/cases/${id}/evidence/${added.id}`, { token: caseworker2 });
    expect(remove.status).toBe(403);
    expect(JSON.stringify([edit.body, remove.body])).not.toContain(reference);
    expect(await stored(id)).toEqual(['handle:guarded.one:platform:false', 'handle:guarded.two:evidence:true']);
    // A supervisor may.
    expect(
      (await api.request('PUT', `/api/cases/${id}/evidence/${added.id}`, { token: supervisor, body: { kind: 'other', description: 'Corrected' } })).status,
    ).toBe(200);
    expect(await stored(id)).toEqual(['handle:guarded.one:platform:false']);
  });

  it('queue rows carry "seen in N other cases" as a count only, the same for every reader', async () => {
    const a = await submit('badge.shared');
    const b = await submit('badge.shared');
    const c = await submit('@Badge.Shared');
    const lonely = await submit('badge.lonely');
    // b is held by someone else: the first caseworker may not open it, yet it counts.
    await api.request('POST', `/api/cases/${b.id}/claim`, { token: caseworker2 });
    const page = async (token: string, queue = 'unassigned') => {
      const response = await api.request('GET', `/api/cases?queue=${queue}&limit=100`, { token });
      expect(response.status).toBe(200);
      return bodyOf(response, caseListResponseSchema);
    };
    let asCaseworker: CaseListResponse | undefined;
    // Until a purge has kept any identifier, the page's one statement is all (no lookup of purged cases).
    const sent = await statementsDuring(api.app.get(DataSource), async () => (asCaseworker = await page(caseworker)));
    expect(sent.filter((statement) => statement.includes('value_hash'))).toEqual([]);
    if (!asCaseworker) throw new Error('no page');
    const row = (list: CaseListResponse, caseId: string) => list.items.find((item) => item.id === caseId);
    expect(row(asCaseworker, a.id)?.seenInOtherCases).toBe(2);
    expect(row(asCaseworker, c.id)?.seenInOtherCases).toBe(2);
    expect(row(asCaseworker, lonely.id)?.seenInOtherCases).toBe(0);
    // Only counts: nothing in the caseworker's page names the case they may not open.
    const body = JSON.stringify(asCaseworker);
    expect(body).not.toContain(b.reference);
    expect(body).not.toContain(b.id);
    expect(row(await page(supervisor, 'all'), b.id)?.seenInOtherCases).toBe(2);
  });

  it('a purged case leaves only keyed hashes with counts: the other case still shows seen in 1 other case', async () => {
    const kept = await submit('purge.shared');
    const doomed = await submit('purge.shared');
    await api.request('POST', `/api/cases/${doomed.id}/claim`, { token: caseworker });
    await addEvidence(doomed.id, {
      kind: 'payment',
      description: 'Gift card',
      identifiers: [
        { kind: 'gift_card', value: 'PURGE-5555-6666' },
        { kind: 'email', value: 'only.doomed@example.com' },
      ],
    });
    await db.dataSource.query(`INSERT INTO case_deletion_request (case_id, execute_after) VALUES ($1, now() - interval '1 minute')`, [doomed.id]);

    const result = await purgeExpiredCases(db.dataSource, api.app.get(DataProtection));
    expect(result.cases).toBe(1);

    const page = await detail(kept.id, caseworker);
    expect(page.identifiers.find((i) => i.kind === 'handle')).toEqual({ kind: 'handle', value: 'purge.shared', sources: ['platform'], otherCases: 1 });
    const asSupervisor = await detail(kept.id);
    // The supervisor sees the count too; there is no case left to name.
    expect(asSupervisor.identifiers.find((i) => i.kind === 'handle')).toMatchObject({ otherCases: 1, cases: [] });
    let rows: Awaited<ReturnType<typeof api.request>> | undefined;
    // Now the page looks the purged cases up too: its statement, then the keyed hashes.
    const sent = await statementsDuring(api.app.get(DataSource), async () => {
      rows = await api.request('GET', `/api/cases?queue=unassigned&limit=100`, { token: caseworker });
    });
    expect(sent.filter((statement) => statement.includes('value_hash'))).toHaveLength(1);
    if (!rows) throw new Error('no page');
    expect(bodyOf(rows, caseListResponseSchema).items.find((item) => item.id === kept.id)?.seenInOtherCases).toBe(1);

    // Nothing of the purged case's identifiers is left in clear anywhere in the database.
    const dump = (await firstRowOf<{ all: string | null }>(db.dataSource, `SELECT string_agg(t::text, ' ') AS all FROM purged_identifier t`)).all ?? '';
    expect(dump).toMatch(/[0-9a-f]{64}/);
    const { leftovers } = await firstRowOf<{ leftovers: number }>(
      db.dataSource,
      `SELECT count(*)::int AS leftovers FROM case_identifier WHERE case_id = $1 OR value IN ('only.doomed@example.com', 'PURGE55556666')`,
      [doomed.id],
    );
    expect(leftovers).toBe(0);
    for (const clear of ['purge.shared', 'only.doomed', 'PURGE55556666']) expect(dump).not.toContain(clear);
  });

  it('the backfill gives existing evidence the identifiers its payment reference names', async () => {
    const { id } = await submit('backfill.one');
    await api.request('POST', `/api/cases/${id}/claim`, { token: caseworker });
    const added = await addEvidence(id, { kind: 'payment', description: 'Old style', paymentReference: `Sent to ${WALLET} and payee@example.com` });
    await db.dataSource.query(`DELETE FROM case_identifier WHERE evidence_id = $1`, [added.id]);
    const migration = new (await import('../database/migrations/1766810000000-evidence-identifiers')).EvidenceIdentifiers1766810000000();
    const runner = db.dataSource.createQueryRunner();
    try {
      await runner.query(`DROP TABLE purged_identifier`);
      await migration.up(runner);
      // Twice: a second run adds nothing.
      await runner.query(`DROP TABLE purged_identifier`);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const page = await detail(id);
    expect(page.evidence[0]?.identifiers.map((i) => `${i.kind}:${i.value}`)).toEqual([`crypto_wallet:${WALLET.toLowerCase()}`, 'email:payee@example.com']);
  });
});
