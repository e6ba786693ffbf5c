/**
 * The funders' CSV (`GET /api/trends/funders-export?months=12`): one row per month, measure,
 * breakdown and value, aggregates only. A count under FUNDERS_MIN_COUNT is written as `<5`:
 * a small cell (one 15-year-old in one country in one month) can point at a person. So is a larger
 * cell withheld so that a small one cannot be worked out by subtraction (complementary suppression).
 */
export const FUNDERS_EXPORT_COLUMNS = ['month', 'measure', 'breakdown', 'value', 'result', 'count'] as const;
export const FUNDERS_MIN_COUNT = 5;
export const FUNDERS_SUPPRESSED = '<5';
export const FUNDERS_MAX_MONTHS = 36;
