import { Logger } from '@nestjs/common';
import { Server } from 'node:http';
import { RequestHandler } from 'express';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { API_PREFIX, API_ROUTES } from '@sg/contracts';
import helmet from 'helmet';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { exposureWarnings } from '../security/startup-safety';
import { REQUEST_LOGGER } from './logger.module';
import { refuseDeepBodies } from './body-depth';
import { describeErrorAnswers } from './openapi-answers';

/** Largest request body accepted; bigger ones are answered 413 before any code runs. */
export const MAX_BODY_BYTES = '1mb';

/**
 * Everything about the HTTP surface that is not a controller: prefix, security headers, body
 * limits, OpenAPI. Shared by main.ts and the integration tests, so tests exercise the real setup.
 */
export function configureHttpApp(express: NestExpressApplication): void {
  express.setGlobalPrefix(API_PREFIX);
  // The web server on WEB_PORT proxies /api here; its X-Forwarded-For names the client for the
  // per-client limits, but only from the peers TRUST_PROXY names (loopback unless configured; in
  // containers the web server is another host on the private network).
  const config = express.get<AppConfig>(APP_CONFIG);
  const { trustProxy } = config;
  express.set('trust proxy', typeof trustProxy === 'number' ? trustProxy : [...trustProxy]);
  // No ETags: every answer is no-store (below), so no browser ever revalidates one, and Express
  // would otherwise hash each body it sends (a queue page's 30 KB, on every request).
  express.set('etag', false);
  // Before the body parser, so the requests it refuses (413, 415) have their line too.
  express.use(express.get<RequestHandler>(REQUEST_LOGGER));
  express.useBodyParser('json', { limit: MAX_BODY_BYTES });
  express.use(refuseDeepBodies);
  express.use(
    helmet({
      // Swagger UI needs inline scripts and styles; the rest of the API serves JSON only.
      contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'style-src': ["'self'", "'unsafe-inline'"] } },
    }),
  );
  // Every API answer is about people and changes by the second: no browser or proxy may keep one.
  express.use(`/${API_PREFIX}`, (_request: unknown, response: { setHeader(name: string, value: string): void }, next: () => void) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  express.enableShutdownHooks();
  // Loud, once listening (only then is the address known): see exposureWarnings.
  express.getHttpServer().once('listening', function (this: Server) {
    const logger = new Logger('Safety');
    for (const warning of exposureWarnings(config, this.address())) logger.warn(`\n${'!'.repeat(78)}\n  ${warning}\n${'!'.repeat(78)}`);
  });

  const document = SwaggerModule.createDocument(
    express,
    new DocumentBuilder()
      .setTitle('Safeguard Triage API')
      .setDescription('Intake, triage and case work for organisations helping people who are being sextorted.')
      .setVersion('0.1.0')
      .setLicense('MIT', 'https://opensource.org/licenses/MIT')
      .addBearerAuth()
      // Same origin: the document describes the API it is served by.
      .addServer('/')
      .build(),
  );
  markPublicOperations(document);
  describeErrorAnswers(document);
  SwaggerModule.setup(`${API_PREFIX}/${API_ROUTES.docs}`, express, document, {
    jsonDocumentUrl: `${API_PREFIX}/${API_ROUTES.docs}-json`,
  });
}

/**
 * Operations without a bearer requirement are public (the intake, the person's own case, the
 * directory, health, sign-in): say so with an explicit empty `security`, so a generated client
 * knows no token is sent, rather than leaving it unsaid.
 */
function markPublicOperations(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = item[method];
      if (operation && !operation.security) operation.security = [];
    }
  }
}
