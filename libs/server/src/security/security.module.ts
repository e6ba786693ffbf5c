import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { DataProtection, dataProtectionFor } from './data-protection';

@Global()
@Module({
  providers: [{ provide: DataProtection, inject: [APP_CONFIG], useFactory: (config: AppConfig) => dataProtectionFor(config) }],
  exports: [DataProtection],
})
export class SecurityModule {}
