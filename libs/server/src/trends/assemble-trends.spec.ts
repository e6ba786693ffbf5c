import { assembleTrends, TrendsRows, TrendsWindow } from './assemble-trends';
import { FirstResponseRow } from './trends.repository';
import { itemAt } from '@sg/domain';

const DAY = 24 * 3_600_000;
const start = Date.parse('2026-11-29T23:00:00Z'); // midnight 30 Nov in Europe/Berlin (UTC+1)

/** Bounds for `days` days from 2026-11-30, in weeks from Monday 2026-11-30. */
function bounds(days: number): TrendsRows['bounds'] {
  const labels = Array.from({ length: days }, (_, i) => new Date(Date.parse('2026-11-30T00:00:00Z') + i * DAY).toISOString().slice(0, 10));
  const dayStarts = Array.from({ length: days + 1 }, (_, i) => new Date(start + i * DAY));
  const weekCount = Math.ceil(days / 7);
  const weeks = Array.from({ length: weekCount }, (_, i) => itemAt(labels, i * 7, 'day label'));
  const weekStarts = [...Array.from({ length: weekCount }, (_, i) => new Date(start + i * 7 * DAY)), itemAt(dayStarts, days, 'end of window')];
  return { days: labels, dayStarts, weeks, weekStarts };
}

function rows(overrides: Partial<TrendsRows> = {}): TrendsRows {
  return { bounds: bounds(1), perDay: [], firstResponse: [], waitingPastTarget: [], takedowns: [], reports: [], ...overrides };
}

const window: TrendsWindow = { days: 1, timeZone: 'Europe/Berlin', followUpTimeScale: 1, generatedAt: new Date('2026-11-30T12:00:00Z') };

function firstResponseRow(row: Partial<FirstResponseRow> & Pick<FirstResponseRow, 'week' | 'rank'>): FirstResponseRow {
  return { cases: 0, responded: 0, median: null, p90: null, within: 0, missed: 0, pending: 0, ...row };
}

