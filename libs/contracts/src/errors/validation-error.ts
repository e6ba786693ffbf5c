import * as z from 'zod';

/** One problem with a request, named by its path in the body, e.g. `platforms[0].profileUrl`. */
export interface FieldError {
  path: string;
  /** In English, for API clients and logs. */
  message: string;
  /**
   * What is wrong, for a client to say in its reader's language: `required`, `unknown_field`,
   * `invalid_text`, `date_out_of_range`, `too_deep` (FIELD_ERROR_CODES), or zod's issue code
   * (`invalid_type`, `too_big`, `too_small`, `invalid_format`, `invalid_value`, `custom`).
   * Every 400 from the API sets it; the web's own form problems may leave it out.
   */
  code?: string;
  /** Details for the code, e.g. `{ maximum: 200 }` or a contract check's `{ reason: 'email' }`. */
  params?: Record<string, string | number | boolean>;
}

/** The body of every `400`: a summary plus every offending field. Nothing was stored. */
export interface ValidationErrorResponse {
  statusCode: 400;
  error: 'Bad Request';
  message: string;
  errors: FieldError[];
}

/** The body of every other error (401, 403, 404, 409, 413, 422, 429, ...). */
export interface ErrorResponse {
  statusCode: number;
  error: string;
  message: string;
}

/** The bodies above as schemas, for the OpenAPI document. */
export const validationErrorResponseSchema = z.strictObject({
  statusCode: z.literal(400),
  error: z.literal('Bad Request'),
  message: z.string(),
  errors: z.array(
    z.strictObject({
      path: z.string().meta({ description: 'The field, e.g. platforms[0].profileUrl', example: 'platforms[0].profileUrl' }),
      message: z.string().meta({ example: 'must be a full web address starting with http:// or https://' }),
      code: z.string().meta({
        description: 'Machine code: required, unknown_field, invalid_text, date_out_of_range, too_deep, or a zod issue code',
        example: 'invalid_format',
      }),
      params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    }),
  ),
}) satisfies z.ZodType<ValidationErrorResponse>;

export const errorResponseSchema = z.strictObject({ statusCode: z.number().int(), error: z.string(), message: z.string() }) satisfies z.ZodType<ErrorResponse>;
