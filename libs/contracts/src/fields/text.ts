import * as z from 'zod';
import { FIELD_ERROR_CODES, unstorableText } from './storable-text';

/**
 * Every free-text field of a request starts here instead of `z.string()`: the same string schema,
 * which also refuses text PostgreSQL cannot store (see unstorableText), checked first on what was
 * sent (before any trim), once, naming the field. `error` is z.string's own (the wrong-type message).
 */
export function text(params?: Parameters<typeof z.string>[0]): z.ZodString {
  return z.string(params).check((ctx) => {
    const problem = unstorableText(ctx.value);
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value, params: { code: FIELD_ERROR_CODES.invalidText }, continue: false });
  });
}
