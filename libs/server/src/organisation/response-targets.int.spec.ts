import { caseAccessViewSchema, intakeResponseSchema } from '@sg/contracts/schemas';
import { IntakeResponse } from '@sg/contracts';
import { CLOCK_ONLY_POLICY, firstResponseDue, isOpen, OpeningHours } from '@sg/domain';
import { bodyOf, createTestDatabase, firstRowOf, intakeFixture, startTestApi, TestApi, testConfig, TestDatabase } from '../testing';

/**
 * First-response targets on the organisation's opening hours (issue 10): `high` and `standard`
 * count opening time once hours are saved; `emergency` and `urgent` run on the clock; the person is
 * told honestly whether the team is open and when to expect a reply.
 */
describe('first-response targets and opening hours', () => {
  let db: TestDatabase;
  let api: TestApi;
  let admin: string;
  // Open one hour a week (Wednesday 03:00-04:00 in Auckland): whenever this runs, a standard case
  // waits for opening time, and the arithmetic below must agree with the server's to the millisecond.
  const hours: OpeningHours = { timeZone: 'Pacific/Auckland', weekly: [{ day: 3, opens: '03:00', closes: '04:00' }], holidays: [] };
  const policy = { timeScale: 1, openingHours: hours, openingHoursTargets: { high: 8, standard: 16 } };

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url));
    admin = await api.tokenFor('admin');
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  async function intake(changes: Parameters<typeof intakeFixture>[0]): Promise<{ body: IntakeResponse; createdAt: Date; dueAt: Date }> {
    const response = await api.request('POST', '/api/intakes', { body: intakeFixture(changes) });
    expect(response.status).toBe(201);
    const body = bodyOf(response, intakeResponseSchema);
    const row = await firstRowOf<{ created_at: Date; first_response_due_at: Date }>(
      db.dataSource,
      `SELECT created_at, first_response_due_at FROM support_case WHERE reference = $1`,
      [body.reference],
    );
    return { body, createdAt: new Date(row.created_at), dueAt: new Date(row.first_response_due_at) };
  }
  const adult = { ageBand: '18_plus' as const, contentMadeUnder18: false, stillInContact: false, demands: ['more_images' as const] };

  it('runs every target on the clock until the organisation saves its hours', async () => {
    const standard = await intake(adult);
    expect(standard.dueAt.getTime()).toBe(firstResponseDue('standard', standard.createdAt, CLOCK_ONLY_POLICY).getTime());
    expect(standard.body.reply).toEqual({ openNow: true, nextOpeningAt: null, replyBy: standard.dueAt.toISOString() });
  });

  it('counts opening hours for a standard case and keeps an urgent one on the clock, and says when the team opens', async () => {
    expect((await api.request('PUT', '/api/organisation/hours', { token: admin, body: hours })).status).toBe(200);
    const standard = await intake(adult);
    expect(standard.dueAt.getTime()).toBe(firstResponseDue('standard', standard.createdAt, policy).getTime());
    // 16 opening hours of one hour a week: more than three months away on the clock.
    expect(standard.dueAt.getTime() - standard.createdAt.getTime()).toBeGreaterThan(90 * 24 * 3_600_000);
    const urgent = await intake({});
    expect(urgent.dueAt.getTime()).toBe(firstResponseDue('urgent', urgent.createdAt, policy).getTime());
    expect(urgent.dueAt.getTime() - urgent.createdAt.getTime()).toBe(60 * 60_000);

    const openNow = isOpen(hours, new Date());
    expect(standard.body.reply?.openNow).toBe(openNow);
    if (!openNow) expect(standard.body.reply?.nextOpeningAt).not.toBeNull();
    expect(standard.body.reply?.replyBy).toBe(standard.dueAt.toISOString());
    const view = bodyOf(
      await api.request('POST', '/api/case-access', { body: { reference: standard.body.reference, accessCode: standard.body.accessCode } }),
      caseAccessViewSchema,
    );
    expect(view.reply).toEqual(standard.body.reply && { ...standard.body.reply, nextOpeningAt: view.reply.nextOpeningAt });
  });
});
