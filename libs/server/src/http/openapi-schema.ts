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
