import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CaseEventsService } from '../events/case-events.service';
import { EventsController } from '../events/events.controller';
import { StaffAccountsService } from '../staff/staff-accounts.service';
import { StaffController } from '../staff/staff.controller';
import { QueueHealthService } from '../supervision/queue-health.service';
import { SupervisionController } from '../supervision/supervision.controller';
import { CaseQueriesService } from './case-queries.service';
import { CaseWorkService } from './case-work.service';
import { CasesController } from './cases.controller';

/** Case work for staff: queues, the case page and its commands, live events, supervision. */
@Module({
  imports: [AuthModule],
  controllers: [CasesController, EventsController, StaffController, SupervisionController],
  providers: [CaseQueriesService, CaseWorkService, CaseEventsService, QueueHealthService, StaffAccountsService],
})
export class CasesModule {}
