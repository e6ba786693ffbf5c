import * as z from 'zod';
import { validationErrorResponseSchema } from '@sg/contracts/schemas';
import { present } from '@sg/domain';
import type { EntityManager } from 'typeorm';
import type { TestResponse } from './api-test-app';

/**
 * What a spec reads from a `TestApi` answer, parsed instead of cast: the contract's zod schema
 * (`@sg/contracts/schemas`) checks the whole body, so a spec that reads `detail.version` also fails
 * when the answer stops matching its contract, naming the field, rather than reading `undefined`.
 */
export function bodyOf<S extends z.ZodType>(response: Pick<TestResponse, 'body'>, schema: S): z.output<S> {
  return schema.parse(response.body);
}

/**
 * An error answer (401, 403, 404, 409, ...): the fields every one has, and whatever else it carries
 * (a 409's `current`, a claim refusal's `holder`) kept as `unknown` for the spec to parse.
 */
const errorAnswerSchema = z.looseObject({ statusCode: z.number().int(), error: z.string(), message: z.string() });

export function errorOf(response: Pick<TestResponse, 'body'>): z.output<typeof errorAnswerSchema> {
  return errorAnswerSchema.parse(response.body);
}

/** A 400's answer: its summary and every offending field, as the contract describes it. */
export function validationErrorsOf(response: Pick<TestResponse, 'body'>): z.output<typeof validationErrorResponseSchema> {
  return validationErrorResponseSchema.parse(response.body);
}

/** The paths a 400 names, in order (`['platforms[0].profileUrl', ...]`). */
export function errorPathsOf(response: Pick<TestResponse, 'body'>): string[] {
  return validationErrorsOf(response).errors.map((error) => error.path);
}

/** What a spec runs its own SQL on: a DataSource, an EntityManager or a QueryRunner. */
type Queryable = Pick<EntityManager, 'query'>;

/**
 * The rows of a spec's own SQL, typed as the spec declares its select list (as repositories do
 * with `query<Row[]>`), so nothing read from them is `any`.
 */
export function rowsOf<Row>(runner: Queryable, sql: string, params?: unknown[]): Promise<Row[]> {
  return runner.query<Row[]>(sql, params);
}

/** The first row of a spec's own SQL, or an error naming the statement when it found none. */
export async function firstRowOf<Row>(runner: Queryable, sql: string, params?: unknown[]): Promise<Row> {
  return present((await rowsOf<Row>(runner, sql, params))[0], `a row from ${sql.trim().replace(/\s+/g, ' ')}`);
}
