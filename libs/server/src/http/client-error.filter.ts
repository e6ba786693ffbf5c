import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';
import { isDatabaseUnavailable } from '../database/connection-errors';
import { errorAnswer } from './error-answer';

/** Seconds a client is asked to wait before trying again while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** An error raised for the client's request before any controller ran (body-parser's `http-errors`). */
interface ClientHttpError {
  status: number;
  expose: true;
  message: string;
}

function isClientHttpError(exception: unknown): exception is ClientHttpError {
  if (typeof exception !== 'object' || exception === null || exception instanceof HttpException) return false;
  const { status, expose } = exception as Partial<ClientHttpError>;
  return expose === true && typeof status === 'number' && status >= 400 && status < 500;
}

/**
 * The body parser refuses a body too large (413), in a charset or encoding it cannot read (415)
 * or that is not JSON (400) before any controller runs. Nest answers those with their status but
 * logs them as its own errors, stack and all; they are the client's, so they are answered the
 * same way as any HttpException and only the request line (a warning) records them.
 */
/*
 * And while PostgreSQL is down or restarting, a request's transaction fails and rolls back:
 * nothing was saved, and the same request will work in a moment. That is a 503 with
 * Retry-After (the intake page and idempotent retries already treat it so), logged as one
 * warning line, not a 500 with a stack that reads as a bug.
 */
@Catch()
export class ClientErrorFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('Database');

  override catch(exception: unknown, host: ArgumentsHost): void {
    if (isDatabaseUnavailable(exception) && host.getType() === 'http') {
      this.logger.warn('A request failed because the database cannot be reached; answered 503');
      host.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      const message = 'The service is briefly unavailable. Nothing was saved; please try again in a moment.';
      return super.catch(errorAnswer(HttpStatus.SERVICE_UNAVAILABLE, message), host);
    }
    if (!isClientHttpError(exception)) return super.catch(exception, host);
    super.catch(errorAnswer(exception.status, exception.message), host);
  }
}
