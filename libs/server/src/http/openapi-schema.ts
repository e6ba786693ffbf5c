import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';

/**
 * A contract schema as an OpenAPI 3.0 Schema Object. zod's default target is JSON Schema
 * draft 2020-12, whose `type: [.., "null"]`, `const` and `$schema` are not valid in the 3.0
 * document @nestjs/swagger writes; the `openapi-3.0` target writes `nullable`, `enum` instead.
 * `io: 'input'` for request bodies (what a client sends), `'output'` for answers.
 */
export function openApiSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): SchemaObject {
  return z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as SchemaObject;
}

/** For `@ApiBody(...)`: a request body documented from its contract schema. */
export const openApiBody = (schema: z.ZodType) => ({ schema: openApiSchema(schema, 'input') });

/**
 * For a controller method: every field of a query contract as an optional query parameter with
 * its schema, so the document (and the fuzz test that reads it) knows what a list takes.
 */
export const ApiQueryFrom = (schema: z.ZodObject) =>
  applyDecorators(...Object.entries(schema.shape).map(([name, field]) => ApiQuery({ name, required: false, schema: openApiSchema(field as z.ZodType) })));