describe('assembleTrends', () => {
  it('answers an empty window with every day, priority and agency kind present, zeros and no rates', () => {
    const trends = assembleTrends(window, rows());

    expect(trends.generatedAt).toBe('2026-11-30T12:00:00.000Z');
    expect(trends.window).toEqual({ days: 1, timeZone: 'Europe/Berlin', firstDay: '2026-11-30', lastDay: '2026-11-30', from: '2026-11-29T23:00:00.000Z' });
    expect(trends.intakes).toEqual({
      total: 0,
      byPriority: { emergency: 0, urgent: 0, high: 0, standard: 0 },
      perDay: [{ day: '2026-11-30', total: 0, byPriority: { emergency: 0, urgent: 0, high: 0, standard: 0 } }],
    });
    expect(trends.firstResponse.byPriority).toEqual([
      {
        priority: 'emergency',
        targetSeconds: 900,
        cases: 0,
        responded: 0,
        medianSeconds: null,
        p90Seconds: null,
        withinTarget: 0,
        missed: 0,
        pending: 0,
        attainment: null,
      },
      {
        priority: 'urgent',
        targetSeconds: 3600,
        cases: 0,
        responded: 0,
        medianSeconds: null,
        p90Seconds: null,
        withinTarget: 0,
        missed: 0,
        pending: 0,
        attainment: null,
      },
      {
        priority: 'high',
        targetSeconds: 28_800,
        cases: 0,
        responded: 0,
        medianSeconds: null,
        p90Seconds: null,
        withinTarget: 0,
        missed: 0,
        pending: 0,
        attainment: null,
      },
      {
        priority: 'standard',
        targetSeconds: 172_800,
        cases: 0,
        responded: 0,
        medianSeconds: null,
        p90Seconds: null,
        withinTarget: 0,
        missed: 0,
        pending: 0,
        attainment: null,
      },
    ]);
    expect(trends.firstResponse.weekly).toEqual(
      ['emergency', 'urgent', 'high', 'standard'].map((priority) => ({
        weekStart: '2026-11-30',
        priority,
        responded: 0,
        medianSeconds: null,
        p90Seconds: null,
        withinTarget: 0,
        missed: 0,
        attainment: null,
      })),
    );
    expect(trends.firstResponse.waitingPastTargetNow).toEqual({ emergency: 0, urgent: 0, high: 0, standard: 0 });
    expect(trends.takedowns).toEqual({
      byPlatform: [],
      total: { requests: 0, removed: 0, rejected: 0, open: 0, removalRate: null, medianSecondsToRemoval: null },
    });
    expect(trends.reports.byAgencyKind).toEqual(
      ['police', 'cybercrime_unit', 'cybertipline', 'platform'].map((agencyKind) => ({
        agencyKind,
        filed: 0,
        acknowledged: 0,
        actioned: 0,
        noAction: 0,
        acknowledgementRate: null,
        medianSecondsToAcknowledgement: null,
      })),
    );
  });

  it('puts each per-day row in its day (1-based bucket) and priority (rank), and totals them', () => {
    const trends = assembleTrends(
      { ...window, days: 3 },
      rows({
        bounds: bounds(3),
        perDay: [
          { day: 1, rank: 0, count: 2 },
          { day: 1, rank: 3, count: 1 },
          { day: 3, rank: 2, count: 4 },
        ],
      }),
    );

    expect(trends.window).toMatchObject({ days: 3, firstDay: '2026-11-30', lastDay: '2026-12-02' });
    expect(trends.intakes.perDay).toEqual([
      { day: '2026-11-30', total: 3, byPriority: { emergency: 2, urgent: 0, high: 0, standard: 1 } },
      { day: '2026-12-01', total: 0, byPriority: { emergency: 0, urgent: 0, high: 0, standard: 0 } },
      { day: '2026-12-02', total: 4, byPriority: { emergency: 0, urgent: 0, high: 4, standard: 0 } },
    ]);
    expect(trends.intakes.total).toBe(7);
    expect(trends.intakes.byPriority).toEqual({ emergency: 2, urgent: 0, high: 4, standard: 1 });
  });

  it('reads first-response medians and percentiles from pg numerics, to the millisecond, and rates attainment on decided cases', () => {
    const trends = assembleTrends(
      { ...window, days: 10 },
      rows({
        bounds: bounds(10),
        firstResponse: [
          firstResponseRow({ week: null, rank: 1, cases: 5, responded: 4, median: '1800.0004', p90: '3599.9996', within: 3, missed: 1, pending: 1 }),
          firstResponseRow({ week: 1, rank: 1, cases: 3, responded: 3, median: '1200', p90: '2400.5', within: 2, missed: 1 }),
          firstResponseRow({ week: 2, rank: 1, cases: 2, responded: 1, median: '3000', p90: '3000', within: 1, missed: 0, pending: 1 }),
          firstResponseRow({ week: null, rank: 3, cases: 1, responded: 0, pending: 1 }),
        ],
        waitingPastTarget: [
          { rank: 0, count: 2 },
          { rank: 3, count: 5 },
        ],
      }),
    );

    expect(trends.firstResponse.byPriority[1]).toEqual({
      priority: 'urgent',
      targetSeconds: 3600,
      cases: 5,
      responded: 4,
      medianSeconds: 1800,
      p90Seconds: 3600,
      withinTarget: 3,
      missed: 1,
      pending: 1,
      attainment: 0.75,
    });
    // Nothing decided yet: pending is neither met nor missed.
    expect(trends.firstResponse.byPriority[3]).toMatchObject({ priority: 'standard', cases: 1, pending: 1, medianSeconds: null, attainment: null });
    expect(trends.firstResponse.weekly.map((w) => w.weekStart)).toEqual([...Array<string>(4).fill('2026-11-30'), ...Array<string>(4).fill('2026-12-07')]);
    expect(trends.firstResponse.weekly.filter((w) => w.priority === 'urgent')).toEqual([
      { weekStart: '2026-11-30', priority: 'urgent', responded: 3, medianSeconds: 1200, p90Seconds: 2400.5, withinTarget: 2, missed: 1, attainment: 2 / 3 },
      { weekStart: '2026-12-07', priority: 'urgent', responded: 1, medianSeconds: 3000, p90Seconds: 3000, withinTarget: 1, missed: 0, attainment: 1 },
    ]);
    expect(trends.firstResponse.waitingPastTargetNow).toEqual({ emergency: 2, urgent: 0, high: 0, standard: 5 });
  });

  it('scales the first-response targets like every other duration', () => {
    const trends = assembleTrends({ ...window, followUpTimeScale: 0.001 }, rows());
    expect(trends.firstResponse.byPriority.map((p) => p.targetSeconds)).toEqual([0.9, 3.6, 28.8, 172.8]);
  });

  it('lists takedown platforms in the order given, keeps the total row apart and computes removal rates', () => {
    const trends = assembleTrends(
      window,
      rows({
        takedowns: [
          { platform: 'Instagram', requests: 4, removed: 3, rejected: 1, open: 0, median: '7200' },
          { platform: 'TikTok', requests: 1, removed: 0, rejected: 0, open: 1, median: null },
          { platform: null, requests: 5, removed: 3, rejected: 1, open: 1, median: '5400.25' },
        ],
      }),
    );

    expect(trends.takedowns).toEqual({
      byPlatform: [
        { platform: 'Instagram', requests: 4, removed: 3, rejected: 1, open: 0, removalRate: 0.75, medianSecondsToRemoval: 7200 },
        { platform: 'TikTok', requests: 1, removed: 0, rejected: 0, open: 1, removalRate: 0, medianSecondsToRemoval: null },
      ],
      total: { requests: 5, removed: 3, rejected: 1, open: 1, removalRate: 0.6, medianSecondsToRemoval: 5400.25 },
    });
  });

  it('gives every agency kind in the domain order, with acknowledgement rates where something was filed', () => {
    const trends = assembleTrends(
      window,
      rows({
        reports: [
          { kind: 'platform', filed: 4, acknowledged: 1, actioned: 1, noAction: 0, median: '86400' },
          { kind: 'police', filed: 2, acknowledged: 2, actioned: 0, noAction: 1, median: '3600.1236' },
        ],
      }),
    );

    expect(trends.reports.byAgencyKind).toEqual([
      { agencyKind: 'police', filed: 2, acknowledged: 2, actioned: 0, noAction: 1, acknowledgementRate: 1, medianSecondsToAcknowledgement: 3600.124 },
      { agencyKind: 'cybercrime_unit', filed: 0, acknowledged: 0, actioned: 0, noAction: 0, acknowledgementRate: null, medianSecondsToAcknowledgement: null },
      { agencyKind: 'cybertipline', filed: 0, acknowledged: 0, actioned: 0, noAction: 0, acknowledgementRate: null, medianSecondsToAcknowledgement: null },
      { agencyKind: 'platform', filed: 4, acknowledged: 1, actioned: 1, noAction: 0, acknowledgementRate: 0.25, medianSecondsToAcknowledgement: 86400 },
    ]);
  });
});
