import { applyDecorators } from '@nestjs/common';
import { ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';

/**
 * A contract schema as an OpenAPI 3.0 Schema Object. zod's default target is JSON Schema
 * draft 2020-12, whose `type: [.., "null"]`, `const` and `$schema` are not valid in the 3.0
 * document @nestjs/swagger writes; the `openapi-3.0` target writes `nullable`, `enum` instead.
 * `io: 'input'` for request bodies (what a client sends), `'output'` for answers.
 */
export function openApiSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): SchemaObject {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- zod's JSON Schema type and @nestjs/swagger's SchemaObject describe the same document; with target openapi-3.0 (and nullInNullableEnums) zod writes the 3.0 dialect.
  return nullInNullableEnums(z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' })) as SchemaObject;
}

/**
 * OpenAPI 3.0.3: `nullable` does not widen an `enum`, so a nullable enum (zod's `z.enum([...]).nullable()`,
 * e.g. a message's `nudge`) must list `null` itself, or a validator refuses the null the API sends.
 */
function nullInNullableEnums(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullInNullableEnums);
  if (!node || typeof node !== 'object') return node;
  const out = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, key === 'enum' ? value : nullInNullableEnums(value)]));
  if (out['nullable'] === true && Array.isArray(out['enum']) && !out['enum'].includes(null)) out['enum'] = [...(out['enum'] as unknown[]), null];
  return out;
}

/** For `@ApiBody(...)`: a request body documented from its contract schema. */
export const openApiBody = (schema: z.ZodType) => ({ schema: openApiSchema(schema, 'input') });

/**
 * For a controller method: every field of a query contract as an optional query parameter with
 * its schema, so the document (and the fuzz test that reads it) knows what a list takes.
 */
export const ApiQueryFrom = (schema: z.ZodObject<Record<string, z.ZodType>>) =>
  applyDecorators(...Object.entries(schema.shape).map(([name, field]) => ApiQuery({ name, required: false, schema: openApiSchema(field) })));

/**
 * A success answer documented from its contract schema (`responseSchemaOf` in @sg/contracts),
 * and held to it: the decorator only compiles on a handler whose return type is the schema's
 * output, so the handler, the document and the web's type (the same contract) cannot drift.
 */
export function ApiAnswer<S extends z.ZodType>(status: 200 | 201, schema: S, description: string) {
  const document = ApiResponse({ status, description, schema: openApiSchema(schema, 'output') });
  return <F extends (...args: never[]) => Promise<z.output<S>> | z.output<S>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<F>,
  ): void => {
    document(target, key, descriptor);
    const operationId = `${target.constructor.name}_${String(key)}`;
    if (answerContracts.has(operationId)) throw new Error(`${operationId}: two @ApiAnswer contracts for one operation`);
    answerContracts.set(operationId, { status, schema });
  };
}

/** The contract an operation's JSON success answer is documented from. */
export interface AnswerContract {
  readonly status: 200 | 201;
  readonly schema: z.ZodType;
}

const answerContracts = new Map<string, AnswerContract>();

/**
 * Every `@ApiAnswer` of the controllers loaded so far, by the operationId @nestjs/swagger gives
 * the handler (`Controller_method`, its default). The one map from operation to contract type: the
 * generated-types test (openapi-types.int.spec.ts) reads it, so an operation with a JSON answer
 * but no contract here fails that test instead of going unchecked.
 */
export const answerContractsByOperationId = (): ReadonlyMap<string, AnswerContract> => answerContracts;

/** A success answer that is not JSON: a file (PDF, CSV) or a server-sent event stream. */
export const ApiFileAnswer = (mediaType: 'application/pdf' | 'text/csv' | 'text/event-stream', description: string) =>
  ApiResponse({
    status: 200,
    description,
    content: {
      [mediaType]: {
        schema:
          mediaType === 'text/event-stream'
            ? { type: 'string', description: 'Server-sent events, one JSON `data:` line each' }
            : { type: 'string', format: 'binary' },
      },
    },
  });
