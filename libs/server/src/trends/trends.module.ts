import { Module } from '@nestjs/common';
import { TrendsController } from './trends.controller';
import { TrendsService } from './trends.service';

/** Supervisors' trends: intakes, first response against target, takedowns and reports over time. */
@Module({
  controllers: [TrendsController],
  providers: [TrendsService],
})
export class TrendsModule {}
