import { Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  API_ROUTES,
  NotificationList,
  NotificationListQuery,
  notificationListQuerySchema,
  NotificationView,
  notificationListSchema,
  notificationViewSchema,
} from '@sg/contracts/schemas';
import { CurrentStaff, Roles } from '../auth/auth.decorators';
import { StaffPrincipal } from '../auth/staff-principal';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { NotificationsService } from './notifications.service';
import { ApiAnswer } from '../http/openapi-schema';

const uuid = (what: string) => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException(`No ${what} with that id`) });

/** The bell: a member's notifications, and marking one done. */
@ApiTags('follow-ups')
@ApiBearerAuth()
@Controller()
@Roles('caseworker', 'supervisor', 'admin')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @ApiOperation({ summary: 'List your notifications (the bell)' })
  @Get(API_ROUTES.notifications)
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'all'] })
  @ApiAnswer(200, notificationListSchema, 'Your notifications, with the open count and unread messages')
  listNotifications(
    @Query(new ZodValidationPipe(notificationListQuerySchema)) query: NotificationListQuery,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<NotificationList> {
    return this.notifications.list(staff, query.status === 'open');
  }

  @ApiOperation({ summary: 'Mark a notification done for everyone it went to' })
  @Post(`${API_ROUTES.notifications}/:id/done`)
  @HttpCode(200)
  @ApiAnswer(200, notificationViewSchema, 'The notification, done')
  markDone(@Param('id', uuid('notification')) id: string, @CurrentStaff() staff: StaffPrincipal): Promise<NotificationView> {
    return this.notifications.markDone(staff, id);
  }
}
