import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';

/**
 * An error answer raised outside a controller (the rate limiter, the body parser, the database
 * being down) shaped as every other one: the contract's ErrorResponse, `statusCode`, `error` (the
 * status's name) and `message`, so a client reads them all the same way.
 */
export function errorAnswer(status: number, message: string): HttpException {
  return new HttpException(HttpException.createBody(message, STATUS_CODES[status] ?? 'Error', status), status);
}
