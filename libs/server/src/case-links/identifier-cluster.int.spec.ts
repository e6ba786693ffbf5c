import { CASE_LINK_LIMITS, IntakeResponse } from '@sg/contracts';
import { caseDetailSchema, clusterListResponseSchema, evidenceEntrySchema, intakeResponseSchema } from '@sg/contracts/schemas';
import { IDENTIFIER_CLUSTER_BACKFILL } from '../database/migrations/1766840000000-identifier-cluster';
import { CLUSTER_RECENT_CASES } from '../database/migrations/1766855000000-identifier-cluster-aggregates';
import { purgeExpiredCases } from '../retention/case-purge';
import { DataProtection } from '../security/data-protection';
import { bodyOf, createTestDatabase, firstRowOf, intakeFixture, rowsOf, startTestApi, TestApi, TestDatabase, testConfig } from '../testing';
import { clusterRepository } from './cluster.repository';
import { CLUSTER_REFRESH_EVERY_MS, ClusterRefresher } from './cluster-refresher';

/** A row of identifier_cluster (or the same figures computed afresh), compared whole. */
type ClusterRow = Record<string, unknown>;

/** As the index stores it (an Ethereum address in lower case). */
const WALLET = '0x52908400098527886e0f7030069857d2e4169ee7';

/**
 * The maintained cluster table (`identifier_cluster`) the supervisors' list pages through: it must
 * say exactly what the identifier index says, after every kind of write that changes the index or
 * a holding case's activity (intake, additions, evidence add/edit/remove, takedowns, merge and
 * unmerge, the retention purge). Changes only note the identifiers they touched; the table follows
 * when the notes are refreshed (by the worker every second, and before every cluster read), so the
 * helpers that read the table directly refresh first, as the worker would have.
 */
