import { fundersRows, suppressSmallCount } from './funders-rows';
import { FundersCountRow } from './funders-export.repository';

const row = (changes: Partial<FundersCountRow>): FundersCountRow => ({
  month: '2026-11',
  measure: 'cases',
  breakdown: 'country',
  value: 'MY',
  result: '',
  count: 5,
  ...changes,
});

describe('suppressSmallCount', () => {
  it('writes every count from 1 to 4 as <5, and 5 and more as themselves', () => {
    expect([1, 2, 3, 4].map(suppressSmallCount)).toEqual(['<5', '<5', '<5', '<5']);
    expect([5, 6, 120].map(suppressSmallCount)).toEqual(['5', '6', '120']);
    expect(suppressSmallCount(0)).toBe('0');
  });
});

describe('fundersRows', () => {
  it('merges one platform typed several ways before suppressing, so 3 + 2 shows as 5', () => {
    const rows = fundersRows([
      row({ measure: 'takedowns', breakdown: 'platform', value: 'instagram', result: 'removed', count: 3 }),
      row({ measure: 'takedowns', breakdown: 'platform', value: 'ig', result: 'removed', count: 2 }),
    ]);
    expect(rows).toEqual([{ month: '2026-11', measure: 'takedowns', breakdown: 'platform', value: 'Instagram', result: 'removed', count: '5' }]);
  });

  it('never names a platform typed as free text', () => {
    const rows = fundersRows([row({ measure: 'takedowns', breakdown: 'platform', value: "sarah's school forum", result: 'open', count: 7 })]);
    expect(rows.map((r) => r.value)).toEqual(['other']);
  });

  it('orders by month, then cases, takedowns, reports, then breakdown and value', () => {
    const rows = fundersRows([
      row({ month: '2026-12', value: 'GB' }),
      row({ measure: 'reports', breakdown: 'agency_kind', value: 'police', result: 'filed' }),
      row({ breakdown: 'priority', value: 'urgent', count: 2 }),
      row({ value: 'GB' }),
    ]);
    expect(rows.map((r) => [r.month, r.measure, r.breakdown, r.value, r.count])).toEqual([
      ['2026-11', 'cases', 'priority', 'urgent', '<5'],
      ['2026-11', 'cases', 'country', 'GB', '5'],
      ['2026-11', 'reports', 'agency_kind', 'police', '5'],
      ['2026-12', 'cases', 'country', 'GB', '5'],
    ]);
  });

  it("withholds a month's next-smallest cell where one <5 would be the month's total minus the rest of its breakdown", () => {
    const rows = fundersRows([
      row({ breakdown: 'priority', value: 'urgent', count: 12 }),
      row({ breakdown: 'country', value: 'MY', count: 6 }),
      row({ breakdown: 'country', value: 'GB', count: 5 }),
      row({ breakdown: 'country', value: 'US', count: 1 }),
      row({ month: '2026-12', breakdown: 'country', value: 'US', count: 1 }),
      row({ month: '2026-12', breakdown: 'country', value: 'MY', count: 9 }),
      row({ measure: 'takedowns', breakdown: 'platform', value: 'tiktok', result: 'removed', count: 2 }),
      row({ measure: 'takedowns', breakdown: 'platform', value: 'tiktok', result: 'open', count: 8 }),
    ]);
    expect(rows.map((r) => [r.month, r.measure, r.value, r.result, r.count])).toEqual([
      ['2026-11', 'cases', 'urgent', '', '12'],
      ['2026-11', 'cases', 'GB', '', '<5'],
      ['2026-11', 'cases', 'MY', '', '6'],
      ['2026-11', 'cases', 'US', '', '<5'],
      // Takedowns publish no total (by platform, result or month), so only the small cell goes.
      ['2026-11', 'takedowns', 'TikTok', 'open', '8'],
      ['2026-11', 'takedowns', 'TikTok', 'removed', '<5'],
      ['2026-12', 'cases', 'MY', '', '<5'],
      ['2026-12', 'cases', 'US', '', '<5'],
    ]);
  });

  it('withholds the purged count in country, channel and outcome together, as the three are equal', () => {
    const rows = fundersRows([
      row({ breakdown: 'country', value: 'US', count: 1 }),
      row({ breakdown: 'country', value: 'purged', count: 6 }),
      row({ breakdown: 'country', value: 'MY', count: 6 }),
      row({ breakdown: 'channel', value: 'chat', count: 1 }),
      row({ breakdown: 'channel', value: 'web', count: 6 }),
      row({ breakdown: 'channel', value: 'purged', count: 6 }),
      row({ breakdown: 'outcome', value: 'open', count: 7 }),
      row({ breakdown: 'outcome', value: 'purged', count: 6 }),
      row({ breakdown: 'priority', value: 'standard', count: 13 }),
    ]);
    const shown = Object.fromEntries(rows.map((r) => [`${r.breakdown} ${r.value}`, r.count]));
    expect(shown).toEqual({
      'priority standard': '13',
      'country MY': '<5',
      'country US': '<5',
      'country purged': '<5',
      'channel chat': '<5',
      'channel purged': '<5',
      'channel web': '6',
      // Purged is withheld here as a twin, which leaves it alone in its group: open goes too.
      'outcome open': '<5',
      'outcome purged': '<5',
    });
  });
});
