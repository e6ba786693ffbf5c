import * as z from 'zod';
import { FUNDERS_MAX_MONTHS } from './funders-export-columns';

/** The last `months` calendar months (UTC), the current one included. */
export const fundersExportQuerySchema = z.strictObject({
  months: z.coerce.number().int('must be a whole number of months').min(1).max(FUNDERS_MAX_MONTHS).default(12),
});
export type FundersExportQuery = z.input<typeof fundersExportQuerySchema>;
