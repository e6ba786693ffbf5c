import * as z from 'zod';
import { DATE_LIMITS } from '../limits';
import { isWithinDateLimits } from './date-limits';
import { FIELD_ERROR_CODES } from './storable-text';

/**
 * Every date-time field of a request: ISO 8601 with a zone (`Z` or an offset), within
 * DATE_LIMITS. Year 0 or 9999 is valid ISO but not a date anyone means, and PostgreSQL or
 * JavaScript cannot hold some of them. `error` is the format message.
 */
export function dateTime(error?: () => string) {
  return z.iso.datetime({ offset: true, ...(error ? { error } : {}) }).check((ctx) => {
    const at = Date.parse(ctx.value);
    // Not a date at all is the format check's to say.
    if (Number.isNaN(at) || isWithinDateLimits(at)) return;
    ctx.issues.push({
      code: 'custom',
      message: `must be between ${DATE_LIMITS.earliest.slice(0, 4)} and ${Number(DATE_LIMITS.latest.slice(0, 4)) - 1}`,
      input: ctx.value,
      params: { code: FIELD_ERROR_CODES.dateOutOfRange },
      continue: false,
    });
  });
}
