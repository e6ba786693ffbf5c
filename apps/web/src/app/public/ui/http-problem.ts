import { HttpErrorResponse } from '@angular/common/http';
import type { FieldError } from '@sg/contracts';
import { Translatable, translatable, isRecord } from '@sg/domain';

/** What went wrong with a request, in the terms the pages act on. */
export type HttpProblem =
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'not-found' }
  | { kind: 'too-large' }
  | { kind: 'rate-limited'; retryAfterSeconds: number }
  /** 409: the same submission is still being processed; ask again with the same key shortly. */
  | { kind: 'busy' }
  /** 422: the idempotency key was already used for different answers. */
  | { kind: 'key-reused' }
  /** No answer at all, or the server or proxy could not help: worth trying again. */
  | { kind: 'unreachable' };

const DEFAULT_WAIT_SECONDS = 30;

/** `Retry-After` is either seconds or an HTTP date. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number {
  if (!header) return DEFAULT_WAIT_SECONDS;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(1, Math.ceil(seconds));
  const at = Date.parse(header);
  return Number.isNaN(at) ? DEFAULT_WAIT_SECONDS : Math.max(1, Math.ceil((at - now) / 1000));
}

export function toHttpProblem(error: unknown, now = Date.now()): HttpProblem {
  if (!(error instanceof HttpErrorResponse)) return { kind: 'unreachable' };
  switch (error.status) {
    case 400: {
      const body: unknown = error.error;
      // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- a 400 from the API is its ValidationErrorResponse (the contract): a list of FieldErrors.
      return { kind: 'invalid', errors: isRecord(body) && Array.isArray(body['errors']) ? (body['errors'] as FieldError[]) : [] };
    }
    case 404:
      return { kind: 'not-found' };
    case 409:
      return { kind: 'busy' };
    case 422:
      return { kind: 'key-reused' };
    case 413:
      return { kind: 'too-large' };
    case 429:
      return { kind: 'rate-limited', retryAfterSeconds: retryAfterSeconds(error.headers.get('Retry-After'), now) };
    default:
      return { kind: 'unreachable' };
  }
}

/** "20 seconds", "2 minutes", as a catalogue key with its count (rendered with `| t`). */
export function describeWait(seconds: number): Translatable {
  if (seconds < 60) return translatable('person.intake.wait.seconds', { count: seconds });
  return translatable('person.intake.wait.minutes', { count: Math.ceil(seconds / 60) });
}
