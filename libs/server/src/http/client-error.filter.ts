import { ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';

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
@Catch()
export class ClientErrorFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    if (!isClientHttpError(exception)) return super.catch(exception, host);
    super.catch(new HttpException({ statusCode: exception.status, message: exception.message }, exception.status), host);
  }
}
