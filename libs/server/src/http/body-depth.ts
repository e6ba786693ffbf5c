import { FIELD_ERROR_CODES, MAX_BODY_DEPTH, ValidationErrorResponse } from '@sg/contracts';
import { NextFunction, Request, Response } from 'express';

/**
 * Whether a parsed JSON body nests objects and lists deeper than `max` (the body itself is depth
 * 1). Walked with a stack of its own, not by recursion, so a 500,000-deep list cannot overflow
 * this check the way it overflowed code that later turned a field into a string.
 */
export function nestsDeeperThan(body: unknown, max: number): boolean {
  const pending: Array<{ node: unknown; depth: number }> = [{ node: body, depth: 1 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { node, depth } = next;
    if (node === null || typeof node !== 'object') continue;
    if (depth > max) return true;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (child !== null && typeof child === 'object') pending.push({ node: child, depth: depth + 1 });
    }
  }
  return false;
}

/**
 * Express middleware, right after the JSON parser: a body nested deeper than any contract is
 * answered 400 before a guard, the rate limiter or a pipe looks at it.
 */
export function refuseDeepBodies(request: Request, response: Response, next: NextFunction): void {
  if (!nestsDeeperThan(request.body, MAX_BODY_DEPTH)) return next();
  const body: ValidationErrorResponse = {
    statusCode: 400,
    error: 'Bad Request',
    message: `(body) nests deeper than ${MAX_BODY_DEPTH} levels`,
    errors: [{ path: '(body)', message: `nests deeper than ${MAX_BODY_DEPTH} levels`, code: FIELD_ERROR_CODES.tooDeep, params: { maximum: MAX_BODY_DEPTH } }],
  };
  response.status(400).json(body);
}
