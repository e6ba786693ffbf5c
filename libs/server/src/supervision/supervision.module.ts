import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { QueueHealthService } from './queue-health.service';
import { SupervisionController } from './supervision.controller';

/** Queue health for supervisors. */
@Module({
  // Queue health drops its cached answer when a case changes (CaseEventsService).
  imports: [EventsModule],
  controllers: [SupervisionController],
  providers: [QueueHealthService],
})
export class SupervisionModule {}
