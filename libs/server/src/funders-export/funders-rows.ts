import { FUNDERS_EXPORT_COLUMNS, FUNDERS_MIN_COUNT, FUNDERS_SUPPRESSED } from '@sg/contracts';
import { knownPlatformName, PublishedCount, suppressSmallCounts } from '@sg/domain';
import { FundersCountRow, PURGED_VALUE } from './funders-export.repository';

export type FundersCsvRow = Record<(typeof FUNDERS_EXPORT_COLUMNS)[number], string>;

/** Platforms typed as anything but a well-known name are counted together under this. */
export const OTHER_PLATFORM = 'other';

const MEASURE_ORDER = ['cases', 'takedowns', 'reports'];
const BREAKDOWN_ORDER = ['priority', 'country', 'channel', 'outcome', 'platform', 'agency_kind'];

/** A count on its own as the CSV writes it: under FUNDERS_MIN_COUNT (and not zero) it is `<5` (fundersRows may withhold more). */
export function suppressSmallCount(count: number): string {
  return count > 0 && count < FUNDERS_MIN_COUNT ? FUNDERS_SUPPRESSED : String(count);
}

/**
 * What a reader of the CSV knows beyond each cell, for complementary suppression (`suppressSmallCounts`
 * in the domain lib). The CSV publishes no total row, but a month's cases appear four times, by
 * priority, country, channel and outcome, and each breakdown adds up to the month's total: a
 * breakdown with no `<5` gives the total, and even without one, equal sums tie the small cells
 * together. So each (month, cases, breakdown) is a group with a known total. A purged case counts
 * under `purged` in country, channel and outcome alike, so those three cells are twins (equal).
 * Takedowns (platform x result) and reports (agency kind x status) appear once, with no total by
 * row, column or month and nothing else adding up to them: no group, only cells under 5 withheld.
 */
function publishedCount(row: FundersCountRow): PublishedCount {
  if (row.measure !== 'cases') return { count: row.count, group: null };
  const group = [row.month, row.measure, row.breakdown].join('\u0000');
  return row.value === PURGED_VALUE && row.breakdown !== 'priority'
    ? { count: row.count, group, twin: [row.month, PURGED_VALUE].join('\u0000') }
    : { count: row.count, group };
}

/**
 * The CSV's rows from the repository's counts: platforms named only when well known (free text
 * could hold a name; the rest is `other`), counts of one name merged ("instagram", "IG") before
 * small ones are suppressed, and rows in a stable order (month, measure, breakdown, value, result).
 * Every count from 1 to 4 is written `<5`, and so is any cell withheld so that a `<5` cannot be
 * worked out by subtracting the rest of its breakdown from the month's total (`publishedCount`).
 */
export function fundersRows(counts: readonly FundersCountRow[]): FundersCsvRow[] {
  const merged = new Map<string, FundersCountRow>();
  for (const row of counts) {
    const value = row.measure === 'takedowns' ? (knownPlatformName(row.value) ?? OTHER_PLATFORM) : row.value;
    const key = [row.month, row.measure, row.breakdown, value, row.result].join('\u0000');
    const held = merged.get(key);
    if (held) held.count += row.count;
    else merged.set(key, { ...row, value });
  }
  const rank = (order: string[], value: string) => (order.includes(value) ? order.indexOf(value) : order.length);
  const sorted = [...merged.values()].sort(
    (a, b) =>
      a.month.localeCompare(b.month) ||
      rank(MEASURE_ORDER, a.measure) - rank(MEASURE_ORDER, b.measure) ||
      rank(BREAKDOWN_ORDER, a.breakdown) - rank(BREAKDOWN_ORDER, b.breakdown) ||
      a.value.localeCompare(b.value) ||
      a.result.localeCompare(b.result),
  );
  const withheld = suppressSmallCounts(sorted.map(publishedCount), FUNDERS_MIN_COUNT);
  return sorted.map((row, i) => ({
    month: row.month,
    measure: row.measure,
    breakdown: row.breakdown,
    value: row.value,
    result: row.result,
    count: withheld[i] ? FUNDERS_SUPPRESSED : String(row.count),
  }));
}
