import { FUNDERS_EXPORT_COLUMNS, FUNDERS_MIN_COUNT, FUNDERS_SUPPRESSED } from '@sg/contracts';
import { knownPlatformName } from '@sg/domain';
import { FundersCountRow } from './funders-export.repository';

export type FundersCsvRow = Record<(typeof FUNDERS_EXPORT_COLUMNS)[number], string>;

/** Platforms typed as anything but a well-known name are counted together under this. */
export const OTHER_PLATFORM = 'other';

const MEASURE_ORDER = ['cases', 'takedowns', 'reports'];
const BREAKDOWN_ORDER = ['priority', 'country', 'channel', 'outcome', 'platform', 'agency_kind'];

/** A count as the CSV writes it: under FUNDERS_MIN_COUNT (and not zero) it is `<5`. */
export function suppressSmallCount(count: number): string {
  return count > 0 && count < FUNDERS_MIN_COUNT ? FUNDERS_SUPPRESSED : String(count);
}

/**
 * The CSV's rows from the repository's counts: platforms named only when well known (free text
 * could hold a name; the rest is `other`), counts of one name merged ("instagram", "IG") before
 * small ones are suppressed, and rows in a stable order (month, measure, breakdown, value, result).
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
  return [...merged.values()]
    .sort(
      (a, b) =>
        a.month.localeCompare(b.month) ||
        rank(MEASURE_ORDER, a.measure) - rank(MEASURE_ORDER, b.measure) ||
        rank(BREAKDOWN_ORDER, a.breakdown) - rank(BREAKDOWN_ORDER, b.breakdown) ||
        a.value.localeCompare(b.value) ||
        a.result.localeCompare(b.result),
    )
    .map((row) => ({
      month: row.month,
      measure: row.measure,
      breakdown: row.breakdown,
      value: row.value,
      result: row.result,
      count: suppressSmallCount(row.count),
    }));
}
