import * as z from 'zod';

/** The HTTP methods the API's operations use, as the OpenAPI document's path items key them. */
export const OPENAPI_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
export type OpenApiMethod = (typeof OPENAPI_METHODS)[number];

/** A JSON object of the document (a schema, a media type, ...), read by key. */
export type JsonObject = Record<string, unknown>;
export const jsonObjectSchema = z.record(z.string(), z.unknown());

/** Whether a value of the document is a JSON object (not null, not a list). */
export const isJsonObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What the specs read of an operation in `/api/docs-json`; everything else it has is kept,
 * unread. Parsing the document with these fails, naming the place, where it is not even shaped
 * like an OpenAPI document.
 */
export const openApiOperationSchema = z.looseObject({
  operationId: z.unknown().optional(),
  summary: z.unknown().optional(),
  requestBody: z.unknown().optional(),
  security: z.array(z.unknown()).optional(),
  parameters: z.array(z.looseObject({ in: z.unknown().optional() })).optional(),
  responses: z
    .record(z.string(), z.looseObject({ content: z.record(z.string(), z.looseObject({ schema: jsonObjectSchema.optional() })).optional() }))
    .optional(),
  'x-allowed-during-enrolment': z.unknown().optional(),
  'x-roles': z.unknown().optional(),
});

const pathItemSchema = z.looseObject({
  get: openApiOperationSchema.optional(),
  put: openApiOperationSchema.optional(),
  post: openApiOperationSchema.optional(),
  delete: openApiOperationSchema.optional(),
  patch: openApiOperationSchema.optional(),
});

/** The served OpenAPI document, as far as the specs read it by its shape (components and the rest kept as they are). */
export const openApiDocumentSchema = z.looseObject({ paths: z.record(z.string(), pathItemSchema) });

export type OpenApiDocument = z.output<typeof openApiDocumentSchema>;
export type OpenApiOperation = z.output<typeof openApiOperationSchema>;
export type OpenApiResponse = NonNullable<OpenApiOperation['responses']>[string];
