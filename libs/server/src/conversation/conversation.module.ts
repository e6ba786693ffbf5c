import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { QueueModule } from '../queue/queue.module';
import { ConversationService } from './conversation.service';
import { PersonConversationController } from './person-conversation.controller';
import { PersonSessionGuard } from './person-session.guard';
import { PersonSessionService } from './person-session.service';
import { StaffConversationController } from './staff-conversation.controller';

/** The conversation with the person: both sides, the person's access sessions, live updates. */
@Module({
  imports: [EventsModule, QueueModule],
  controllers: [PersonConversationController, StaffConversationController],
  providers: [ConversationService, PersonSessionService, PersonSessionGuard],
  // The person's open case (case-access/current-case.controller.ts) is named by the same session.
  exports: [PersonSessionService, PersonSessionGuard],
})
export class ConversationModule {}
