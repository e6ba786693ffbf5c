import { Module } from '@nestjs/common';
import { CaseEventsService } from '../events/case-events.service';
import { EventsController } from '../events/events.controller';
import { StaffController } from '../staff/staff.controller';
import { QueueHealthService } from '../supervision/queue-health.service';
import { SupervisionController } from '../supervision/supervision.controller';
import { CaseQueriesService } from './case-queries.service';
import { CaseWorkService } from './case-work.service';
import { CasesController } from './cases.controller';

/** Case work for staff: queues, the case page and its commands, live events, supervision. */
@Module({
  controllers: [CasesController, EventsController, StaffController, SupervisionController],
  providers: [CaseQueriesService, CaseWorkService, CaseEventsService, QueueHealthService],
})
export class CasesModule {}
