import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { Writable } from 'node:stream';
import { Options as PinoHttpOptions } from 'pino-http';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';

/** Where the logs go instead of standard output, when provided (integration specs read them). */
export const LOG_DESTINATION = Symbol('LOG_DESTINATION');

/**
 * Structured JSON logs. Request bodies are never logged (they hold people's accounts of what
 * happened to them) and credentials are redacted.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG, { token: LOG_DESTINATION, optional: true }],
      useFactory: (config: AppConfig, destination?: Writable) => {
        const options: PinoHttpOptions = {
          level: config.logLevel,
          redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
          autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/api/health') },
        };
        return {
          // Express 5 route syntax; the library's default ('*') triggers a deprecation warning.
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: destination ? [options, destination] : options,
        };
      },
    }),
  ],
})
export class AppLoggerModule {}
