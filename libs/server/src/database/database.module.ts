import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { postgresSessionOptions } from '../config/worker-config';
import { dataSourceOptions } from './data-source-options';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.databaseUrl, postgresSessionOptions(config), config.databasePoolSize),
        // The entities EntitiesModule registers (src/entities.ts), so this folder imports no feature.
        autoLoadEntities: true,
        // Fail fast with a clear message instead of retrying silently for minutes.
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    }),
  ],
})
export class DatabaseModule {}
