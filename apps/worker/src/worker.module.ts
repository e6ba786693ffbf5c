import { DynamicModule, Module } from '@nestjs/common';
import {
  AppConfig,
  AppConfigModule,
  AppLoggerModule,
  CaseLinksWorkerModule,
  ConversationWorkerModule,
  DatabaseModule,
  EntitiesModule,
  FollowUpsWorkerModule,
  KeysWorkerModule,
  RetentionWorkerModule,
  SystemWorkerModule,
} from '@sg/server';

/** The queue worker: the same feature libraries as the API, processors only, no controllers. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
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
