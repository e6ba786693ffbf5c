import type * as z from 'zod';

/** True when A and B name the same properties: mutual assignability alone lets an optional one slip through. */
type SameKeys<A, B> = [Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>] extends [never] ? true : false;
/** A and B are assignable both ways and have the same top-level properties. */
export type SameShape<A, B> = [A] extends [B] ? ([B] extends [A] ? SameKeys<A, B> : false) : false;

/**
 * An answer's schema, checked by the compiler against the interface the web app and the services
 * use: `responseSchemaOf<CaseDetail>()(z.strictObject({...}))` compiles only when the schema's
 * output and `CaseDetail` are the same shape, both ways. The OpenAPI document is written from the
 * schema (`ApiAnswer` in libs/server), so the document, the server and the web cannot drift.
 * (Curried so `T` is given and the schema's type inferred.)
 */
export const responseSchemaOf =
  <T>() =>
  <S extends z.ZodType>(schema: S & (SameShape<z.output<S>, T> extends true ? unknown : { 'the schema does not match the type': [z.output<S>, T] })): S =>
    schema;
