import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CaseEventsService } from './case-events.service';
import { EventsController } from './events.controller';

/** Live changes: one LISTEN connection per process, fanned out to the staff stream and the conversation's. */
@Module({
  imports: [AuthModule],
  controllers: [EventsController],
  providers: [CaseEventsService],
  exports: [CaseEventsService],
})
export class EventsModule {}
