import { ExecutionContext, HttpStatus, Injectable, SetMetadata } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerLimitDetail } from '@nestjs/throttler';
import { Response } from 'express';
import { isRecord } from '@sg/domain';
import { errorAnswer } from './error-answer';

/**
 * Named limits. `default` applies to every endpoint; the others apply only to endpoints marked
 * with `@RateLimit(name)` (see `onlyWhereMarked`).
 */
export type RateLimitBucket = 'intake' | 'case-access' | 'login' | 'refresh';

export const RATE_LIMIT_BUCKET = 'rate-limit-bucket';
export const RateLimit = (bucket: RateLimitBucket) => SetMetadata(RATE_LIMIT_BUCKET, bucket);

/** A `skipIf` for a named limit: it applies only where the handler or its controller is marked. */
export function onlyWhereMarked(bucket: RateLimitBucket) {
  return (context: ExecutionContext) =>
    (Reflect.getMetadata(RATE_LIMIT_BUCKET, context.getHandler()) ?? Reflect.getMetadata(RATE_LIMIT_BUCKET, context.getClass())) !== bucket;
}

/**
 * The public intake limit is for anonymous clients; a helpline desk recording phone intakes
 * behind one address must not hit it. A bearer token that is not valid is refused by the auth
 * guard, so sending a made-up one does not get anyone past the limit.
 */
export function skipForStaff(context: ExecutionContext): boolean {
  return bearerTokenOf(context.switchToHttp().getRequest<Record<string, unknown>>()) !== undefined;
}

/** The token of a request that says it is signed in (`Authorization: Bearer …`), not yet verified. */
function bearerTokenOf(request: Record<string, unknown>): string | undefined {
  const headers = request['headers'];
  const authorization = isRecord(headers) ? headers['authorization'] : undefined;
  if (typeof authorization !== 'string' || !authorization.toLowerCase().startsWith('bearer ')) return undefined;
  return authorization.slice('bearer '.length).trim();
}

/**
 * The `default` limit's client: a staff request is counted per session (its bearer token, told
 * apart by the token's signature), anything else per address. A helpline office behind one
 * address must not run out of requests together because its dashboards re-read their queues on
 * every live change. A made-up token gets no further than the auth guard's 401.
 */
export function defaultTracker(request: Record<string, unknown>): string {
  const token = bearerTokenOf(request);
  return token === undefined ? String(request['ip']) : `session:${token.slice(token.lastIndexOf('.') + 1)}`;
}

/**
 * The `login` limit's client: address and the email typed. Only a string is read from the body
 * (no String() of whatever was sent: a deeply nested list there overflowed the stack); anything
 * else counts as no email, and the validation pipe then refuses the body with a 400.
 */
export function loginTracker(request: Record<string, unknown>): string {
  const body = request['body'];
  const email = isRecord(body) ? body['email'] : undefined;
  return `${String(request['ip'])}:${typeof email === 'string' ? email.trim().toLowerCase() : ''}`;
}

/** The throttler, answering `429` with a plain `Retry-After` (seconds) whichever limit was hit. */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const response = context.switchToHttp().getResponse<Response>();
    response.setHeader('Retry-After', String(Math.max(1, Math.ceil(detail.timeToBlockExpire))));
    return Promise.reject(errorAnswer(HttpStatus.TOO_MANY_REQUESTS, 'Too many requests from this connection. Please wait a little and try again.'));
  }
}
