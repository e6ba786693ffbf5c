import * as z from 'zod';
import { DynamicModule, Module, NestApplicationOptions } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { Writable } from 'node:stream';
import { DEMO_ACCOUNTS } from '../accounts/demo-accounts';
import { seedDemoOrganisation } from '../accounts/demo-seed';
import { ApiFeaturesModule } from '../api-features.module';
import { AppConfig } from '../config/app-config';
import { AppConfigModule } from '../config/config.module';
import { DatabaseModule } from '../database/database.module';
import { mountQueueBoard } from '../admin/queue-board';
import { configureHttpApp } from '../http/configure-http-app';
import { AppLoggerModule, LOG_DESTINATION } from '../http/logger.module';
import { QueueModule } from '../queue/queue.module';
import { TestDatabase } from './test-database';

/** The same composition as apps/api's ApiModule, so integration specs exercise what production serves. */
@Module({})
class TestApiModule {
  static forRoot(config: AppConfig, logs?: Writable): DynamicModule {
    return {
      module: TestApiModule,
      imports: [AppConfigModule.forRoot(config), ...(logs ? [LogCaptureModule.to(logs)] : []), AppLoggerModule, DatabaseModule, QueueModule, ApiFeaturesModule],
    };
  }
}

/** Sends the app's logs to a stream the spec reads (see StartTestApiOptions.logs). */
@Module({})
class LogCaptureModule {
  static to(logs: Writable): DynamicModule {
    return { module: LogCaptureModule, global: true, providers: [{ provide: LOG_DESTINATION, useValue: logs }], exports: [LOG_DESTINATION] };
  }
}

export interface StartTestApiOptions {
  /**
   * Capture the logs, as main.ts writes them (request lines and Nest's own, through pino), in
   * this stream; set `logLevel` in the config too (testConfig makes the app silent).
   */
  logs?: Writable;
}

/**
 * A response as the specs read it. The body is whatever JSON came back, as `unknown`: specs read it
 * through its contract's schema (`bodyOf`, `errorOf` in answers.ts), never as a cast.
 */
export interface TestResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface TestApi {
  /** An Express app (what the API runs on), so a spec may read Express's own parts typed. */
  app: NestExpressApplication;
  baseUrl: string;
  /** fetch against the API with JSON in and out. */
  request(method: string, path: string, options?: { body?: unknown; token?: string; headers?: Record<string, string> }): Promise<TestResponse>;
  /** Signs in as a demo account (seeded with `password`) and returns its access token. */
  tokenFor(role: 'admin' | 'supervisor' | 'caseworker'): Promise<string>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'integration-test-password';

export async function startTestApi(db: TestDatabase, config: AppConfig, options: StartTestApiOptions = {}): Promise<TestApi> {
  await seedDemoOrganisation(db.dataSource, TEST_PASSWORD);
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- Nest types its options bag as a class; NestFactory reads a plain object's fields.
  const nestOptions: NestApplicationOptions = options.logs ? { bufferLogs: true } : { logger: false };
  const app = await NestFactory.create<NestExpressApplication>(TestApiModule.forRoot(config, options.logs), nestOptions);
  if (options.logs) app.useLogger(app.get(Logger));
  configureHttpApp(app);
  mountQueueBoard(app);
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');

  const request: TestApi['request'] = async (method, path, options = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON; keep the text
    }
    return { status: response.status, headers: response.headers, body };
  };

  return {
    app,
    baseUrl,
    request,
    async tokenFor(role) {
      const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role);
      const response = await request('POST', '/api/auth/login', { body: { email: account?.email, password: TEST_PASSWORD } });
      if (response.status !== 200) throw new Error(`Could not sign in as ${role}: ${response.status}`);
      return z.object({ accessToken: z.string() }).parse(response.body).accessToken;
    },
    close: () => app.close(),
  };
}
