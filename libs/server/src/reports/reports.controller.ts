import { Body, Controller, Get, NotFoundException, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiBearerAuth, ApiBody, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { API_ROUTES, ReportView, reportCreateSchema, reportUpdateSchema, reportListSchema, reportViewSchema } from '@sg/contracts/schemas';
import * as z from 'zod';
import { AuditDeniedCaseReads } from '../case-core/denied-case-read.interceptor';
import { CurrentStaff, Roles } from '../auth/auth.decorators';
import { StaffPrincipal } from '../auth/staff-principal';
import { openApiBody, ApiAnswer } from '../http/openapi-schema';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { ReportsService } from './reports.service';

const doc = openApiBody;
const uuid = (what: string) => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException(`No ${what} with that id`) });

/** A case's reports to agencies (their follow-ups are planned by follow-ups/). */
@ApiTags('follow-ups')
@ApiBearerAuth()
@Controller()
@Roles('caseworker', 'supervisor', 'admin')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

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
  createReport(
    @Param('id', uuid('case')) caseId: string,
    @Body(new ZodValidationPipe(reportCreateSchema)) body: z.output<typeof reportCreateSchema>,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<ReportView> {
    return this.reports.create(staff, caseId, body);
  }

  @ApiOperation({ summary: "Move a report on, or record the agency's reference" })
  @Patch(`${API_ROUTES.reports}/:id`)
  @ApiBody(doc(reportUpdateSchema))
  @ApiConflictResponse({ description: 'A move the report lifecycle does not allow' })
  @ApiAnswer(200, reportViewSchema, 'The report as it now is')
  updateReport(
    @Param('id', uuid('report')) id: string,
    @Body(new ZodValidationPipe(reportUpdateSchema)) body: z.output<typeof reportUpdateSchema>,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<ReportView> {
    return this.reports.update(staff, id, body);
  }
}
