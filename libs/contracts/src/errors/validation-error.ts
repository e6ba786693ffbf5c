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

/** ['platforms', 0, 'profileUrl'] → 'platforms[0].profileUrl' */
export function formatFieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    const name = String(part);
    return text ? `${text}.${name}` : name;
  }, '');
}
