import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOperation, ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { API_ROUTES, FollowUpView, followUpListSchema } from '@sg/contracts/schemas';
import { AuditDeniedCaseReads } from '../case-core/denied-case-read.interceptor';
import { CurrentStaff, Roles } from '../auth/auth.decorators';
import { StaffPrincipal } from '../auth/staff-principal';
import { FollowUpsService } from './follow-ups.service';
import { ApiAnswer } from '../http/openapi-schema';

const uuid = (what: string) => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException(`No ${what} with that id`) });

/** A case's follow-ups. */
@ApiTags('follow-ups')
@ApiBearerAuth()
@Controller()
@Roles('caseworker', 'supervisor', 'admin')
export class FollowUpsController {
  constructor(private readonly followUps: FollowUpsService) {}

  @ApiOperation({ summary: "List a case's follow-ups" })
  @Get(`${API_ROUTES.cases}/:id/follow-ups`)
  @AuditDeniedCaseReads()
  @ApiAnswer(200, followUpListSchema, 'Every follow-up of the case, its takedowns and reports: scheduled, fired, done or cancelled')
  listFollowUps(@Param('id', uuid('case')) caseId: string, @CurrentStaff() staff: StaffPrincipal): Promise<FollowUpView[]> {
    return this.followUps.list(staff, caseId);
  }
}
