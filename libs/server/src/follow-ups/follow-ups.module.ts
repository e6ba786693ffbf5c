import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { FollowUpsController } from './follow-ups.controller';

/** The API side of follow-ups: a case's list. Planning them is FollowUpSchedulingModule (global). */
@Module({
  imports: [NotificationsModule],
  controllers: [FollowUpsController],
})
export class FollowUpsModule {}
