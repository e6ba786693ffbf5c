import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CaseEventsModule } from './case-events.module';
import { EventsController } from './events.controller';

/** Live changes: one LISTEN connection per process, fanned out to the staff stream and the conversation's. */
@Module({
  imports: [AuthModule, CaseEventsModule],
  controllers: [EventsController],
  exports: [CaseEventsModule],
})
export class EventsModule {}
