import { CaseDetail, IntakeResponse } from '@sg/contracts';
import { itemAt } from '@sg/domain';
import { caseDetailSchema, caseListResponseSchema, intakeResponseSchema, loginResponseSchema } from '@sg/contracts/schemas';
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
} from '../testing';

const WALLET = '0x52908400098527886E0F7030069857D2E4169EE7';

/**
 * Offender identifiers: normalised into case_identifier as the case changes, counted across
 * cases ("seen in N other cases") without telling a caseworker about cases they may not open,
 * and found by search.
 */
describe('case identifiers', () => {
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

  const submit = async (handle: string, profileUrl?: string): Promise<{ id: string; created: IntakeResponse }> => {
    const response = await api.request('POST', '/api/intakes', {
      body: intakeFixture({ platforms: [{ platform: 'Instagram', offenderHandle: handle, profileUrl }] }),
    });
    expect(response.status).toBe(201);
    const created = bodyOf(response, intakeResponseSchema);
    const row = await firstRowOf<{ id: string }>(db.dataSource, `SELECT id FROM support_case WHERE reference = $1`, [created.reference]);
    return { id: row.id, created };
  };
  const stored = async (caseId: string): Promise<string[]> =>
    (
      await rowsOf<{ v: string }>(db.dataSource, `SELECT kind || ':' || value || ':' || source AS v FROM case_identifier WHERE case_id = $1 ORDER BY 1`, [
        caseId,
      ])
    ).map((r) => r.v);
  const detail = async (caseId: string, token: string): Promise<CaseDetail> => {
    const response = await api.request('GET', `/api/cases/${caseId}`, { token });
    expect(response.status).toBe(200);
    return bodyOf(response, caseDetailSchema);
  };

  it('an intake writes its handles and profile URLs, normalised (the handle a profile URL names too)', async () => {
    const { id } = await submit('@Shared.Offender', 'https://www.instagram.com/shared.offender/?igsh=x');
    expect(await stored(id)).toEqual(['handle:shared.offender:platform', 'profile_url:https://instagram.com/shared.offender:platform']);
  });

  it('identifiers follow what the person adds, evidence and takedowns', async () => {
    const { id, created } = await submit('first.one');
    const added = await api.request('POST', '/api/case-access/additions', {
      body: { reference: created.reference, accessCode: created.accessCode, platforms: [{ platform: 'Snapchat', offenderHandle: '@Second.One' }] },
    });
    expect(added.status).toBe(200);
    expect(await stored(id)).toContain('handle:second.one:platform');

    expect((await api.request('POST', `/api/cases/${id}/claim`, { token: caseworker })).status).toBe(200);
    const evidence = await api.request('POST', `/api/cases/${id}/evidence`, {
      token: caseworker,
      body: { kind: 'payment', description: 'What they asked to be paid to', paymentReference: `Sent 50 USDT to ${WALLET} and $20 to $ScamCash` },
    });
    expect(evidence.status).toBe(201);
    const takedown = await api.request('POST', `/api/cases/${id}/takedowns`, {
      token: caseworker,
      body: { platform: 'X', url: 'https://x.com/leaker/status/1?s=20', channel: 'platform_form' },
    });
    expect(takedown.status).toBe(201);
    expect(await stored(id)).toEqual([
      `crypto_wallet:${WALLET.toLowerCase()}:evidence`,
      'handle:first.one:platform',
      // The account a post on X belongs to is in its URL.
      'handle:leaker:takedown',
      'handle:second.one:platform',
      'payment_account:$scamcash:evidence',
      'profile_url:https://x.com/leaker/status/1:takedown',
    ]);
  });

  it('"seen in N other cases": supervisors get the cases, a caseworker only the count', async () => {
    const first = await submit('Serial.Offender');
    const second = await submit('@serial.offender');
    const third = await submit('serial.offender', 'https://instagram.com/serial.offender');
    // The second case is held by someone else: the first caseworker may not open it.
    expect((await api.request('POST', `/api/cases/${second.id}/claim`, { token: caseworker2 })).status).toBe(200);

    const asSupervisor = await detail(third.id, supervisor);
    const handle = asSupervisor.identifiers.find((i) => i.kind === 'handle');
    expect(handle).toMatchObject({ value: 'serial.offender', sources: ['platform'], otherCases: 2 });
    expect(handle?.cases?.map((c) => c.reference).sort()).toEqual([first.created.reference, second.created.reference].sort());
    expect(asSupervisor.identifiers.find((i) => i.kind === 'profile_url')).toMatchObject({ otherCases: 0, cases: [] });

    const raw = await api.request('GET', `/api/cases/${third.id}`, { token: caseworker });
    const asCaseworker = bodyOf(raw, caseDetailSchema);
    expect(asCaseworker.identifiers.find((i) => i.kind === 'handle')).toEqual({
      kind: 'handle',
      value: 'serial.offender',
      sources: ['platform'],
      otherCases: 2,
    });
    // Nothing of the other cases reaches a caseworker: not their references, not their ids.
    const body = JSON.stringify(raw.body);
    for (const other of [first, second]) {
      expect(body).not.toContain(other.created.reference);
      expect(body).not.toContain(other.id);
    }
  });

  it('search finds a case by wallet or payment reference, in any case and layout', async () => {
    const { id } = await submit('wallet.holder');
    await api.request('POST', `/api/cases/${id}/claim`, { token: caseworker });
    const wallet = '0xAbCdEf0123456789aBcDeF0123456789AbCdEf01';
    expect(
      (
        await api.request('POST', `/api/cases/${id}/evidence`, {
          token: caseworker,
          body: { kind: 'payment', description: 'Wallet', paymentReference: wallet },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await api.request('POST', `/api/cases/${id}/evidence`, {
          token: caseworker,
          body: { kind: 'payment', description: 'Account', paymentReference: 'GB33 BUKB 2020 1555 5555 55' },
        })
      ).status,
    ).toBe(201);
    const search = async (q: string, token = caseworker) =>
      bodyOf(await api.request('GET', `/api/cases?queue=search&q=${encodeURIComponent(q)}`, { token }), caseListResponseSchema).items.map((item) => item.id);
    expect(await search(wallet.toLowerCase())).toContain(id);
    expect(await search(wallet.toUpperCase().replace('0X', '0x'))).toContain(id);
    expect(await search('gb33bukb20201555555555')).toContain(id);
    expect(await search('GB33-BUKB-2020-1555-5555-55', supervisor)).toContain(id);
    // Search stays within what the caller may open.
    expect(await search(wallet, caseworker2)).not.toContain(id);
  });

  it('identifiers entered with evidence: a gift card kept only as a keyed hash and sealed, matched and found in any layout', async () => {
    const first = await submit('gift.one');
    const second = await submit('gift.two');
    for (const [{ id }, code] of [
      [first, 'abcd-efgh-1234'],
      [second, 'ABCD EFGH 1234'],
    ] as const) {
      await api.request('POST', `/api/cases/${id}/claim`, { token: caseworker });
      const added = await api.request('POST', `/api/cases/${id}/evidence`, {
        token: caseworker,
        body: {
          kind: 'payment',
          description: 'Gift card they asked for',
          identifiers: [
            { kind: 'gift_card', value: code },
            { kind: 'phone', value: '+60 12-345 6789' },
          ],
        },
      });
      expect(added.status).toBe(201);
    }
    const rows = await rowsOf<{ kind: string; value: string; value_sealed: Buffer; entered: boolean }>(
      db.dataSource,
      `SELECT kind, value, value_sealed, entered FROM case_identifier WHERE case_id = $1 AND kind = 'gift_card'`,
      [first.id],
    );
    expect(rows).toHaveLength(1);
    const giftCard = itemAt(rows, 0, 'gift card row');
    expect(giftCard.value).toMatch(/^[0-9a-f]{64}$/);
    expect(giftCard.entered).toBe(true);
    expect(Buffer.from(giftCard.value_sealed).toString('latin1')).not.toContain('ABCDEFGH1234');
    // A later change to the case's records rewrites the derived rows, never what was entered.
    await api.request('POST', `/api/cases/${first.id}/evidence`, {
      token: caseworker,
      body: { kind: 'other', description: 'More', offenderHandle: 'gift.three' },
    });
    expect(await stored(first.id)).toEqual([
      'gift_card:' + giftCard.value + ':evidence',
      'handle:gift.one:platform',
      'handle:gift.three:evidence',
      'phone:+60123456789:evidence',
    ]);

    const page = await detail(first.id, supervisor);
    expect(page.identifiers.find((i) => i.kind === 'gift_card')).toEqual({
      kind: 'gift_card',
      value: '••••',
      sources: ['evidence'],
      otherCases: 1,
      cases: [{ id: second.id, reference: second.created.reference }],
    });
    expect(JSON.stringify(page)).not.toContain(giftCard.value);
    const found = bodyOf(
      await api.request('GET', `/api/cases?queue=search&q=${encodeURIComponent('abcd efgh-1234')}`, { token: supervisor }),
      caseListResponseSchema,
    ).items.map((i) => i.id);
    expect(found.sort()).toEqual([first.id, second.id].sort());
  });

  it('refuses an entered identifier that is not one of its kind', async () => {
    const { id } = await submit('refused.one');
    await api.request('POST', `/api/cases/${id}/claim`, { token: caseworker });
    const refused = await api.request('POST', `/api/cases/${id}/evidence`, {
      token: caseworker,
      body: { kind: 'payment', description: 'x', identifiers: [{ kind: 'crypto_wallet', value: '0x1234' }] },
    });
    expect(refused.status).toBe(400);
    expect(errorPathsOf(refused)[0]).toBe('identifiers[0].value');
    expect(await stored(id)).toEqual(['handle:refused.one:platform']);
  });

  it('the backfill reads what cases already hold', async () => {
    const { id } = await submit('backfilled.handle');
    await db.dataSource.query(`DELETE FROM case_identifier WHERE case_id = $1`, [id]);
    const migration = new (await import('../database/migrations/1766700000000-case-identifiers')).CaseIdentifiers1766700000000();
    const runner = db.dataSource.createQueryRunner();
    try {
      await runner.query(`DROP TABLE case_identifier`);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    expect(await stored(id)).toEqual(['handle:backfilled.handle:platform']);
  });
});
