import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { DataProtection } from './data-protection';

@Global()
@Module({
  providers: [{ provide: DataProtection, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new DataProtection(config.dataEncryptionKey) }],
  exports: [DataProtection],
})
export class SecurityModule {}
