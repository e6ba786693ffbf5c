import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { EventsModule } from '../events/events.module';
import { CaseQueriesService } from './case-queries.service';
import { CaseWorkService } from './case-work.service';
import { CasesController } from './cases.controller';

/** Case work for staff: queues, the case page and its commands. */
@Module({
  imports: [AuthModule, EventsModule],
  controllers: [CasesController],
  providers: [CaseQueriesService, CaseWorkService],
})
export class CasesModule {}
