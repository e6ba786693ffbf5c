import { ArgumentMetadata, BadRequestException, PipeTransform } from '@nestjs/common';
import { FIELD_ERROR_CODES, FieldError, formatFieldPath, ValidationErrorResponse } from '@sg/contracts';
import { ZodType, core } from 'zod';

function isMissing(input: unknown, path: readonly PropertyKey[]): boolean {
  let value: unknown = input;
  for (const part of path) {
    if (value === null || typeof value !== 'object' || !(part in value)) return true;
    value = Reflect.get(value, part) as unknown;
  }
  return value === undefined;
}

type Param = string | number | boolean;

/** A custom issue's `params` (a contract check's code and details), kept if they are plain values. */
function customParams(issue: core.$ZodIssue): Record<string, Param> {
  if (issue.code !== 'custom' || !issue.params) return {};
  return Object.fromEntries(
    Object.entries(issue.params).filter((entry): entry is [string, Param] => ['string', 'number', 'boolean'].includes(typeof entry[1])),
  );
}

/** The limit a too_big/too_small issue broke, as a client needs it to say so. */
function limitParams(issue: core.$ZodIssue): Record<string, Param> {
  if (issue.code === 'too_big') return { maximum: Number(issue.maximum) };
  if (issue.code === 'too_small') return { minimum: Number(issue.minimum) };
  return {};
}

function withParams(error: FieldError, params: Record<string, Param>): FieldError {
  return Object.keys(params).length ? { ...error, params } : error;
}

/**
 * Turns zod issues into one entry per offending field, with the field's path in the body and a
 * machine code (FieldError.code). An issue about the value as a whole is named `whole` (a path
 * parameter's name, or "(body)").
 */
export function fieldErrors(issues: readonly core.$ZodIssue[], input: unknown, whole = '(body)'): FieldError[] {
  // zod runs length checks on any value with a length, so a list sent for a text is also "too
  // short": once a field is the wrong type, that is all there is to say about it.
  const wrongType = new Set(issues.filter((issue) => issue.code === 'invalid_type').map((issue) => formatFieldPath(issue.path)));
  const relevant = issues.filter((issue) => issue.code === 'invalid_type' || !wrongType.has(formatFieldPath(issue.path)));
  return relevant.flatMap((issue): FieldError[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: formatFieldPath([...issue.path, key]),
        message: 'is not a field we accept',
        code: FIELD_ERROR_CODES.unknownField,
      }));
    }
    const path = formatFieldPath(issue.path) || whole;
    if (issue.code !== 'custom' && issue.path.length > 0 && isMissing(input, issue.path))
      return [{ path, message: 'is required', code: FIELD_ERROR_CODES.required }];
    const { code, ...params } = { ...limitParams(issue), ...customParams(issue) };
    return [withParams({ path, message: issue.message, code: typeof code === 'string' ? code : issue.code }, params)];
  });
}

/** A 400 naming the fields; an error without a code is `invalid` (a server-side check such as a taken key). */
export function validationError(errors: ReadonlyArray<Omit<FieldError, 'code'> & { code?: string }>): BadRequestException {
  const named = errors.map((error): FieldError => ({ ...error, code: error.code ?? 'invalid' }));
  const [first] = named;
  const body: ValidationErrorResponse = {
    statusCode: 400,
    error: 'Bad Request',
    message: named.length === 1 && first ? `${first.path} ${first.message}` : `${named.length} fields need attention`,
    errors: named,
  };
  return new BadRequestException(body);
}

/**
 * Validates a body, query or path parameter against a contract schema; `400` lists every
 * offending field, nothing runs. A bad path parameter is named by its name (`key`).
 */
export class ZodValidationPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly schema: ZodType<T>) {}

  transform(value: unknown, metadata?: ArgumentMetadata): T {
    const param = metadata?.type === 'param' && metadata.data ? metadata.data : undefined;
    const input = param ? value : (value ?? {});
    const result = this.schema.safeParse(input);
    if (!result.success) throw validationError(fieldErrors(result.error.issues, input, param));
    return result.data;
  }
}
