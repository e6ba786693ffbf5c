import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { EventsModule } from '../events/events.module';
import { StaffAccountsService } from '../staff/staff-accounts.service';
import { StaffController } from '../staff/staff.controller';
import { QueueHealthService } from '../supervision/queue-health.service';
import { SupervisionController } from '../supervision/supervision.controller';
import { CaseQueriesService } from './case-queries.service';
import { CaseWorkService } from './case-work.service';
import { CasesController } from './cases.controller';

/** Case work for staff: queues, the case page and its commands, supervision. */
@Module({
  imports: [AuthModule, EventsModule],
  controllers: [CasesController, StaffController, SupervisionController],
  providers: [CaseQueriesService, CaseWorkService, QueueHealthService, StaffAccountsService],
})
export class CasesModule {}
