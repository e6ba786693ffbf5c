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
});
