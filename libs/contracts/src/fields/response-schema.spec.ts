import * as z from 'zod';
import { responseSchemaOf } from './response-schema';

interface Answer {
  id: string;
  doneAt: string | null;
  note?: string;
}

/*
 * The check is the compiler's: each `@ts-expect-error` below fails the type-check of this spec (and
 * so the test run) if the mismatch under it ever compiles, so the guard cannot quietly stop guarding.
 */
describe('responseSchemaOf', () => {
  it('takes a schema of the same shape, and returns it as it is', () => {
    const schema = z.strictObject({ id: z.string(), doneAt: z.string().nullable(), note: z.string().optional() });
    expect(responseSchemaOf<Answer>()(schema)).toBe(schema);
  });

  it('refuses a schema that differs from the type in any direction (a compile error)', () => {
    // @ts-expect-error a field of the type is missing from the schema (even an optional one)
    responseSchemaOf<Answer>()(z.strictObject({ id: z.string(), doneAt: z.string().nullable() }));
    // @ts-expect-error the schema has a field the type does not
    responseSchemaOf<Answer>()(z.strictObject({ id: z.string(), doneAt: z.string().nullable(), note: z.string().optional(), extra: z.number() }));
    // @ts-expect-error a field's type differs (null not allowed by the schema)
    responseSchemaOf<Answer>()(z.strictObject({ id: z.string(), doneAt: z.string(), note: z.string().optional() }));
    // @ts-expect-error a field's type differs (number, not string)
    responseSchemaOf<Answer>()(z.strictObject({ id: z.number(), doneAt: z.string().nullable(), note: z.string().optional() }));
  });
});
