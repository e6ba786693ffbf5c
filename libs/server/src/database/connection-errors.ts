import { Logger } from '@nestjs/common';
import type { ClientBase } from 'pg';

const logger = new Logger('Database');

/** The code and message only: a driver error may quote a statement's parameters, never logged. */
export function describeDatabaseError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as Error & { code?: unknown }).code;
  return typeof code === 'string' ? `${code} ${error.message}` : error.message;
}

/**
 * For the pool's 'error' (an idle connection dropped: a PostgreSQL restart ends every connection
 * with 57P01). The pool discards it and opens a new one on the next checkout. The connection's
 * own listener (below) has already logged it, so this only keeps the pool's 'error' handled.
 */
export function ignorePoolError(): void {
  // logged by keepConnectionErrorsHandled
}

/**
 * For every connection a pool opens, for its whole life: a connection that drops while checked
 * out between two statements emits 'error' on its client, and an 'error' nobody listens to is
 * an uncaught exception that ends the process (under `npm start`, the API and web with it). The
 * statement in flight, if any, fails on its own and its transaction rolls back; the pool
 * discards the broken connection when it is released.
 */
export function keepConnectionErrorsHandled(client: ClientBase): void {
  client.on('error', (error) => logger.warn(`A database connection was lost (${describeDatabaseError(error)}); the pool replaces it`));
}

/** SQLSTATEs and socket errors that mean "the database cannot be reached", not "the request was wrong". */
const UNAVAILABLE_CODES = new Set(['57P01', '57P02', '57P03', '53300', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection terminated unexpectedly/i;

/**
 * True when `error` (a pg error, or TypeORM's wrapper of one) says the database is down or
 * restarting: the request's transaction rolled back and nothing was saved, so the answer is a
 * 503 to try again (http/client-error.filter.ts), not a 500 that reads as our fault.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let candidate: unknown = error, depth = 0; candidate && typeof candidate === 'object' && depth < 3; depth += 1) {
    const { code, message } = candidate as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
    candidate = (candidate as { driverError?: unknown; cause?: unknown }).driverError ?? (candidate as { cause?: unknown }).cause;
  }
  return false;
}
