import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiBearerAuth, ApiBody, ApiConflictResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  API_ROUTES,
  FollowUpView,
  NotificationList,
  NotificationListQuery,
  notificationListQuerySchema,
  NotificationView,
  ReportView,
  TakedownView,
  reportCreateSchema,
  reportUpdateSchema,
  takedownCreateSchema,
  takedownUpdateSchema,
} from '@sg/contracts/schemas';
import * as z from 'zod';
import { AuditDeniedCaseReads } from '../audit/denied-case-read.interceptor';
import { CurrentStaff, Roles } from '../auth/auth.decorators';
import { StaffPrincipal } from '../auth/staff-principal';
import { openApiBody } from '../http/openapi-schema';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { NotificationsService } from '../notifications/notifications.service';
import { ReportsService } from '../reports/reports.service';
import { TakedownsService } from '../takedowns/takedowns.service';
import { followUpListSchema, notificationListSchema, notificationViewSchema, reportListSchema, reportViewSchema, takedownListSchema, takedownViewSchema } from '@sg/contracts/schemas';
import { ApiAnswer } from '../http/openapi-schema';

const doc = openApiBody;
const uuid = (what: string) => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException(`No ${what} with that id`) });

/** Takedowns, reports and the follow-ups they drive, and the notifications follow-ups raise. */
@ApiTags('follow-ups')
@ApiBearerAuth()
@Controller()
@Roles('caseworker', 'supervisor', 'admin')
export class FollowUpsController {
  constructor(
    private readonly takedowns: TakedownsService,
    private readonly reports: ReportsService,
    private readonly notifications: NotificationsService,
  ) {}

  @ApiOperation({ summary: "List a case's takedown requests" })
  @Get(`${API_ROUTES.cases}/:id/takedowns`)
  @AuditDeniedCaseReads()
  @ApiAnswer(200, takedownListSchema, "The case's takedown requests")
  listTakedowns(@Param('id', uuid('case')) caseId: string, @CurrentStaff() staff: StaffPrincipal): Promise<TakedownView[]> {
    return this.takedowns.list(staff, caseId);
  }

  @ApiOperation({ summary: 'Record a takedown request to a platform' })
  @Post(`${API_ROUTES.cases}/:id/takedowns`)
  @ApiBody(doc(takedownCreateSchema))
  @ApiAnswer(201, takedownViewSchema, 'The takedown request as recorded')
  createTakedown(@Param('id', uuid('case')) caseId: string, @Body(new ZodValidationPipe(takedownCreateSchema)) body: z.output<typeof takedownCreateSchema>, @CurrentStaff() staff: StaffPrincipal): Promise<TakedownView> {
    return this.takedowns.create(staff, caseId, body);
  }

  @ApiOperation({ summary: 'Move a takedown request on, or record its ticket' })
  @Patch(`${API_ROUTES.takedowns}/:id`)
  @ApiBody(doc(takedownUpdateSchema))
  @ApiConflictResponse({ description: 'A move the takedown lifecycle does not allow' })
  @ApiAnswer(200, takedownViewSchema, 'The takedown request as it now is')
  updateTakedown(@Param('id', uuid('takedown request')) id: string, @Body(new ZodValidationPipe(takedownUpdateSchema)) body: z.output<typeof takedownUpdateSchema>, @CurrentStaff() staff: StaffPrincipal): Promise<TakedownView> {
    return this.takedowns.update(staff, id, body);
  }

  @ApiOperation({ summary: "List a case's reports to agencies" })
  @Get(`${API_ROUTES.cases}/:id/reports`)
  @AuditDeniedCaseReads()
  @ApiAnswer(200, reportListSchema, "The case's reports")
  listReports(@Param('id', uuid('case')) caseId: string, @CurrentStaff() staff: StaffPrincipal): Promise<ReportView[]> {
    return this.reports.list(staff, caseId);
  }

  @ApiOperation({ summary: 'Record a report to an agency' })
  @Post(`${API_ROUTES.cases}/:id/reports`)
  @ApiBody(doc(reportCreateSchema))
  @ApiAnswer(201, reportViewSchema, 'The report as recorded')
  createReport(@Param('id', uuid('case')) caseId: string, @Body(new ZodValidationPipe(reportCreateSchema)) body: z.output<typeof reportCreateSchema>, @CurrentStaff() staff: StaffPrincipal): Promise<ReportView> {
    return this.reports.create(staff, caseId, body);
  }

  @ApiOperation({ summary: "Move a report on, or record the agency's reference" })
  @Patch(`${API_ROUTES.reports}/:id`)
  @ApiBody(doc(reportUpdateSchema))
  @ApiConflictResponse({ description: 'A move the report lifecycle does not allow' })
  @ApiAnswer(200, reportViewSchema, 'The report as it now is')
  updateReport(@Param('id', uuid('report')) id: string, @Body(new ZodValidationPipe(reportUpdateSchema)) body: z.output<typeof reportUpdateSchema>, @CurrentStaff() staff: StaffPrincipal): Promise<ReportView> {
    return this.reports.update(staff, id, body);
  }

  @ApiOperation({ summary: "List a case's follow-ups" })
  @Get(`${API_ROUTES.cases}/:id/follow-ups`)
  @AuditDeniedCaseReads()
  @ApiAnswer(200, followUpListSchema, 'Every follow-up of the case, its takedowns and reports: scheduled, fired, done or cancelled')
  listFollowUps(@Param('id', uuid('case')) caseId: string, @CurrentStaff() staff: StaffPrincipal): Promise<FollowUpView[]> {
    return this.notifications.followUps(staff, caseId);
  }

  @ApiOperation({ summary: 'List your notifications (the bell)' })
  @Get(API_ROUTES.notifications)
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'all'] })
  @ApiAnswer(200, notificationListSchema, 'Your notifications, with the open count and unread messages')
  listNotifications(@Query(new ZodValidationPipe(notificationListQuerySchema)) query: NotificationListQuery, @CurrentStaff() staff: StaffPrincipal): Promise<NotificationList> {
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
