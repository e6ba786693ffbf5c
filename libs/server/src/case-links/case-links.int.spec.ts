import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ClusterListResponse, IntakeResponse, PersonConversation } from '@sg/contracts';
import {
  caseAccessViewSchema,
  caseDetailSchema,
  caseLinksSchema,
  caseListResponseSchema,
  clusterListResponseSchema,
  conversationSessionSchema,
  identifierClusterSchema,
  intakeResponseSchema,
  loginResponseSchema,
  personConversationSchema,
  staffConversationSchema,
} from '@sg/contracts/schemas';
import { itemAt } from '@sg/domain';
import { identifierSealContext } from '../identifiers/case-identifiers';
import { DataProtection } from '../security/data-protection';
import { bodyOf, createTestDatabase, firstRowOf, intakeFixture, rowsOf, startTestApi, TestApi, TestDatabase, testConfig, TEST_PASSWORD } from '../testing';

/**
 * Patterns across cases: clusters of shared identifiers (supervisors only, audited, newest activity
 * first), links between cases (audited, on both timelines, other cases named only to those who may
 * open them), and merging a duplicate into its original and back.
 */
describe('clusters, links and merges', () => {
  let db: TestDatabase;
  let api: TestApi;
  let caseworker: string;
  let caseworker2: string;
  let supervisor: string;
  let protection: DataProtection;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = testConfig(db.url);
    protection = new DataProtection(config.dataEncryptionKey);
    api = await startTestApi(db, config);
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

  interface Submitted {
    id: string;
    created: IntakeResponse;
  }
  const submit = async (handle: string, country = 'MY', platform = 'Instagram'): Promise<Submitted> => {
    const response = await api.request('POST', '/api/intakes', { body: intakeFixture({ country, platforms: [{ platform, offenderHandle: handle }] }) });
    expect(response.status).toBe(201);
    const created = bodyOf(response, intakeResponseSchema);
    const row = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [created.reference]);
    return { id: row.id, created };
  };
  const claim = async (caseId: string, token: string) => expect((await api.request('POST', `/api/cases/${caseId}/claim`, { token })).status).toBe(200);
  const timelineKinds = async (caseId: string): Promise<string[]> =>
    (await rowsOf<{ kind: string }>(db.dataSource, `SELECT kind FROM case_event WHERE case_id = $1 ORDER BY id`, [caseId])).map((r) => r.kind);
  const audits = async (caseId: string, like: string) =>
    rowsOf<{ action: string; after: Record<string, unknown> | null; before: Record<string, unknown> | null }>(
      db.dataSource,
      `SELECT action, before, after FROM audit_log WHERE case_id = $1 AND action LIKE $2 ORDER BY id`,
      [caseId, like],
    );
  const clusters = (token: string, query = '') => api.request('GET', `/api/clusters${query}`, { token });
  /** A page of clusters, which must be a 200. */
  const clusterList = async (token: string, query = ''): Promise<ClusterListResponse> => {
    const response = await clusters(token, query);
    expect(response.status).toBe(200);
    return bodyOf(response, clusterListResponseSchema);
  };

  describe('clusters', () => {
    it('are for supervisors: a caseworker is refused (403)', async () => {
      expect((await clusters(caseworker)).status).toBe(403);
      expect((await api.request('GET', `/api/clusters/00000000-0000-4000-8000-000000000000`, { token: caseworker })).status).toBe(403);
    });

    it('list identifiers shared by two or more cases, newest activity first, with their cases, and page by cursor', async () => {
      const a1 = await submit('cluster.alpha', 'MY', 'Instagram');
      const a2 = await submit('@Cluster.Alpha', 'GB', 'Snapchat');
      await submit('lonely.one');
      const b1 = await submit('cluster.beta', 'US');
      const b2 = await submit('cluster.beta', 'US');
      const b3 = await submit('cluster.beta', 'MY');
      // Activity on an alpha case after beta's last intake puts alpha first.
      await claim(a1.id, caseworker);

      const first = await clusterList(supervisor, '?limit=1');
      expect(first.items).toHaveLength(1);
      const alpha = itemAt(first.items, 0, 'cluster');
      expect(alpha).toMatchObject({ kind: 'handle', value: 'cluster.alpha', caseCount: 2, countries: ['GB', 'MY'], platforms: ['Instagram', 'Snapchat'] });
      expect(alpha.cases.map((c) => c.reference).sort()).toEqual([a1.created.reference, a2.created.reference].sort());
      expect(alpha.outcomes.sort()).toEqual(['in_progress', 'new']);
      expect(new Date(alpha.firstSeen).getTime()).toBeLessThanOrEqual(new Date(alpha.lastSeen).getTime());
      expect(first.nextCursor).toEqual(expect.any(String));

      const second = await clusterList(supervisor, `?limit=1&cursor=${encodeURIComponent(first.nextCursor ?? '')}`);
      expect(second.items[0]).toMatchObject({ value: 'cluster.beta', caseCount: 3, countries: ['MY', 'US'] });
      // An identifier of one case only is no cluster.
      const all = await clusterList(supervisor, '?limit=100');
      expect(all.items.map((c) => c.value)).not.toContain('lonely.one');
      const order = all.items.map((c) => new Date(c.lastActivityAt).getTime());
      expect(order).toEqual([...order].sort((x, y) => y - x));

      // Opening one shows all its cases, and the read is audited per case.
      const opened = await api.request('GET', `/api/clusters/${second.items[0]?.key}`, { token: supervisor });
      expect(opened.status).toBe(200);
      expect(
        bodyOf(opened, identifierClusterSchema)
          .cases.map((c) => c.id)
          .sort(),
      ).toEqual([b1.id, b2.id, b3.id].sort());
      expect(await audits(b3.id, 'case.read_in_cluster')).not.toHaveLength(0);
      const pageRead = await firstRowOf<{ n: number }>(
        db.dataSource,
        `SELECT count(*)::int AS n FROM audit_log WHERE action IN ('clusters.read', 'cluster.read')`,
      );
      expect(pageRead.n).toBeGreaterThanOrEqual(4);
    });

    it('pages through every cluster once, also when one case holds several shared identifiers', async () => {
      const both = await submit('pair.one');
      await claim(both.id, caseworker);
      expect(
        (
          await api.request('POST', `/api/cases/${both.id}/evidence`, {
            token: caseworker,
            body: { kind: 'other', description: 'Second handle', offenderHandle: 'pair.two' },
          })
        ).status,
      ).toBe(201);
      await submit('pair.one');
      await submit('pair.two');
      const all = await clusterList(supervisor, '?limit=100');
      expect(all.nextCursor).toBeNull();
      expect(
        all.items
          .slice(0, 2)
          .map((c) => c.value)
          .sort(),
      ).toEqual(['pair.one', 'pair.two']);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const page: ClusterListResponse = await clusterList(supervisor, `?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        paged.push(...page.items.map((c) => c.key));
        cursor = page.nextCursor;
      } while (cursor && paged.length < 50);
      expect(paged).toEqual(all.items.map((c) => c.key));
    });

    it('refuses a cursor it did not give', async () => {
      expect((await clusters(supervisor, '?cursor=bm90LWEtY3Vyc29y')).status).toBe(400);
    });
  });

  describe('links', () => {
    it('link: reason required, audited, on both timelines; unlink always possible, audited, on both timelines', async () => {
      const one = await submit('link.one');
      const two = await submit('link.two');
      await claim(one.id, caseworker);
      const noReason = await api.request('POST', `/api/cases/${one.id}/links`, { token: caseworker, body: { reference: two.created.reference } });
      expect(noReason.status).toBe(400);

      const linked = await api.request('POST', `/api/cases/${one.id}/links`, {
        token: caseworker,
        body: { reference: two.created.reference, reason: 'Same Instagram account' },
      });
      expect(linked.status).toBe(200);
      const view = bodyOf(linked, caseLinksSchema);
      expect(view.links).toHaveLength(1);
      expect(view.links[0]).toMatchObject({ reason: 'Same Instagram account', case: { id: two.id, reference: two.created.reference } });
      expect(
        (await api.request('POST', `/api/cases/${two.id}/links`, { token: caseworker, body: { reference: one.created.reference, reason: 'again' } })).status,
      ).toBe(409);

      for (const c of [one, two]) {
        expect(await timelineKinds(c.id)).toContain('case_linked');
        expect(await audits(c.id, 'case.linked')).toHaveLength(1);
      }
      const page = bodyOf(await api.request('GET', `/api/cases/${two.id}`, { token: supervisor }), caseDetailSchema);
      expect(page.timeline.find((e) => e.kind === 'case_linked')?.summary).toContain('Same Instagram account');

      const fromTwo = bodyOf(await api.request('GET', `/api/cases/${two.id}/links`, { token: supervisor }), caseLinksSchema);
      expect(fromTwo.links[0]?.case?.reference).toBe(one.created.reference);

      const unlinked = await api.request('DELETE', `/api/cases/${two.id}/links/${view.links[0]?.id}`, { token: supervisor });
      expect(unlinked.status).toBe(200);
      expect(bodyOf(unlinked, caseLinksSchema).links).toEqual([]);
      for (const c of [one, two]) {
        expect(await timelineKinds(c.id)).toContain('case_unlinked');
        expect(await audits(c.id, 'case.unlinked')).toHaveLength(1);
      }
      expect((await api.request('DELETE', `/api/cases/${two.id}/links/${view.links[0]?.id}`, { token: supervisor })).status).toBe(404);
    });

    it('a caseworker never learns the reference of a case they may not open: a count, and the same 404 as no case', async () => {
      const mine = await submit('secret.link.a');
      const theirs = await submit('secret.link.b');
      await claim(mine.id, caseworker);
      await claim(theirs.id, caseworker2);
      // Linking to a case held by someone else answers exactly as a reference that does not exist.
      const refused = await api.request('POST', `/api/cases/${mine.id}/links`, {
        token: caseworker,
        body: { reference: theirs.created.reference, reason: 'Looks the same' },
      });
      const missing = await api.request('POST', `/api/cases/${mine.id}/links`, {
        token: caseworker,
        body: { reference: 'SG-ZZZZ-ZZZZ', reason: 'Looks the same' },
      });
      expect(refused.status).toBe(404);
      expect(refused.body).toEqual(missing.body);

      // A supervisor links them: the caseworker sees that a link exists, not where it goes.
      expect(
        (await api.request('POST', `/api/cases/${mine.id}/links`, { token: supervisor, body: { reference: theirs.created.reference, reason: 'Same wallet' } }))
          .status,
      ).toBe(200);
      const seen = await api.request('GET', `/api/cases/${mine.id}/links`, { token: caseworker });
      expect(seen.status).toBe(200);
      expect(bodyOf(seen, caseLinksSchema)).toEqual({ links: [], hiddenLinks: 1, mergedInto: null, merged: [] });
      const page = await api.request('GET', `/api/cases/${mine.id}`, { token: caseworker });
      for (const body of [JSON.stringify(seen.body), JSON.stringify(page.body)]) {
        expect(body).not.toContain(theirs.created.reference);
        expect(body).not.toContain(theirs.id);
      }
      // Nor may they read the other case's links.
      expect((await api.request('GET', `/api/cases/${theirs.id}/links`, { token: caseworker })).status).toBe(403);
      expect(await audits(theirs.id, 'case.read_denied')).not.toHaveLength(0);
    });
  });

  describe('merging a duplicate into its original', () => {
    const session = async (created: IntakeResponse): Promise<string> => {
      const response = await api.request('POST', '/api/conversation/session', { body: { reference: created.reference, accessCode: created.accessCode } });
      expect(response.status).toBe(201);
      return bodyOf(response, conversationSessionSchema).sessionToken;
    };
    const thread = async (token: string): Promise<PersonConversation> =>
      bodyOf(await api.request('GET', '/api/conversation', { headers: { 'x-case-session': token } }), personConversationSchema);
    const say = async (token: string, body: string) =>
      expect(
        (await api.request('POST', '/api/conversation/messages', { headers: { 'x-case-session': token }, body: { clientMessageId: randomUUID(), body } }))
          .status,
      ).toBe(201);
    const counts = async (caseId: string) =>
      firstRowOf<Record<string, number>>(
        db.dataSource,
        `SELECT (SELECT count(*)::int FROM case_platform WHERE case_id = $1) AS platforms,
                (SELECT count(*)::int FROM case_evidence WHERE case_id = $1) AS evidence,
                (SELECT count(*)::int FROM takedown_request WHERE case_id = $1) AS takedowns,
                (SELECT count(*)::int FROM case_report WHERE case_id = $1) AS reports,
                (SELECT count(*)::int FROM case_message WHERE case_id = $1) AS messages,
                (SELECT count(*)::int FROM follow_up WHERE case_id = $1) AS "followUps"`,
        [caseId],
      );
    /** The gift card's sealed text, opened as the case it now lies on (throws when sealed to another case). */
    const giftCardOpensAs = async (caseId: string): Promise<string> => {
      const row = await firstRowOf<{ value_sealed: Buffer }>(
        db.dataSource,
        `SELECT value_sealed FROM case_identifier WHERE case_id = $1 AND kind = 'gift_card'`,
        [caseId],
      );
      return protection.open<string>(row.value_sealed, identifierSealContext(caseId));
    };
    const identifiers = async (caseId: string): Promise<string[]> =>
      (await rowsOf<{ v: string }>(db.dataSource, `SELECT kind || ':' || value AS v FROM case_identifier WHERE case_id = $1 ORDER BY 1`, [caseId])).map(
        (r) => r.v,
      );

    it('is for supervisors: a caseworker is refused', async () => {
      const a = await submit('merge.refused.a');
      const b = await submit('merge.refused.b');
      expect(
        (await api.request('POST', `/api/cases/${b.id}/merge`, { token: caseworker, body: { reference: a.created.reference, reason: 'Duplicate' } })).status,
      ).toBe(403);
    });

    it('moves facts, evidence, takedowns, reports, follow-ups and messages; each person still opens only their own; unmerge moves them back', async () => {
      const original = await submit('merge.original');
      const duplicate = await submit('merge.duplicate');
      await claim(original.id, caseworker);
      await claim(duplicate.id, caseworker);
      // The duplicate's records: evidence with a gift card (a sealed secret), a takedown, a report, messages both ways.
      expect(
        (
          await api.request('POST', `/api/cases/${duplicate.id}/evidence`, {
            token: caseworker,
            body: { kind: 'payment', description: 'Gift card', identifiers: [{ kind: 'gift_card', value: 'MERGE-CARD-0001' }] },
          })
        ).status,
      ).toBe(201);
      expect(
        (
          await api.request('POST', `/api/cases/${duplicate.id}/takedowns`, {
            token: caseworker,
            body: { platform: 'Instagram', url: 'https://instagram.com/p/dup1', channel: 'platform_form' },
          })
        ).status,
      ).toBe(201);
      expect(
        (await api.request('POST', `/api/cases/${duplicate.id}/reports`, { token: caseworker, body: { agencyKind: 'police', agencyName: 'Local police' } }))
          .status,
      ).toBe(201);
      const dupSession = await session(duplicate.created);
      const origSession = await session(original.created);
      await say(dupSession, 'From the duplicate person');
      await say(origSession, 'From the original person');
      const staffToDup = await api.request('POST', `/api/cases/${duplicate.id}/conversation/messages`, {
        token: caseworker,
        body: { clientMessageId: randomUUID(), body: 'Hello duplicate' },
      });
      expect(staffToDup.status).toBe(201);
      const before = { original: await counts(original.id), duplicate: await counts(duplicate.id) };
      const duplicateIdentifiers = await identifiers(duplicate.id);
      expect(duplicateIdentifiers.some((v) => v.startsWith('gift_card:'))).toBe(true);

      const merged = await api.request('POST', `/api/cases/${duplicate.id}/merge`, {
        token: supervisor,
        body: { reference: original.created.reference, reason: 'The same person filed twice' },
      });
      expect(merged.status).toBe(200);
      expect(bodyOf(merged, caseLinksSchema).mergedInto?.case?.id).toBe(original.id);

      // Everything moved; the duplicate keeps its pointer and leaves the queues.
      const after = { original: await counts(original.id), duplicate: await counts(duplicate.id) };
      for (const key of Object.keys(before.duplicate)) {
        expect({ key, n: after.duplicate[key] }).toEqual({ key, n: 0 });
        expect({ key, n: after.original[key] }).toEqual({ key, n: (before.original[key] ?? 0) + (before.duplicate[key] ?? 0) });
      }
      const dupRow = await firstRowOf<{ merged_into: string | null; status: string }>(
        db.dataSource,
        `SELECT merged_into, status FROM support_case WHERE id = $1`,
        [duplicate.id],
      );
      expect(dupRow).toEqual({ merged_into: original.id, status: 'closed' });
      const mine = bodyOf(await api.request('GET', '/api/cases?queue=mine', { token: caseworker }), caseListResponseSchema);
      expect(mine.items.map((i) => i.id)).not.toContain(duplicate.id);
      // The identifier index follows: the original holds the duplicate's, the duplicate none.
      expect(await identifiers(duplicate.id)).toEqual([]);
      expect(await identifiers(original.id)).toEqual(expect.arrayContaining(duplicateIdentifiers));
      // On both timelines, audited on both.
      expect(await timelineKinds(duplicate.id)).toContain('case_merged_into');
      expect(await timelineKinds(original.id)).toContain('duplicate_merged');
      expect(await audits(duplicate.id, 'case.merged_into')).toHaveLength(1);
      expect(await audits(original.id, 'case.duplicate_merged')).toHaveLength(1);
      // The original's page shows the moved gift card as a secret, still matched (it opens sealed to its new case).
      const page = bodyOf(await api.request('GET', `/api/cases/${original.id}`, { token: supervisor }), caseDetailSchema);
      expect(page.identifiers.find((i) => i.kind === 'gift_card')).toMatchObject({ value: '••••' });
      expect(await giftCardOpensAs(original.id)).toBe('MERGECARD0001');

      // Each person, with their own reference and code, sees only what they wrote and what was written to them.
      const dupThread = await thread(dupSession);
      expect(dupThread.messages.map((m) => m.body)).toEqual(['From the duplicate person', 'Hello duplicate']);
      const origThread = await thread(origSession);
      expect(origThread.messages.map((m) => m.body)).toEqual(['From the original person']);
      // The duplicate's person keeps writing: it reaches the team in the original, and only they see it.
      await say(dupSession, 'Still here');
      expect((await thread(dupSession)).messages.map((m) => m.body)).toContain('Still here');
      expect((await thread(origSession)).messages.map((m) => m.body)).not.toContain('Still here');
      const staffThread = bodyOf(await api.request('GET', `/api/cases/${original.id}/conversation`, { token: caseworker }), staffConversationSchema);
      expect(staffThread.messages.map((m) => m.body)).toEqual(expect.arrayContaining(['From the duplicate person', 'From the original person', 'Still here']));
      // Their case page still opens, and says the case is being worked (not closed).
      const dupView = await api.request('POST', '/api/case-access', {
        body: { reference: duplicate.created.reference, accessCode: duplicate.created.accessCode },
      });
      expect(dupView.status).toBe(200);
      expect(bodyOf(dupView, caseAccessViewSchema).status.key).not.toMatch(/closed/);

      // What they add with their reference and code goes to the original too, as theirs (and the index follows).
      const added = await api.request('POST', '/api/case-access/additions', {
        body: {
          reference: duplicate.created.reference,
          accessCode: duplicate.created.accessCode,
          platforms: [{ platform: 'Snapchat', offenderHandle: 'late.handle' }],
        },
      });
      expect(added.status).toBe(200);
      expect(await identifiers(original.id)).toContain('handle:late.handle');
      expect(await identifiers(duplicate.id)).toEqual([]);

      // A second merge of a merged case is refused.
      expect(
        (await api.request('POST', `/api/cases/${duplicate.id}/merge`, { token: supervisor, body: { reference: original.created.reference, reason: 'again' } }))
          .status,
      ).toBe(409);

      // Unmerge: the records that came from the duplicate (and what its person wrote since) go back.
      const unmerged = await api.request('POST', `/api/cases/${duplicate.id}/unmerge`, {
        token: supervisor,
        body: { reason: 'Not the same person after all' },
      });
      expect(unmerged.status).toBe(200);
      expect(bodyOf(unmerged, caseLinksSchema).mergedInto).toBeNull();
      const back = { original: await counts(original.id), duplicate: await counts(duplicate.id) };
      // The staff prompts for what the duplicate's person wrote and added while merged (a message, an addition) stay where staff were told.
      expect(back.original).toEqual({ ...before.original, followUps: (before.original['followUps'] ?? 0) + 2 });
      expect(back.duplicate).toEqual({
        ...before.duplicate,
        messages: (before.duplicate['messages'] ?? 0) + 1,
        platforms: (before.duplicate['platforms'] ?? 0) + 1,
      });
      const restored = await firstRowOf<{ merged_into: string | null; status: string }>(
        db.dataSource,
        `SELECT merged_into, status FROM support_case WHERE id = $1`,
        [duplicate.id],
      );
      expect(restored).toEqual({ merged_into: null, status: 'in_progress' });
      expect(await identifiers(duplicate.id)).toEqual([...duplicateIdentifiers, 'handle:late.handle'].sort());
      expect(await identifiers(original.id)).not.toContain('handle:late.handle');
      expect((await identifiers(original.id)).some((v) => v.startsWith('gift_card:'))).toBe(false);
      expect(await timelineKinds(duplicate.id)).toContain('case_unmerged');
      expect(await timelineKinds(original.id)).toContain('duplicate_unmerged');
      expect(await audits(duplicate.id, 'case.unmerged')).toHaveLength(1);
      expect((await thread(dupSession)).messages.map((m) => m.body)).toEqual(['From the duplicate person', 'Hello duplicate', 'Still here']);
      // The gift card opens sealed to the duplicate again: its page reads it without error.
      expect((await api.request('GET', `/api/cases/${duplicate.id}`, { token: supervisor })).status).toBe(200);
      expect(await giftCardOpensAs(duplicate.id)).toBe('MERGECARD0001');
    });

    /** Sends the person's message while another transaction holds both cases' rows (lower id first, as a merge does) and runs `change`, then commits it. */
    const sayWhileHeld = async (token: string, body: string, held: readonly string[], change: (client: Client) => Promise<unknown>) => {
      const other = new Client({ connectionString: db.url });
      await other.connect();
      try {
        await other.query('BEGIN');
        await other.query(`SELECT id FROM support_case WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`, [held]);
        await change(other);
        const sending = api.request('POST', '/api/conversation/messages', {
          headers: { 'x-case-session': token },
          body: { clientMessageId: randomUUID(), body },
        });
        // The send waits for a held row until the other transaction commits.
        let waiting = 0;
        for (let i = 0; i < 200 && waiting === 0; i += 1) {
          await new Promise((resolve) => setTimeout(resolve, 25));
          const answer = await other.query<{ waiting: number }>(`SELECT count(*)::int AS waiting FROM pg_locks WHERE NOT granted`);
          waiting = answer.rows[0]?.waiting ?? 0;
        }
        expect(waiting).toBeGreaterThan(0);
        await other.query('COMMIT');
        expect((await sending).status).toBe(201);
      } finally {
        await other.end();
      }
    };
    /** Where the newest message of these two cases was filed. */
    const filedNewest = (caseIds: readonly string[]) =>
      firstRowOf<{ case_id: string; origin_case_id: string | null }>(
        db.dataSource,
        `SELECT case_id, origin_case_id FROM case_message WHERE case_id = ANY($1::uuid[]) ORDER BY sent_at DESC, id LIMIT 1`,
        [caseIds],
      );

    it("a person's message sent while their case is being merged lands in the original, where the team and the person see it", async () => {
      const original = await submit('merge.race.original');
      const duplicate = await submit('merge.race.duplicate');
      const token = await session(duplicate.created);
      const words = 'Are you still there? He wrote again.';
      await sayWhileHeld(token, words, [original.id, duplicate.id], (merging) =>
        merging.query(`UPDATE support_case SET merged_into = $2, merged_at = now(), merged_status = status, status = 'closed' WHERE id = $1`, [
          duplicate.id,
          original.id,
        ]),
      );
      expect(await filedNewest([original.id, duplicate.id])).toEqual({ case_id: original.id, origin_case_id: duplicate.id });
      expect((await thread(token)).messages.map((m) => m.body)).toEqual([words]);
    });

    it("a person's message sent while their case is being unmerged lands in their own case again", async () => {
      const original = await submit('unmerge.race.original');
      const duplicate = await submit('unmerge.race.duplicate');
      expect(
        (
          await api.request('POST', `/api/cases/${duplicate.id}/merge`, {
            token: supervisor,
            body: { reference: original.created.reference, reason: 'Same person' },
          })
        ).status,
      ).toBe(200);
      const token = await session(duplicate.created);
      const words = 'I found more messages from him.';
      await sayWhileHeld(token, words, [original.id, duplicate.id], (unmerging) =>
        unmerging.query(
          `UPDATE support_case SET merged_into = NULL, merged_at = NULL, status = COALESCE(merged_status, status), merged_status = NULL WHERE id = $1`,
          [duplicate.id],
        ),
      );
      expect(await filedNewest([original.id, duplicate.id])).toEqual({ case_id: duplicate.id, origin_case_id: null });
      expect((await thread(token)).messages.map((m) => m.body)).toEqual([words]);
    });

    it("what the person adds while their case is being merged is applied with the original's row held: a staff change to it meanwhile is kept", async () => {
      const original = await submit('merge.add.original');
      const duplicate = await submit('merge.add.duplicate');
      const token = await session(duplicate.created);
      const merging = new Client({ connectionString: db.url });
      const staff = new Client({ connectionString: db.url });
      await merging.connect();
      await staff.connect();
      /** Waits until at least `count` lock requests wait (some transaction is queued for a held row). */
      const waitingFor = async (count: number) => {
        let waiting = 0;
        for (let i = 0; i < 200 && waiting < count; i += 1) {
          await new Promise((resolve) => setTimeout(resolve, 25));
          const answer = await merging.query<{ waiting: number }>(`SELECT count(*)::int AS waiting FROM pg_locks WHERE NOT granted`);
          waiting = answer.rows[0]?.waiting ?? 0;
        }
        expect(waiting).toBeGreaterThanOrEqual(count);
      };
      const deadline = new Date(Date.now() + 3 * 24 * 3600 * 1000);
      deadline.setMilliseconds(0);
      try {
        // A merge holds both rows (lower id first, as a merge does) and marks the duplicate merged.
        await merging.query('BEGIN');
        await merging.query(`SELECT id FROM support_case WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`, [[original.id, duplicate.id]]);
        await merging.query(`UPDATE support_case SET merged_into = $2, merged_at = now(), merged_status = status, status = 'closed' WHERE id = $1`, [
          duplicate.id,
          original.id,
        ]);
        // The person adds a note: it waits for their case's row.
        const adding = api.request('POST', '/api/case-access/current/additions', { headers: { 'x-case-session': token }, body: { note: 'He wrote again.' } });
        await waitingFor(1);
        // A member of staff's change to the original waits behind the merge, and gets the row when it commits.
        await staff.query('BEGIN');
        const staffHolds = staff.query(`SELECT id FROM support_case WHERE id = $1 FOR NO KEY UPDATE`, [original.id]);
        await waitingFor(2);
        await merging.query('COMMIT');
        await staffHolds;
        // The person's addition, now filed in the original, waits for the row staff hold.
        await waitingFor(1);
        await staff.query(`UPDATE support_case SET deadline_at = $2 WHERE id = $1`, [original.id, deadline]);
        await staff.query('COMMIT');
        expect((await adding).status).toBe(200);
      } finally {
        await merging.end();
        await staff.end();
      }
      // Before, the addition read the original without holding its row and wrote back what it had read: the deadline was lost.
      const after = await firstRowOf<{ deadline_at: Date | null }>(db.dataSource, `SELECT deadline_at FROM support_case WHERE id = $1`, [original.id]);
      expect(after.deadline_at?.toISOString()).toBe(deadline.toISOString());
      expect(await timelineKinds(original.id)).toContain('person_added_information');
    });

    it('two merges of the same pair from either end at once: one wins, neither deadlocks', async () => {
      const a = await submit('race.a');
      const b = await submit('race.b');
      const [ab, ba] = await Promise.all([
        api.request('POST', `/api/cases/${a.id}/merge`, { token: supervisor, body: { reference: b.created.reference, reason: 'Race one' } }),
        api.request('POST', `/api/cases/${b.id}/merge`, { token: supervisor, body: { reference: a.created.reference, reason: 'Race two' } }),
      ]);
      expect([ab.status, ba.status].sort()).toEqual([200, 409]);
      const { n } = await firstRowOf<{ n: number }>(
        db.dataSource,
        `SELECT count(*)::int AS n FROM support_case WHERE id IN ($1, $2) AND merged_into IS NOT NULL`,
        [a.id, b.id],
      );
      expect(n).toBe(1);
    });
  });
});
