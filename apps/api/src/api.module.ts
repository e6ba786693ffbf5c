import { DynamicModule, Module } from '@nestjs/common';
import { ApiFeaturesModule, AppConfig, AppConfigModule, AppLoggerModule, DatabaseModule, QueueModule } from '@sg/server';

/** The HTTP API: composes the feature modules from @sg/server. No logic lives here. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [AppConfigModule.forRoot(config), AppLoggerModule, DatabaseModule, QueueModule, ApiFeaturesModule],
    };
  }
}
