import { Module, RequestMethod } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import { HttpLogger, pinoHttp } from 'pino-http';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { ClientErrorFilter } from './client-error.filter';
import { clientNetwork, requestLogLevel, urlWithoutQueryValues } from './log-redaction';

/** Where the logs go instead of standard output, when provided (integration specs read them). */
export const LOG_DESTINATION = Symbol('LOG_DESTINATION');

/** The request-logging middleware; configureHttpApp mounts it ahead of the body parser. */
export const REQUEST_LOGGER = Symbol('REQUEST_LOGGER');

/** What a request line says about the request: no body, no headers, no address, no query values. */
interface LoggedRequest {
  id: unknown;
  method: string;
  url: string;
  raw: { ip?: string; socket?: { remoteAddress?: string } };
}

function requestLogger(config: AppConfig, destination: Writable | undefined): HttpLogger {
  return pinoHttp<IncomingMessage, ServerResponse>(
    {
      level: config.logLevel,
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/api/health') },
      serializers: {
        // Request bodies are never logged (they hold people's accounts of what happened to them);
        // neither are headers (credentials, a referring page's search, the address a proxy saw).
        req: (req: LoggedRequest) => ({
          id: req.id,
          method: req.method,
          url: urlWithoutQueryValues(req.url),
          client: clientNetwork(req.raw.ip ?? req.raw.socket?.remoteAddress),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, error) => requestLogLevel(res.statusCode, error !== undefined),
      // A refused or abandoned request is the client's business: no stack trace for it.
      customErrorObject: (_req, res, error, value: Record<string, unknown>) =>
        res.statusCode >= 500 ? value : { ...value, err: { type: error.name, message: error.message } },
    },
    ...(destination ? [destination] : []),
  );
}

/**
 * Structured JSON logs: one line per request (see requestLogger), and Nest's own lines through
 * the same pino logger, bound to the request they were written in.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      providers: [
        {
          provide: REQUEST_LOGGER,
          inject: [APP_CONFIG, { token: LOG_DESTINATION, optional: true }],
          useFactory: (config: AppConfig, destination?: Writable) => requestLogger(config, destination),
        },
      ],
      inject: [REQUEST_LOGGER],
      useFactory: (http: HttpLogger) => ({
        // The request logger is mounted by configureHttpApp (it must see requests the body
        // parser refuses); here it is only bound to each request's context.
        pinoHttp: { logger: http.logger },
        useExisting: true,
        // Express 5 route syntax; the library's default ('*') triggers a deprecation warning.
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
      }),
    }),
  ],
  providers: [{ provide: APP_FILTER, useClass: ClientErrorFilter }],
})
export class AppLoggerModule {}
