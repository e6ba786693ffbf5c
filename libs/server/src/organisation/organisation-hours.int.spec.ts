import { organisationHoursSchema } from '@sg/contracts/schemas';
import { DEFAULT_OPENING_HOURS } from '@sg/domain';
import { OrganisationHoursService } from './organisation-hours.service';
import { bodyOf, createTestDatabase, errorPathsOf, firstRowOf, rowsOf, startTestApi, TestApi, testConfig, TestDatabase, validationErrorsOf } from '../testing';

/** Opening hours: every member of staff reads them, admins replace them, every change audited. */
describe('organisation opening hours', () => {
  let db: TestDatabase;
  let api: TestApi;
  let caseworker: string;
  let admin: string;

  const splitWeek = {
    timeZone: 'America/New_York',
    weekly: [
      { day: 1, opens: '09:00', closes: '12:00' },
      { day: 1, opens: '13:00', closes: '17:00' },
      { day: 6, opens: '10:00', closes: '14:00' },
    ],
    holidays: [{ date: '2026-12-25', name: 'Christmas Day' }],
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url));
    caseworker = await api.tokenFor('caseworker');
    admin = await api.tokenFor('admin');
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('answers the defaults (Monday–Friday 09:00–17:00, London) until an admin saves hours', async () => {
    expect((await api.request('GET', '/api/organisation/hours')).status).toBe(401);
    const response = await api.request('GET', '/api/organisation/hours', { token: caseworker });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ ...DEFAULT_OPENING_HOURS, updatedAt: null });
    expect(await api.app.get(OrganisationHoursService).forInstallation()).toEqual(DEFAULT_OPENING_HOURS);
  });

  it('lets only admins replace them, refuses bad hours naming the field, and stores nothing then', async () => {
    expect((await api.request('PUT', '/api/organisation/hours', { token: caseworker, body: splitWeek })).status).toBe(403);

    const invalid = await api.request('PUT', '/api/organisation/hours', {
      token: admin,
      body: {
        timeZone: 'Europe/Atlantis',
        weekly: [
          { day: 1, opens: '09:00', closes: '12:00' },
          { day: 1, opens: '11:00', closes: '17:00' },
          { day: 2, opens: '17:00', closes: '09:00' },
          { day: 9, opens: '09:00', closes: '17:00' },
        ],
        holidays: [{ date: '2026-02-30', name: 'Nowhere' }],
      },
    });
    expect(invalid.status).toBe(400);
    expect(errorPathsOf(invalid).sort()).toEqual(['holidays[0].date', 'timeZone', 'weekly[1].opens', 'weekly[2].closes', 'weekly[3].day']);
    expect(validationErrorsOf(invalid).errors).toContainEqual({ path: 'weekly[1].opens', message: 'overlaps another slot on the same day', code: 'custom' });
    const notAList = await api.request('PUT', '/api/organisation/hours', { token: admin, body: { ...splitWeek, holidays: 'none' } });
    expect(errorPathsOf(notAList)).toEqual(['holidays']);
    expect((await api.request('PUT', '/api/organisation/hours', { token: admin, body: { ...splitWeek, extra: 1 } })).status).toBe(400);
    expect(bodyOf(await api.request('GET', '/api/organisation/hours', { token: caseworker }), organisationHoursSchema).updatedAt).toBeNull();
  });

  it('replaces them whole, shows them to everyone and audits the before and after', async () => {
    const saved = await api.request('PUT', '/api/organisation/hours', { token: admin, body: splitWeek });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject(splitWeek);
    expect(Date.parse(bodyOf(saved, organisationHoursSchema).updatedAt ?? '')).not.toBeNaN();
    expect((await api.request('GET', '/api/organisation/hours', { token: caseworker })).body).toEqual(saved.body);
    expect(await api.app.get(OrganisationHoursService).forInstallation()).toEqual(splitWeek);

    const allWeek = { timeZone: 'UTC', weekly: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, opens: '00:00', closes: '24:00' })), holidays: [] };
    expect((await api.request('PUT', '/api/organisation/hours', { token: admin, body: allWeek })).body).toMatchObject(allWeek);

    const audit = await rowsOf<{ action: string; kind: string; before: string | null; after: string | null; beforeSaved: string | null }>(
      db.dataSource,
      `SELECT action, target_kind AS "kind", before->>'timeZone' AS before, after->>'timeZone' AS after, before->>'updatedAt' AS "beforeSaved"
         FROM audit_log WHERE target_kind = 'organisation' ORDER BY at, id`,
    );
    expect(audit).toEqual([
      { action: 'organisation.hours_updated', kind: 'organisation', before: 'Europe/London', after: 'America/New_York', beforeSaved: null },
      { action: 'organisation.hours_updated', kind: 'organisation', before: 'America/New_York', after: 'UTC', beforeSaved: expect.any(String) as unknown },
    ]);
    const { rows } = await firstRowOf<{ rows: number }>(db.dataSource, `SELECT count(*)::int AS rows FROM organisation_hours`);
    expect(rows).toBe(1);
  });
});
