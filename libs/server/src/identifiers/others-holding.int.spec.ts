import { createTestDatabase, TestDatabase } from '../testing';
import { caseIdentifierRepository } from './case-identifier.repository';

/**
 * "Seen in N other cases" as the repository answers it (the function `case_identifier_others_holding`):
 * each identifier's other holders counted once, the case itself left out; their ids and references
 * newest first only when asked (supervisors), up to the limit; read in the caller's transaction.
 */
describe('caseIdentifierRepository.othersHolding', () => {
  let db: TestDatabase;
  let made = 0;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  /** A case created at `createdAt`, holding the given identifiers (each with the given sources). */
  const caseHolding = async (createdAt: string, identifiers: ReadonlyArray<[kind: string, value: string, source?: string]>) => {
    made += 1;
    const reference = `OH-${String(made).padStart(5, '0')}`;
    const [row] = await db.dataSource.query<Array<{ id: string }>>(
      `INSERT INTO support_case (reference, access_code_hash, status, priority, priority_rank, triage_priority, triage_factors, triaged_at,
         first_response_due_at, submitted_by, channel, age_band, country, self_harm, immediate_danger, demands,
         content_posted, contact_channel, consent_contact, created_at, updated_at)
       VALUES ($1, 'x', 'new', 'standard', 3, 'standard', '[]', $2, $2, 'victim', 'web', '13_17', 'US', 'none', false, '{money}', 'no', 'none', false, $2, $2)
       RETURNING id`,
      [reference, createdAt],
    );
    const id = row?.id ?? '';
    for (const [kind, value, source = 'platform'] of identifiers) {
      await db.dataSource.query(`INSERT INTO case_identifier (case_id, kind, value, source) VALUES ($1, $2, $3, $4)`, [id, kind, value, source]);
    }
    return { id, reference };
  };

  it('counts each other holder once, leaves the case itself out, and lists them newest first only when asked', async () => {
    const mine = await caseHolding('2026-01-10T00:00:00Z', [
      ['handle', 'oh.serial'],
      ['handle', 'oh.serial', 'evidence'],
      ['crypto_wallet', '0xoh'],
      ['profile_url', 'https://instagram.com/oh.alone'],
    ]);
    const older = await caseHolding('2026-01-01T00:00:00Z', [['handle', 'oh.serial']]);
    // Named twice (a platform and a piece of evidence): still one other case.
    const newer = await caseHolding('2026-01-05T00:00:00Z', [
      ['handle', 'oh.serial'],
      ['handle', 'oh.serial', 'evidence'],
      ['crypto_wallet', '0xoh', 'evidence'],
    ]);
    const held = [
      { kind: 'crypto_wallet', value: '0xoh' },
      { kind: 'handle', value: 'oh.serial' },
      { kind: 'profile_url', value: 'https://instagram.com/oh.alone' },
    ] as const;

    const asSupervisor = await caseIdentifierRepository.othersHolding(db.dataSource, mine.id, held, true);
    expect(new Map(asSupervisor.map((row) => [row.value, row]))).toEqual(
      new Map([
        ['0xoh', { kind: 'crypto_wallet', value: '0xoh', other_cases: 1, cases: [{ id: newer.id, reference: newer.reference }] }],
        [
          'oh.serial',
          {
            kind: 'handle',
            value: 'oh.serial',
            other_cases: 2,
            cases: [
              { id: newer.id, reference: newer.reference },
              { id: older.id, reference: older.reference },
            ],
          },
        ],
        ['https://instagram.com/oh.alone', { kind: 'profile_url', value: 'https://instagram.com/oh.alone', other_cases: 0, cases: [] }],
      ]),
    );

    // A caseworker's read: the same counts, and not one id or reference of another case.
    const asCaseworker = await caseIdentifierRepository.othersHolding(db.dataSource, mine.id, held, false);
    expect(asCaseworker.map((row) => [row.value, row.other_cases, row.cases]).sort()).toEqual([
      ['0xoh', 1, []],
      ['https://instagram.com/oh.alone', 0, []],
      ['oh.serial', 2, []],
    ]);
  });

  it('lists at most `limit` cases, the newest (ties by id), and still counts them all', async () => {
    const mine = await caseHolding('2026-02-01T00:00:00Z', [['email', 'limit@oh.test']]);
    const others = [];
    for (const createdAt of ['2026-02-02T00:00:00Z', '2026-02-03T00:00:00Z', '2026-02-03T00:00:00Z', '2026-02-04T00:00:00Z']) {
      others.push(await caseHolding(createdAt, [['email', 'limit@oh.test']]));
    }
    const [latest, tiedA, tiedB] = [others[3], others[1], others[2]];
    const tied = [tiedA, tiedB].sort((a, b) => ((a?.id ?? '') < (b?.id ?? '') ? -1 : 1));

    const [row] = await caseIdentifierRepository.othersHolding(db.dataSource, mine.id, [{ kind: 'email', value: 'limit@oh.test' }], true, 3);
    expect(row?.other_cases).toBe(4);
    expect(row?.cases.map((c) => c.id)).toEqual([latest?.id, tied[0]?.id, tied[1]?.id]);
  });

  it("reads in the caller's transaction: identifiers written there, not yet committed, count", async () => {
    const mine = await caseHolding('2026-03-01T00:00:00Z', [['phone', '+15550000001']]);
    const other = await caseHolding('2026-03-02T00:00:00Z', []);
    const counted = await db.dataSource.transaction(async (manager) => {
      await manager.query(`INSERT INTO case_identifier (case_id, kind, value, source) VALUES ($1, 'phone', '+15550000001', 'evidence')`, [other.id]);
      return caseIdentifierRepository.othersHolding(manager, mine.id, [{ kind: 'phone', value: '+15550000001' }], true);
    });
    expect(counted).toEqual([{ kind: 'phone', value: '+15550000001', other_cases: 1, cases: [{ id: other.id, reference: other.reference }] }]);
  });
});