describe('the cluster table stays in step with the identifier index', () => {
  let db: TestDatabase;
  let api: TestApi;
  let caseworker: string;
  let supervisor: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    // Many intakes from one test client: the intake limit is not what this spec is about.
    api = await startTestApi(db, testConfig(db.url, { intakeRateLimit: { limit: 10_000, windowSeconds: 60 } }));
    caseworker = await api.tokenFor('caseworker');
    supervisor = await api.tokenFor('supervisor');
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  interface Submitted {
    id: string;
    created: IntakeResponse;
  }
  const submit = async (handle: string): Promise<Submitted> => {
    const response = await api.request('POST', '/api/intakes', { body: intakeFixture({ platforms: [{ platform: 'Instagram', offenderHandle: handle }] }) });
    expect(response.status).toBe(201);
    const created = bodyOf(response, intakeResponseSchema);
    const row = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [created.reference]);
    return { id: row.id, created };
  };
  const claim = async (caseId: string) => expect((await api.request('POST', `/api/cases/${caseId}/claim`, { token: caseworker })).status).toBe(200);
  const addEvidence = async (caseId: string, body: object): Promise<{ id: string; identifiers: Array<{ id: string }> }> => {
    const response = await api.request('POST', `/api/cases/${caseId}/evidence`, { token: caseworker, body });
    expect(response.status).toBe(201);
    return bodyOf(response, evidenceEntrySchema);
  };
  /** Recomputes what changes noted, as the worker does every second. */
  const refresh = () => clusterRepository.refreshNoted(db.dataSource.manager);
  /** What the table holds for one identifier once refreshed (null: no cluster). */
  const cluster = async (kind: string, value: string): Promise<{ case_count: number } | null> => {
    await refresh();
    return (
      (await rowsOf<{ case_count: number }>(db.dataSource, `SELECT case_count FROM identifier_cluster WHERE kind = $1 AND value = $2`, [kind, value]))[0] ??
      null
    );
  };
  const listed = async (): Promise<string[]> => {
    const response = await api.request('GET', '/api/clusters?limit=100', { token: supervisor });
    expect(response.status).toBe(200);
    return bodyOf(response, clusterListResponseSchema).items.map((c) => `${c.kind}:${c.value}`);
  };

  /** The table against the same figures computed afresh from the index, row for row. */
  const expectInStep = async () => {
    await refresh();
    const fresh = await rowsOf<ClusterRow>(
      db.dataSource,
      `SELECT i.kind, i.value, count(DISTINCT i.case_id)::int AS case_count, bool_or(i.value_sealed IS NOT NULL) AS secret,
              min(c.created_at) AS first_seen, max(c.created_at) AS last_seen,
              max(c.updated_at) AS last_activity_at,
              array_agg(DISTINCT c.country ORDER BY c.country) AS countries, array_agg(DISTINCT c.priority ORDER BY c.priority) AS priorities,
              array_agg(DISTINCT c.status ORDER BY c.status) AS outcomes,
              COALESCE((SELECT array_agg(DISTINCT p.platform ORDER BY p.platform) FROM case_platform p
                         WHERE p.case_id IN (SELECT h.case_id FROM case_identifier h WHERE h.kind = i.kind AND h.value = i.value)), '{}') AS platforms,
              (SELECT array_agg(n.id ORDER BY n.created_at DESC, n.id) FROM (
                 SELECT r.id, r.created_at FROM support_case r
                  WHERE r.id IN (SELECT h.case_id FROM case_identifier h WHERE h.kind = i.kind AND h.value = i.value)
                  ORDER BY r.created_at DESC, r.id LIMIT ${CLUSTER_RECENT_CASES}) n) AS recent_cases
         FROM case_identifier i JOIN support_case c ON c.id = i.case_id
        GROUP BY i.kind, i.value HAVING count(DISTINCT i.case_id) >= 2 ORDER BY i.kind, i.value`,
    );
    const kept = await rowsOf<ClusterRow>(
      db.dataSource,
      `SELECT kind, value, case_count, secret, first_seen, last_seen, last_activity_at, countries, priorities, outcomes, platforms, recent_cases
         FROM identifier_cluster ORDER BY kind, value`,
    );
    expect(kept).toEqual(fresh);
    // Its key opens it (an index row of the same identifier), and its newest case holds it.
    const { stray } = await firstRowOf<{ stray: number }>(
      db.dataSource,
      `SELECT count(*)::int AS stray FROM identifier_cluster k
        WHERE NOT EXISTS (SELECT 1 FROM case_identifier i WHERE i.id = k.key AND i.kind = k.kind AND i.value = k.value)
           OR NOT EXISTS (SELECT 1 FROM case_identifier i JOIN support_case c ON c.id = i.case_id
                           WHERE i.case_id = k.last_activity_case AND i.kind = k.kind AND i.value = k.value AND c.updated_at = k.last_activity_at)`,
    );
    expect(stray).toBe(0);
  };

  it('intake: a handle named by a second intake becomes a cluster; a third counts; activity on a case moves it', async () => {
    const one = await submit('table.intake');
    expect(await cluster('handle', 'table.intake')).toBeNull();
    await submit('@Table.Intake');
    expect(await cluster('handle', 'table.intake')).toMatchObject({ case_count: 2 });
    await submit('table.intake');
    expect(await cluster('handle', 'table.intake')).toMatchObject({ case_count: 3 });
    await submit('table.later');
    await submit('table.later');
    expect((await listed())[0]).toBe('handle:table.later');
    // Work on the oldest case is the cluster's newest activity.
    await claim(one.id);
    expect((await listed())[0]).toBe('handle:table.intake');
    await expectInStep();
  });

  it("the list shows what the table keeps: a case's status, priority and platforms move its cluster's aggregates", async () => {
    // The table keeps as many newest cases as the list shows with each cluster.
    expect(CASE_LINK_LIMITS.clusterCasesInList).toBeLessThanOrEqual(CLUSTER_RECENT_CASES);
    const a = await submit('table.agg');
    const b = await submit('table.agg');
    const item = async () =>
      bodyOf(await api.request('GET', '/api/clusters?limit=100', { token: supervisor }), clusterListResponseSchema).items.find((c) => c.value === 'table.agg');
    expect(await item()).toMatchObject({ platforms: ['Instagram'], outcomes: ['new'], cases: [{ id: b.id }, { id: a.id }] });

    await claim(a.id);
    const { status } = await firstRowOf<{ status: string }>(db.dataSource, `SELECT status FROM support_case WHERE id = $1`, [a.id]);
    expect(status).not.toBe('new');
    expect((await item())?.outcomes).toEqual([status, 'new'].sort());

    const { version } = bodyOf(await api.request('GET', `/api/cases/${a.id}`, { token: caseworker }), caseDetailSchema);
    const overridden = await api.request('PATCH', `/api/cases/${a.id}`, {
      token: caseworker,
      body: { version, priorityOverride: { priority: 'emergency', reason: 'She said he has already posted one picture' } },
    });
    expect(overridden.status).toBe(200);
    expect((await item())?.priorities).toContain('emergency');

    // The person adds a platform: every cluster of their case lists it, not only the new handle's.
    const added = await api.request('POST', '/api/case-access/additions', {
      body: { reference: b.created.reference, accessCode: b.created.accessCode, platforms: [{ platform: 'Discord', offenderHandle: 'table.agg.discord' }] },
    });
    expect(added.status).toBe(200);
    expect((await item())?.platforms).toEqual(['Discord', 'Instagram']);
    await expectInStep();
  });

  it('new holders add to a cluster: a third case counts, a second row of a case already holding it does not', async () => {
    await submit('table.fold');
    await submit('table.fold');
    const third = await submit('table.fold');
    expect(await cluster('handle', 'table.fold')).toMatchObject({ case_count: 3 });
    await expectInStep();
    await claim(third.id);
    await addEvidence(third.id, { kind: 'offender_account', description: 'His profile', identifiers: [{ kind: 'handle', value: '@Table.Fold' }] });
    expect(await cluster('handle', 'table.fold')).toMatchObject({ case_count: 3 });
    await expectInStep();
    // Many holders at once, as a busy evening brings them, each noted by its own transaction.
    await Promise.all(Array.from({ length: 8 }, () => submit('table.fold')));
    expect(await cluster('handle', 'table.fold')).toMatchObject({ case_count: 11 });
    await expectInStep();
  });

  it('two intakes naming the same new handle at the same moment make a cluster (neither misses the other)', async () => {
    const handles = Array.from({ length: 6 }, (_, n) => `table.race.${n}`);
    await Promise.all(handles.flatMap((handle) => [submit(handle), submit(handle)]));
    for (const handle of handles) expect({ handle, cluster: await cluster('handle', handle) }).toEqual({ handle, cluster: { case_count: 2 } });
    await expectInStep();
  });

  it('evidence: an identifier added to a second case appears; an edit moves it; removing it drops the cluster', async () => {
    const a = await submit('table.ev.a');
    const b = await submit('table.ev.b');
    await claim(a.id);
    await claim(b.id);
    await addEvidence(a.id, { kind: 'payment', description: 'Wallet', identifiers: [{ kind: 'crypto_wallet', value: WALLET }] });
    expect(await cluster('crypto_wallet', WALLET)).toBeNull();
    const added = await addEvidence(b.id, { kind: 'payment', description: 'Wallet', identifiers: [{ kind: 'crypto_wallet', value: WALLET }] });
    expect(await cluster('crypto_wallet', WALLET)).toMatchObject({ case_count: 2 });
    expect(await listed()).toContain(`crypto_wallet:${WALLET}`);
    await expectInStep();

    // The edit swaps the wallet for an e-mail address a's evidence does not hold: the cluster goes.
    const edited = await api.request('PUT', `/api/cases/${b.id}/evidence/${added.id}`, {
      token: caseworker,
      body: { kind: 'payment', description: 'Wallet', identifiers: [{ kind: 'email', value: 'table.ev@example.com' }] },
    });
    expect(edited.status).toBe(200);
    expect(await cluster('crypto_wallet', WALLET)).toBeNull();
    // And back; then the removal drops it.
    const again = await addEvidence(b.id, { kind: 'payment', description: 'Wallet again', identifiers: [{ kind: 'crypto_wallet', value: WALLET }] });
    expect(await cluster('crypto_wallet', WALLET)).toMatchObject({ case_count: 2 });
    expect((await api.request('DELETE', `/api/cases/${b.id}/evidence/${again.id}`, { token: caseworker })).status).toBe(204);
    expect(await cluster('crypto_wallet', WALLET)).toBeNull();
    expect(await listed()).not.toContain(`crypto_wallet:${WALLET}`);
    await expectInStep();
  });

  it('a gift card two cases hold is a secret cluster: listed masked, never its text or hash', async () => {
    const a = await submit('table.gift.a');
    const b = await submit('table.gift.b');
    for (const c of [a, b]) {
      await claim(c.id);
      await addEvidence(c.id, { kind: 'payment', description: 'Gift card', identifiers: [{ kind: 'gift_card', value: 'TABLE-GIFT-0001' }] });
    }
    await refresh();
    const row = await firstRowOf<{ value: string; secret: boolean; case_count: number }>(
      db.dataSource,
      `SELECT value, secret, case_count FROM identifier_cluster WHERE kind = 'gift_card'`,
    );
    expect(row).toMatchObject({ secret: true, case_count: 2 });
    const { items } = bodyOf(await api.request('GET', '/api/clusters?limit=100', { token: supervisor }), clusterListResponseSchema);
    const gift = items.find((c) => c.kind === 'gift_card');
    expect(gift?.value).toBe('••••');
    expect(JSON.stringify(items)).not.toContain(row.value);
    expect(JSON.stringify(items)).not.toContain('TABLEGIFT0001');
    await expectInStep();
  });

  it("takedowns and the person's additions add to the table", async () => {
    const a = await submit('table.td.a');
    const b = await submit('table.td.b');
    await claim(a.id);
    await claim(b.id);
    for (const c of [a, b]) {
      const filed = await api.request('POST', `/api/cases/${c.id}/takedowns`, {
        token: caseworker,
        body: { platform: 'Instagram', url: 'https://instagram.com/table.td.shared', channel: 'platform_form' },
      });
      expect(filed.status).toBe(201);
    }
    expect(await cluster('handle', 'table.td.shared')).toMatchObject({ case_count: 2 });
    const added = await api.request('POST', '/api/case-access/additions', {
      body: { reference: a.created.reference, accessCode: a.created.accessCode, platforms: [{ platform: 'Snapchat', offenderHandle: 'table.td.b' }] },
    });
    expect(added.status).toBe(200);
    expect(await cluster('handle', 'table.td.b')).toMatchObject({ case_count: 2 });
    await expectInStep();
  });

  it("merge and unmerge: the duplicate's identifiers move to the original, so a handle both held is one case's, and back", async () => {
    const original = await submit('table.merge');
    const duplicate = await submit('table.merge');
    expect(await cluster('handle', 'table.merge')).toMatchObject({ case_count: 2 });
    const merged = await api.request('POST', `/api/cases/${duplicate.id}/merge`, {
      token: supervisor,
      body: { reference: original.created.reference, reason: 'Filed twice' },
    });
    expect(merged.status).toBe(200);
    expect(await cluster('handle', 'table.merge')).toBeNull();
    await expectInStep();
    const unmerged = await api.request('POST', `/api/cases/${duplicate.id}/unmerge`, { token: supervisor, body: { reason: 'Not the same after all' } });
    expect(unmerged.status).toBe(200);
    expect(await cluster('handle', 'table.merge')).toMatchObject({ case_count: 2 });
    await expectInStep();
  });

  it('the retention purge: a purged case leaves the cluster; with one case left there is none', async () => {
    await submit('table.purge');
    const doomed = await submit('table.purge');
    await submit('table.purge3');
    const doomed3 = await submit('table.purge3');
    await submit('table.purge3');
    await db.dataSource.query(`INSERT INTO case_deletion_request (case_id, execute_after) SELECT unnest($1::uuid[]), now() - interval '1 minute'`, [
      [doomed.id, doomed3.id],
    ]);
    expect((await purgeExpiredCases(db.dataSource, api.app.get(DataProtection))).cases).toBe(2);
    expect(await cluster('handle', 'table.purge')).toBeNull();
    expect(await cluster('handle', 'table.purge3')).toMatchObject({ case_count: 2 });
    await expectInStep();
  });

  it('a case deleted outright (its platforms, then its index rows, go by cascade) leaves the table in step', async () => {
    await submit('table.cascade');
    const doomed = await submit('table.cascade');
    expect(await cluster('handle', 'table.cascade')).toMatchObject({ case_count: 2 });
    await db.dataSource.query(`DELETE FROM support_case WHERE id = $1`, [doomed.id]);
    expect(await cluster('handle', 'table.cascade')).toBeNull();
    await expectInStep();
  });

  it('an intake naming a handle waits for no other change to it: the change is noted, and the table follows when refreshed', async () => {
    await submit('table.nowait');
    await submit('table.nowait');
    const other = await submit('table.nowait.other');
    expect(await cluster('handle', 'table.nowait')).toMatchObject({ case_count: 2 });
    // Another transaction adds the handle to a third case and has not committed yet.
    const open = db.dataSource.createQueryRunner();
    await open.connect();
    await open.startTransaction();
    try {
      await open.query(`INSERT INTO case_identifier (case_id, kind, value, source) VALUES ($1, 'handle', 'table.nowait', 'evidence')`, [other.id]);
      let timer: NodeJS.Timeout | undefined;
      const settled = await Promise.race([
        submit('table.nowait').then(() => 'answered'),
        new Promise<string>((resolve) => (timer = setTimeout(() => resolve('still waiting after 10 s'), 10_000))),
      ]);
      // (Cleared, or the pending timer keeps Jest from exiting.)
      clearTimeout(timer);
      expect(settled).toBe('answered');
      // Committed, but not yet refreshed: the intake noted its identifiers and left the table as it was.
      const { notes } = await firstRowOf<{ notes: number }>(
        db.dataSource,
        `SELECT count(*)::int AS notes FROM identifier_cluster_noted WHERE kind = 'handle' AND value = 'table.nowait'`,
      );
      expect(notes).toBeGreaterThanOrEqual(1);
      const [row] = await rowsOf<{ case_count: number }>(
        db.dataSource,
        `SELECT case_count FROM identifier_cluster WHERE kind = 'handle' AND value = 'table.nowait'`,
      );
      expect(row).toEqual({ case_count: 2 });
      await open.commitTransaction();
    } finally {
      if (open.isTransactionActive) await open.rollbackTransaction();
      await open.release();
    }
    expect(await cluster('handle', 'table.nowait')).toMatchObject({ case_count: 4 });
    const { left } = await firstRowOf<{ left: number }>(db.dataSource, `SELECT count(*)::int AS left FROM identifier_cluster_noted`);
    expect(left).toBe(0);
    await expectInStep();
  });

  it("an intake notes each identifier once (its platforms do not note them again); a platform added later notes the case's", async () => {
    const notesOf = async (value: string) =>
      (
        await firstRowOf<{ notes: number }>(db.dataSource, `SELECT count(*)::int AS notes FROM identifier_cluster_noted WHERE kind = 'handle' AND value = $1`, [
          value,
        ])
      ).notes;
    const { id } = await submit('noted.once');
    // Once by the identifier rows' own trigger; before, the platform rows' trigger noted it again.
    expect(await notesOf('noted.once')).toBe(1);
    // A platform added by a later transaction: the case's clusters list platforms, so its identifiers are noted.
    await db.dataSource.query(`INSERT INTO case_platform (case_id, platform, added_at) VALUES ($1, 'TikTok', now())`, [id]);
    expect(await notesOf('noted.once')).toBe(2);
    await refresh();
    expect(await notesOf('noted.once')).toBe(0);
  });

  it("the worker's refresher recomputes the table by itself within seconds of a change", async () => {
    await submit('table.worker');
    // As the worker module runs it (case-links-worker.module.ts), on this spec's database.
    const refresher = new ClusterRefresher(db.dataSource);
    refresher.onApplicationBootstrap();
    try {
      await submit('table.worker');
      const deadline = Date.now() + 20 * CLUSTER_REFRESH_EVERY_MS;
      let row: { case_count: number } | undefined;
      while (!row && Date.now() < deadline) {
        [row] = await rowsOf<{ case_count: number }>(
          db.dataSource,
          `SELECT case_count FROM identifier_cluster WHERE kind = 'handle' AND value = 'table.worker'`,
        );
        if (!row) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(row).toEqual({ case_count: 2 });
      const { left } = await firstRowOf<{ left: number }>(db.dataSource, `SELECT count(*)::int AS left FROM identifier_cluster_noted`);
      expect(left).toBe(0);
    } finally {
      await refresher.onModuleDestroy();
    }
  });

  it("the migration's backfill builds the same table from the index", async () => {
    await refresh();
    const before = await rowsOf<ClusterRow>(db.dataSource, `SELECT * FROM identifier_cluster ORDER BY kind, value`);
    expect(before.length).toBeGreaterThan(3);
    await db.dataSource.query(`DELETE FROM identifier_cluster`);
    await db.dataSource.query(IDENTIFIER_CLUSTER_BACKFILL);
    expect(await rowsOf<ClusterRow>(db.dataSource, `SELECT * FROM identifier_cluster ORDER BY kind, value`)).toEqual(before);
  });
});
