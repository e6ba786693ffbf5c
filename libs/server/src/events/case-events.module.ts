import { Module } from '@nestjs/common';
import { CaseEventsService } from './case-events.service';

/**
 * The process's one LISTEN connection alone, for a process that serves no stream: the worker plans
 * a new case's follow-ups from it. EventsModule adds the staff stream on top.
 */
@Module({
  providers: [CaseEventsService],
  exports: [CaseEventsService],
})
export class CaseEventsModule {}
