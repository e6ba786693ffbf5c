import { Module } from '@nestjs/common';
import { NotificationsService } from '../notifications/notifications.service';
import { ReportsService } from '../reports/reports.service';
import { TakedownsService } from '../takedowns/takedowns.service';
import { FollowUpsController } from './follow-ups.controller';

/** The API side of takedowns, reports, follow-ups and notifications. */
@Module({
  controllers: [FollowUpsController],
  providers: [TakedownsService, ReportsService, NotificationsService],
})
export class FollowUpsModule {}
