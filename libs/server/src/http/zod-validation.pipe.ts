import { ArgumentMetadata, BadRequestException, PipeTransform } from '@nestjs/common';
import { FieldError, formatFieldPath, ValidationErrorResponse } from '@sg/contracts';
import { ZodType, core } from 'zod';

function isMissing(input: unknown, path: readonly PropertyKey[]): boolean {
  let value: unknown = input;
  for (const part of path) {
    if (value === null || typeof value !== 'object' || !(part in value)) return true;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value === undefined;
}

/**
 * Turns zod issues into one entry per offending field, with the field's path in the body. An issue
 * about the value as a whole is named `whole` (a path parameter's name, or "(body)").
 */
export function fieldErrors(issues: readonly core.$ZodIssue[], input: unknown, whole = '(body)'): FieldError[] {
  return issues.flatMap((issue): FieldError[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: formatFieldPath([...issue.path, key]), message: 'is not a field we accept' }));
    }
    const path = formatFieldPath(issue.path) || whole;
    if (issue.code !== 'custom' && issue.path.length > 0 && isMissing(input, issue.path)) return [{ path, message: 'is required' }];
    return [{ path, message: issue.message }];
  });
}

export function validationError(errors: FieldError[]): BadRequestException {
  const body: ValidationErrorResponse = {
    statusCode: 400,
    error: 'Bad Request',
    message: errors.length === 1 ? `${errors[0].path} ${errors[0].message}` : `${errors.length} fields need attention`,
    errors,
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
