import * as z from 'zod';

/** One problem with a request, named by its path in the body, e.g. `platforms[0].profileUrl`. */
export interface FieldError {
  path: string;
  message: string;
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
    }),
  ),
}) satisfies z.ZodType<ValidationErrorResponse>;

export const errorResponseSchema = z.strictObject({ statusCode: z.number().int(), error: z.string(), message: z.string() }) satisfies z.ZodType<ErrorResponse>;
