import type { OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, ParameterObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { errorResponseSchema, validationErrorResponseSchema } from '@sg/contracts/schemas';
import { openApiSchema } from './openapi-schema';

const ERROR_BODY = 'ErrorResponse';
const VALIDATION_ERROR_BODY = 'ValidationErrorResponse';
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** What the error answers that apply everywhere mean, when a handler says nothing more precise. */
const GENERIC: Record<string, string> = {
  '400': 'The request is not valid: every offending field, by path; nothing was changed',
  '401': 'No valid sign-in: send "Authorization: Bearer <token>"',
  '403': 'Signed in, but not allowed: a role this is not open to, or a sign-in that must first enrol a second factor (TOTP_REQUIRED_ROLES)',
  '404': 'Nothing with that id (a malformed id is not found either)',
  '429': 'Too many requests from this connection or session; see Retry-After',
};

/**
 * The error answers every operation can give, added to the document after Nest has written it,
 * so no controller has to repeat them: 429 everywhere (the default rate limit covers every
 * endpoint), 401 where a staff token is needed, 403 where a token is needed unless every role may
 * call it while enrolling a second factor (`x-roles`, `x-allowed-during-enrolment`, written by
 * `@Roles` and `@AllowDuringEnrolment`), 400 where a body or query is validated, 404 where the path
 * names something. Every 4xx carries the shared error body (400 the validation body);
 * a handler's own description of a status (a 409's meaning) is kept.
 */
export function describeErrorAnswers(document: OpenAPIObject): void {
  document.components ??= {};
  document.components.schemas = {
    ...document.components.schemas,
    // Loose: some refusals say more (a 409 carries the current case, a 403 during enrolment a `code`).
    [ERROR_BODY]: openApiSchema(errorResponseSchema.loose(), 'output'),
    [VALIDATION_ERROR_BODY]: openApiSchema(validationErrorResponseSchema, 'output'),
  };
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (operation) describeOperationErrors(operation);
    }
  }
}

function describeOperationErrors(operation: OperationObject): void {
  const parameters = (operation.parameters ?? []).filter((parameter): parameter is ParameterObject => 'in' in parameter);
  const needsToken = (operation.security ?? []).length > 0;
  const extensions = operation as OperationObject & { 'x-roles'?: string[]; 'x-allowed-during-enrolment'?: boolean };
  const applies = [
    '429',
    ...(needsToken ? ['401'] : []),
    ...(needsToken && (!extensions['x-allowed-during-enrolment'] || extensions['x-roles'] !== undefined) ? ['403'] : []),
    ...(operation.requestBody || parameters.some((parameter) => parameter.in === 'query') ? ['400'] : []),
    ...(parameters.some((parameter) => parameter.in === 'path') ? ['404'] : []),
  ];
  const responses = operation.responses;
  for (const status of applies) responses[status] ??= { description: GENERIC[status] ?? 'Refused' };
  for (const [status, response] of Object.entries(responses)) {
    // A `$ref` answer is described where it points; none of ours is one.
    if (!/^4\d\d$/.test(status) || !response || '$ref' in response || response.content) continue;
    response.content = { 'application/json': { schema: ref(status === '400' ? VALIDATION_ERROR_BODY : ERROR_BODY) } };
  }
}
