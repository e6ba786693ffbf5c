import { Body, Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import {
  API_ROUTES,
  CaseDeletionStatus,
  caseDeletionRequestSchema,
  CaseRetentionState,
  legalHoldReleaseSchema,
  legalHoldSchema,
  RETENTION_PATHS,
  RetentionSettings,
  retentionSettingsInputSchema,
} from '@sg/contracts/schemas';
import { Response } from 'express';
import { z } from 'zod';
import { AuditDeniedCaseReads } from '../case-core/denied-case-read.interceptor';
import { CurrentStaff, Public, Roles } from '../auth/auth.decorators';
import { StaffPrincipal } from '../auth/staff-principal';
import { openApiBody } from '../http/openapi-schema';
import { RateLimit } from '../http/rate-limit';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { RetentionService } from './retention.service';
import { caseDeletionStatusSchema, caseRetentionStateSchema, retentionSettingsSchema } from '@sg/contracts/schemas';
import { ApiAnswer } from '../http/openapi-schema';

const id = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('No case with that id') });

/** `GET|PUT /api/organisation/retention`: how long finished cases are kept. */
@ApiTags('organisation')
@ApiBearerAuth()
@Controller(API_ROUTES.organisation)
export class RetentionSettingsController {
  constructor(private readonly retention: RetentionService) {}

  @ApiOperation({ summary: 'How long resolved and closed cases are kept after their last activity (null: not chosen, nothing purged by age)' })
  @Get(RETENTION_PATHS.settings)
  @Roles('supervisor', 'admin')
  @ApiAnswer(200, retentionSettingsSchema, 'The retention settings')
  get(@CurrentStaff() staff: StaffPrincipal): Promise<RetentionSettings> {
    return this.retention.settings(staff);
  }

  @ApiOperation({ summary: 'Set how long resolved and closed cases are kept (audited)' })
  @Put(RETENTION_PATHS.settings)
  @Roles('admin')
  @ApiBody(openApiBody(retentionSettingsInputSchema))
  @ApiAnswer(200, retentionSettingsSchema, 'The retention settings as saved')
  put(
    @Body(new ZodValidationPipe(retentionSettingsInputSchema)) body: z.output<typeof retentionSettingsInputSchema>,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<RetentionSettings> {
    return this.retention.saveSettings(staff, body.closedCaseDays);
  }
}

/** A case's legal hold: supervisors and admins place and release it; the case page shows it. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller(API_ROUTES.cases)
export class LegalHoldController {
  constructor(private readonly retention: RetentionService) {}

  @ApiOperation({ summary: "The case's legal hold and the person's pending deletion request" })
  @Get(`:id/${RETENTION_PATHS.legalHold}`)
  @Roles('caseworker', 'supervisor', 'admin')
  @AuditDeniedCaseReads()
  @ApiAnswer(200, caseRetentionStateSchema, 'The hold (or null) and the deletion request (or null)')
  state(@Param('id', id) caseId: string, @CurrentStaff() staff: StaffPrincipal): Promise<CaseRetentionState> {
    return this.retention.caseState(staff, caseId);
  }

  @ApiOperation({ summary: 'Put the case on legal hold: it is not purged until released (reason required, audited)' })
  @Post(`:id/${RETENTION_PATHS.legalHold}`)
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiBody(openApiBody(legalHoldSchema))
  @ApiConflictResponse({ description: 'Already on legal hold' })
  @ApiAnswer(200, caseRetentionStateSchema, "The case's hold and deletion request as they now are")
  place(
    @Param('id', id) caseId: string,
    @Body(new ZodValidationPipe(legalHoldSchema)) body: z.output<typeof legalHoldSchema>,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<CaseRetentionState> {
    return this.retention.placeHold(staff, caseId, body.reason);
  }

  @ApiOperation({ summary: 'Release the legal hold (audited)' })
  @Post(`:id/${RETENTION_PATHS.legalHoldRelease}`)
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiBody(openApiBody(legalHoldReleaseSchema))
  @ApiConflictResponse({ description: 'Not on legal hold' })
  @ApiAnswer(200, caseRetentionStateSchema, "The case's hold and deletion request as they now are")
  release(
    @Param('id', id) caseId: string,
    @Body(new ZodValidationPipe(legalHoldReleaseSchema)) body: z.output<typeof legalHoldReleaseSchema>,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<CaseRetentionState> {
    return this.retention.releaseHold(staff, caseId, body.reason || null);
  }
}

type AccessBody = z.output<typeof caseDeletionRequestSchema>;

/** The person's request to delete their case, with the reference and access code (POST: the code never sits in a URL). */
@ApiTags('case access (public)')
@Controller(API_ROUTES.caseAccess)
@Public()
@RateLimit('case-access')
@ApiNotFoundResponse({ description: 'No case with that reference and access code (which part is wrong is not said)' })
@ApiTooManyRequestsResponse({ description: 'Too many attempts; see Retry-After' })
export class CaseDeletionController {
  constructor(private readonly retention: RetentionService) {}

  @ApiOperation({ summary: 'Ask for your case to be deleted (after a cooling-off period you can cancel in)' })
  @Post(RETENTION_PATHS.deletion)
  @HttpCode(200)
  @ApiBody(openApiBody(caseDeletionRequestSchema))
  @ApiConflictResponse({ description: 'The case cannot be deleted right now' })
  @ApiAnswer(200, caseDeletionStatusSchema, 'When your case will be deleted')
  request(@Body(new ZodValidationPipe(caseDeletionRequestSchema)) body: AccessBody, @Res({ passthrough: true }) res: Response): Promise<CaseDeletionStatus> {
    res.setHeader('Cache-Control', 'no-store');
    return this.retention.requestDeletion(body.reference, body.accessCode);
  }

  @ApiOperation({ summary: 'Whether you have asked for your case to be deleted, and when it will be' })
  @Post(RETENTION_PATHS.deletionStatus)
  @HttpCode(200)
  @ApiBody(openApiBody(caseDeletionRequestSchema))
  @ApiAnswer(200, caseDeletionStatusSchema, 'Whether a deletion is pending, and when')
  status(@Body(new ZodValidationPipe(caseDeletionRequestSchema)) body: AccessBody, @Res({ passthrough: true }) res: Response): Promise<CaseDeletionStatus> {
    res.setHeader('Cache-Control', 'no-store');
    return this.retention.deletionStatus(body.reference, body.accessCode);
  }

  @ApiOperation({ summary: 'Cancel your request to delete your case' })
  @Post(RETENTION_PATHS.deletionCancel)
  @HttpCode(200)
  @ApiBody(openApiBody(caseDeletionRequestSchema))
  @ApiAnswer(200, caseDeletionStatusSchema, 'The request as it now is')
  cancel(@Body(new ZodValidationPipe(caseDeletionRequestSchema)) body: AccessBody, @Res({ passthrough: true }) res: Response): Promise<CaseDeletionStatus> {
    res.setHeader('Cache-Control', 'no-store');
    return this.retention.cancelDeletion(body.reference, body.accessCode);
  }
}
