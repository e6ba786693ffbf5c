import { FirstResponseStats, TrendsResponse } from '@sg/contracts';
import { trendsResponseSchema } from '@sg/contracts/schemas';
import { found, itemAt, present, Priority, PRIORITIES } from '@sg/domain';
import { bodyOf, createTestDatabase, errorPathsOf, firstRowOf, startTestApi, TestApi, TestDatabase, testConfig } from '../testing';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** `YYYY-MM-DD` of an instant in a zone (en-CA formats dates that way). */
const dayIn = (at: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/**
 * Trends against a real PostgreSQL: cases, takedowns and reports are written straight into the
 * tables with known times, so every median, rate and empty day below is known in advance.
 */
describe('trends API', () => {
  let db: TestDatabase;
  let api: TestApi;
  let supervisor = '';
  const now = new Date();
  const ago = (ms: number) => new Date(now.getTime() - ms);
  let caseCount = 0;
  const created: Array<{ at: Date; priority: Priority }> = [];

  async function insertCase(options: { priority: Priority; createdAt: Date; dueAfter: number; respondedAfter?: number; status?: string }): Promise<string> {
    caseCount += 1;
    const rank = PRIORITIES.indexOf(options.priority);
    const respondedAt = options.respondedAfter === undefined ? null : new Date(options.createdAt.getTime() + options.respondedAfter);
    const row = await firstRowOf<{ id: string }>(
      db.dataSource,
      `INSERT INTO support_case (reference, access_code_hash, status, priority, priority_rank, triage_priority, triage_factors, triaged_at,
         first_response_due_at, first_responded_at, submitted_by, channel, age_band, country, self_harm, immediate_danger, demands,
         content_posted, contact_channel, consent_contact, created_at, updated_at)
       VALUES ($1, 'x', $2, $3, $4, $3, '[]', $5, $6, $7, 'victim', 'web', '13_17', 'US', 'none', false, '{money}', 'no', 'none', false, $5, $5)
       RETURNING id`,
      [
        `TR-${String(caseCount).padStart(5, '0')}`,
        options.status ?? (respondedAt ? 'in_progress' : 'new'),
        options.priority,
        rank,
        options.createdAt,
        new Date(options.createdAt.getTime() + options.dueAfter),
        respondedAt,
      ],
    );
    created.push({ at: options.createdAt, priority: options.priority });
    return row.id;
  }

  let takedownCount = 0;
  async function insertTakedown(
    caseId: string,
    platform: string,
    submittedAt: Date | null,
    outcome: { removedAfter?: number; rejectedAfter?: number } = {},
  ): Promise<void> {
    const at = (after?: number) => (submittedAt && after !== undefined ? new Date(submittedAt.getTime() + after) : null);
    const removedAt = at(outcome.removedAfter);
    const rejectedAt = at(outcome.rejectedAfter);
    const status = !submittedAt ? 'draft' : removedAt ? 'removed' : rejectedAt ? 'rejected' : 'submitted';
    // A URL of its own: a case has one live request per URL or account per platform.
    takedownCount += 1;
    await db.dataSource.query(
      `INSERT INTO takedown_request (case_id, platform, url, channel, status, submitted_at, removed_at, rejected_at, created_at)
       VALUES ($1, $2, $7, 'platform_form', $3, $4, $5, $6, coalesce($4, now()))`,
      [caseId, platform, status, submittedAt, removedAt, rejectedAt, `https://example.org/p/${takedownCount}`],
    );
  }

  async function insertReport(
    caseId: string,
    kind: string,
    filedAt: Date,
    answer: { acknowledgedAfter?: number; closedAfter?: number; status: string },
  ): Promise<void> {
    const at = (after?: number) => (after === undefined ? null : new Date(filedAt.getTime() + after));
    await db.dataSource.query(
      `INSERT INTO case_report (case_id, agency_kind, agency_name, status, filed_at, acknowledged_at, closed_at, created_at)
       VALUES ($1, $2, 'Agency', $3, $4, $5, $6, $4)`,
      [caseId, kind, answer.status, filedAt, at(answer.acknowledgedAfter), at(answer.closedAfter)],
    );
  }

  async function trends(query: string, token = supervisor): Promise<TrendsResponse> {
    const response = await api.request('GET', `/api/trends${query}`, { token });
    expect(response.status).toBe(200);
    return bodyOf(response, trendsResponseSchema);
  }
  const stats = (body: TrendsResponse, priority: Priority): FirstResponseStats =>
    found(
      body.firstResponse.byPriority.find((row) => row.priority === priority),
      `the first-response figures for ${priority}`,
    );

  /** 23:30 UTC yesterday: still yesterday in London's winter or UTC, already today in Kuala Lumpur (UTC+8). */
  const lateLastNightUtc = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - 30 * MIN);
  let firstCase = '';

  beforeAll(async () => {
    db = await createTestDatabase();
    api = await startTestApi(db, testConfig(db.url));
    supervisor = await api.tokenFor('supervisor');

    const threeDaysAgo = ago(3 * DAY);
    // Emergency, target 15 min: answered after 5, 15 (exactly on time) and 25 minutes.
    firstCase = await insertCase({ priority: 'emergency', createdAt: threeDaysAgo, dueAfter: 15 * MIN, respondedAfter: 5 * MIN });
    await insertCase({ priority: 'emergency', createdAt: threeDaysAgo, dueAfter: 15 * MIN, respondedAfter: 15 * MIN });
    await insertCase({ priority: 'emergency', createdAt: threeDaysAgo, dueAfter: 15 * MIN, respondedAfter: 25 * MIN });
    // Long before the window and never answered: not in the window's figures, but still overdue now.
    await insertCase({ priority: 'emergency', createdAt: ago(40 * DAY), dueAfter: 15 * MIN });
    // Urgent, target 1 h: five answers, one never answered (missed), one not due yet (pending).
    for (const minutes of [10, 20, 30, 50, 90])
      await insertCase({ priority: 'urgent', createdAt: threeDaysAgo, dueAfter: HOUR, respondedAfter: minutes * MIN });
    await insertCase({ priority: 'urgent', createdAt: threeDaysAgo, dueAfter: HOUR });
    await insertCase({ priority: 'urgent', createdAt: ago(10 * MIN), dueAfter: HOUR });
    // High, raised after arrival so its response fell due after 1 h, not 8: answered at 2 h is late.
    await insertCase({ priority: 'high', createdAt: ago(2 * DAY), dueAfter: HOUR, respondedAfter: 2 * HOUR });
    // Standard intakes on a few other days; one closed without a response, long ago and overdue: not open, so not waiting.
    await insertCase({ priority: 'standard', createdAt: ago(5 * DAY), dueAfter: 48 * HOUR, respondedAfter: HOUR, status: 'closed' });
    await insertCase({ priority: 'standard', createdAt: lateLastNightUtc, dueAfter: 48 * HOUR, respondedAfter: HOUR });
    await insertCase({ priority: 'standard', createdAt: ago(60 * DAY), dueAfter: 48 * HOUR, status: 'closed' });

    // Takedowns: "Instagram" typed four ways, Snapchat twice (one won on appeal), a draft, one long ago.
    await insertTakedown(firstCase, 'Instagram', ago(5 * DAY), { removedAfter: 10 * HOUR });
    await insertTakedown(firstCase, 'instagram ', ago(4 * DAY), { removedAfter: 30 * HOUR });
    await insertTakedown(firstCase, 'Instagram', ago(4 * DAY), { rejectedAfter: 20 * HOUR });
    await insertTakedown(firstCase, 'INSTAGRAM', ago(1 * DAY));
    await insertTakedown(firstCase, 'Snapchat', ago(2 * DAY), { removedAfter: 2 * HOUR });
    await insertTakedown(firstCase, 'Snapchat', ago(2 * DAY), { rejectedAfter: HOUR, removedAfter: 6 * HOUR });
    await insertTakedown(firstCase, 'TikTok', null);
    await insertTakedown(firstCase, 'TikTok', ago(40 * DAY), { removedAfter: HOUR });

    // Reports: police acknowledged after 3 days, police not yet; the CyberTipline answered (actioned) after 12 h.
    await insertReport(firstCase, 'police', ago(6 * DAY), { acknowledgedAfter: 3 * DAY, status: 'acknowledged' });
    await insertReport(firstCase, 'police', ago(1 * DAY), { status: 'filed' });
    await insertReport(firstCase, 'cybertipline', ago(3 * DAY), { closedAfter: 12 * HOUR, status: 'actioned' });
  });

  afterAll(async () => {
    await api?.close();
    await db?.drop();
  });

  it('is for supervisors and admins only', async () => {
    expect((await api.request('GET', '/api/trends')).status).toBe(401);
    expect((await api.request('GET', '/api/trends', { token: await api.tokenFor('caseworker') })).status).toBe(403);
    expect((await api.request('GET', '/api/trends', { token: supervisor })).status).toBe(200);
    expect((await api.request('GET', '/api/trends', { token: await api.tokenFor('admin') })).status).toBe(200);
  });

  it.each([
    ['?days=0', 'days'],
    ['?days=400', 'days'],
    ['?days=7.5', 'days'],
    ['?days=week', 'days'],
    ['?tz=Mars/Olympus_Mons', 'tz'],
    ['?tz=%27%3B%20DROP%20TABLE%20support_case', 'tz'],
    ['?since=yesterday', 'since'],
  ])('refuses %s, naming the field', async (query, field) => {
    const response = await api.request('GET', `/api/trends${query}`, { token: supervisor });
    expect(response.status).toBe(400);
    expect(errorPathsOf(response)).toContain(field);
  });

  describe('intakes per day', () => {
    it('lists every day of the window, ending today, with empty days as zero', async () => {
      const body = await trends('?days=30');
      const today = dayIn(new Date(), 'UTC');
      expect(body.window).toMatchObject({ days: 30, timeZone: 'UTC', lastDay: today, firstDay: addDays(today, -29) });
      expect(body.window.from).toBe(`${addDays(today, -29)}T00:00:00.000Z`);
      expect(body.intakes.perDay.map((day) => day.day)).toEqual(Array.from({ length: 30 }, (_, i) => addDays(today, i - 29)));

      // Expected from the rows written above, bucketed by their UTC day; everything else is zero.
      const expected = new Map<string, Record<Priority, number>>();
      for (const row of created.filter((c) => c.at >= new Date(body.window.from))) {
        const counts = expected.get(dayIn(row.at, 'UTC')) ?? { emergency: 0, urgent: 0, high: 0, standard: 0 };
        counts[row.priority] += 1;
        expected.set(dayIn(row.at, 'UTC'), counts);
      }
      for (const day of body.intakes.perDay) {
        const counts = expected.get(day.day) ?? { emergency: 0, urgent: 0, high: 0, standard: 0 };
        expect(day.byPriority).toEqual(counts);
        expect(day.total).toBe(counts.emergency + counts.urgent + counts.high + counts.standard);
      }
      expect(body.intakes.perDay.find((day) => day.day === addDays(today, -10))).toEqual({
        day: addDays(today, -10),
        total: 0,
        byPriority: { emergency: 0, urgent: 0, high: 0, standard: 0 },
      });
      // 3 emergency + 7 urgent + 1 high + 2 standard in the window; the cases 40 and 60 days old are not.
      expect(body.intakes.total).toBe(13);
      expect(body.intakes.byPriority).toEqual({ emergency: 3, urgent: 7, high: 1, standard: 2 });
    });

    it('counts today so far with days=1', async () => {
      const body = await trends('?days=1');
      expect(body.intakes.perDay).toHaveLength(1);
      expect(body.intakes.perDay[0]?.day).toBe(dayIn(new Date(), 'UTC'));
      // The urgent case from ten minutes ago (unless the test started in the first ten minutes of the day).
      expect(body.intakes.total).toBe(dayIn(ago(10 * MIN), 'UTC') === dayIn(now, 'UTC') ? 1 : 0);
    });

    it("counts days in the caller's time zone", async () => {
      const utc = await trends('?days=7&tz=UTC');
      const kl = await trends('?days=7&tz=Asia/Kuala_Lumpur');
      const utcDay = dayIn(lateLastNightUtc, 'UTC');
      const klDay = dayIn(lateLastNightUtc, 'Asia/Kuala_Lumpur');
      expect(klDay).toBe(addDays(utcDay, 1));
      expect(kl.window.lastDay).toBe(dayIn(new Date(), 'Asia/Kuala_Lumpur'));
      // Kuala Lumpur's first day began at 16:00 UTC the evening before.
      expect(kl.window.from).toBe(`${addDays(kl.window.firstDay, -1)}T16:00:00.000Z`);
      const standardOn = (body: TrendsResponse, day: string) => body.intakes.perDay.find((row) => row.day === day)?.byPriority.standard;
      expect(standardOn(utc, utcDay)).toBe(1);
      expect(standardOn(kl, klDay)).toBe(1);
      expect(standardOn(kl, utcDay) ?? 0).toBe(0);
    });

    it('starts each day at local midnight across a daylight-saving change', async () => {
      // 200 days always cross at least one of London's clock changes (March and October).
      const london = await trends('?days=200&tz=Europe/London');
      const from = new Date(london.window.from);
      const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(from);
      expect([dayIn(from, 'Europe/London'), time]).toEqual([london.window.firstDay, '00:00']);
      expect(dayIn(new Date(from.getTime() - 1), 'Europe/London')).toBe(addDays(london.window.firstDay, -1));
      expect(london.intakes.perDay).toHaveLength(200);
      // Every case of the last 200 days is counted once, whatever the offset on its day.
      expect(london.intakes.total).toBe(created.filter((c) => c.at >= from).length);
    });
  });

  describe('time to first response', () => {
    it('gives the median, p90 and share within target per priority, beside the target', async () => {
      const body = await trends('?days=30');
      expect(stats(body, 'emergency')).toEqual({
        priority: 'emergency',
        targetSeconds: 15 * 60,
        cases: 3,
        responded: 3,
        medianSeconds: 15 * 60,
        // percentile_cont over 5, 15, 25 min: 15 + 0.8 × 10 min = 23 min.
        p90Seconds: 23 * 60,
        withinTarget: 2,
        missed: 1,
        pending: 0,
        attainment: 2 / 3,
      });
      expect(stats(body, 'urgent')).toEqual({
        priority: 'urgent',
        targetSeconds: 60 * 60,
        cases: 7,
        responded: 5,
        medianSeconds: 30 * 60,
        // 10, 20, 30, 50, 90 min: 50 + 0.6 × 40 min = 74 min.
        p90Seconds: 74 * 60,
        withinTarget: 4,
        // Answered after 90 min, and never answered though due three days ago.
        missed: 2,
        pending: 1,
        attainment: 4 / 6,
      });
      // Judged by the due time the case carried (1 h after a rise in priority), not the 8 h of its priority.
      expect(stats(body, 'high')).toMatchObject({ targetSeconds: 8 * 3600, medianSeconds: 2 * 3600, withinTarget: 0, missed: 1, attainment: 0 });
      expect(stats(body, 'standard')).toMatchObject({ cases: 2, responded: 2, medianSeconds: 3600, withinTarget: 2, attainment: 1 });
    });

    it('counts the cases waiting past their target now, of any age, as the Overdue queue does', async () => {
      const body = await trends('?days=7');
      expect(body.firstResponse.waitingPastTargetNow).toEqual({ emergency: 1, urgent: 1, high: 0, standard: 0 });
      expect(stats(body, 'emergency').cases).toBe(3);
    });

    it('gives the same figures week by week, every week of the window listed', async () => {
      const body = await trends('?days=30');
      const weeks = [...new Set(body.firstResponse.weekly.map((row) => row.weekStart))];
      expect(body.firstResponse.weekly).toHaveLength(weeks.length * 4);
      for (const week of weeks) expect(new Date(`${week}T00:00:00Z`).getUTCDay()).toBe(1);
      const firstWeek = itemAt(weeks, 0, 'first week');
      const lastWeek = itemAt(weeks, weeks.length - 1, 'last week');
      expect(firstWeek <= body.window.firstDay && body.window.firstDay < addDays(firstWeek, 7)).toBe(true);
      expect(lastWeek <= body.window.lastDay && body.window.lastDay < addDays(lastWeek, 7)).toBe(true);

      const urgentWeek = present(weeks.filter((week) => week <= dayIn(ago(3 * DAY), 'UTC')).pop(), 'the week of the urgent cases');
      const row = (week: string, priority: Priority) =>
        found(
          body.firstResponse.weekly.find((r) => r.weekStart === week && r.priority === priority),
          `the ${priority} figures of the week of ${week}`,
        );
      expect(row(urgentWeek, 'urgent')).toMatchObject({ responded: 5, medianSeconds: 30 * 60, p90Seconds: 74 * 60, withinTarget: 4 });
      expect(row(firstWeek, 'urgent')).toEqual({
        weekStart: firstWeek,
        priority: 'urgent',
        responded: 0,
        medianSeconds: null,
        p90Seconds: null,
        withinTarget: 0,
        missed: 0,
        attainment: null,
      });
    });

    it('scales the targets with FOLLOW_UP_TIME_SCALE, as the countdowns do', async () => {
      const scaled = await startTestApi(db, testConfig(db.url, { followUpTimeScale: 0.001 }));
      try {
        const token = await scaled.tokenFor('supervisor');
        const body = bodyOf(await scaled.request('GET', '/api/trends', { token }), trendsResponseSchema);
        expect(body.firstResponse.byPriority.map((row) => row.targetSeconds)).toEqual([0.9, 3.6, 28.8, 172.8]);
      } finally {
        await scaled.close();
      }
    });
  });

  describe('takedowns and reports', () => {
    it('gives requests, removals, rejections, removal rate and median time to removal by platform', async () => {
      const body = await trends('?days=30');
      expect(body.takedowns.byPlatform).toEqual([
        { platform: 'Instagram', requests: 4, removed: 2, rejected: 1, open: 1, removalRate: 0.5, medianSecondsToRemoval: 20 * 3600 },
        // Rejected, then removed on appeal: a removal.
        { platform: 'Snapchat', requests: 2, removed: 2, rejected: 0, open: 0, removalRate: 1, medianSecondsToRemoval: 4 * 3600 },
      ]);
      // Median of 2, 6, 10 and 30 hours.
      expect(body.takedowns.total).toEqual({ requests: 6, removed: 4, rejected: 1, open: 1, removalRate: 4 / 6, medianSecondsToRemoval: 8 * 3600 });
    });

    it('includes older requests in a longer window, and never drafts', async () => {
      const body = await trends('?days=90');
      expect(body.takedowns.byPlatform.map((row) => [row.platform, row.requests])).toEqual([
        ['Instagram', 4],
        ['Snapchat', 2],
        ['TikTok', 1],
      ]);
    });

    it('gives reports filed by agency kind with the acknowledgement rate', async () => {
      const body = await trends('?days=30');
      expect(body.reports.byAgencyKind).toEqual([
        { agencyKind: 'police', filed: 2, acknowledged: 1, actioned: 0, noAction: 0, acknowledgementRate: 0.5, medianSecondsToAcknowledgement: 3 * 86400 },
        { agencyKind: 'cybercrime_unit', filed: 0, acknowledged: 0, actioned: 0, noAction: 0, acknowledgementRate: null, medianSecondsToAcknowledgement: null },
        { agencyKind: 'cybertipline', filed: 1, acknowledged: 1, actioned: 1, noAction: 0, acknowledgementRate: 1, medianSecondsToAcknowledgement: 12 * 3600 },
        { agencyKind: 'platform', filed: 0, acknowledged: 0, actioned: 0, noAction: 0, acknowledgementRate: null, medianSecondsToAcknowledgement: null },
      ]);
    });
  });
});
