import { Module } from '@nestjs/common';
import { CaseDeletionController, LegalHoldController, RetentionSettingsController } from './retention.controller';
import { RetentionService } from './retention.service';

/** Retention with legal hold, the API side: the setting, holds, and the person's deletion request. The purge is RetentionWorkerModule's. */
@Module({
  controllers: [RetentionSettingsController, LegalHoldController, CaseDeletionController],
  providers: [RetentionService],
})
export class RetentionModule {}
