import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module';
import { SecurityModule } from '../security/security.module';
import { KeysProcessor } from './keys.processor';
import { KeysScheduler } from './keys.scheduler';

/** The worker side of key rotation: the re-sealing job and its schedule. */
@Module({
  imports: [QueueModule, SecurityModule],
  providers: [KeysProcessor, KeysScheduler],
})
export class KeysWorkerModule {}
