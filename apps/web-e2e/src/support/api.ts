import { APIResponse } from '@playwright/test';
import type * as z from 'zod';

/**
 * A response's JSON, parsed by its contract's schema (`@sg/contracts/schemas`): the test reads typed
 * fields, and an answer of another shape fails here, naming the field, instead of as `undefined`
 * further on.
 */
export async function bodyOf<S extends z.ZodType>(response: APIResponse, schema: S): Promise<z.output<S>> {
  return schema.parse(await response.json());
}
