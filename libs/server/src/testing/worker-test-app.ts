import { DynamicModule, INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { AppConfigModule } from '../config/config.module';
import { workerConfig } from '../config/worker-config';
import { DatabaseModule } from '../database/database.module';
import { EntitiesModule } from '../entities';
import { FollowUpsWorkerModule } from '../follow-ups/follow-ups-worker.module';
import { ConversationWorkerModule } from '../conversation/conversation-worker.module';
import { AppLoggerModule } from '../http/logger.module';
import { SystemWorkerModule } from '../system/system-worker.module';
import { RetentionWorkerModule } from '../retention/retention-worker.module';
import { KeysWorkerModule } from '../keys/keys-worker.module';
import { CaseLinksWorkerModule } from '../case-links/case-links-worker.module';

/** The same composition and configuration as apps/worker's: processors only, no HTTP. */
@Module({})
class TestWorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: TestWorkerModule,
      imports: [
        AppConfigModule.forRoot(workerConfig(config)),
        AppLoggerModule,
        DatabaseModule,
        EntitiesModule,
        SystemWorkerModule,
        FollowUpsWorkerModule,
        ConversationWorkerModule,
        RetentionWorkerModule,
        KeysWorkerModule,
        CaseLinksWorkerModule,
      ],
    };
  }
}

/** A worker process's worth of processors, in this test process. Close it to stop it. */
export function startTestWorker(config: AppConfig): Promise<INestApplicationContext> {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment -- Nest types its options bag as a class; NestFactory reads a plain object's fields.
  return NestFactory.createApplicationContext(TestWorkerModule.forRoot(config), { logger: false });
}
