import { Module } from '@nestjs/common';
import { ConversationModule } from '../conversation/conversation.module';
import { ResourcesModule } from '../resources/resources.module';
import { CaseAccessController } from './case-access.controller';
import { CaseAccessService } from './case-access.service';
import { CurrentCaseController } from './current-case.controller';

@Module({
  imports: [ResourcesModule, ConversationModule],
  controllers: [CaseAccessController, CurrentCaseController],
  providers: [CaseAccessService],
})
export class CaseAccessModule {}
