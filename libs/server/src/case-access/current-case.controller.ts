import { Body, Controller, Get, HttpCode, Post, Put, Res, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiHeader, ApiNoContentResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { API_ROUTES, CASE_SESSION_HEADER, CaseAccessView, caseLanguageSchema, sessionAdditionSchema, sessionPlanStepSchema } from '@sg/contracts/schemas';
import { Response } from 'express';
import { z } from 'zod';
import { Public } from '../auth/auth.decorators';
import { AccessSessionRow } from '../conversation/case-access-session.repository';
import { CaseSession, PersonSessionGuard } from '../conversation/person-session.guard';
import { openApiBody } from '../http/openapi-schema';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { CaseAccessService } from './case-access.service';
import { caseAccessViewSchema } from '@sg/contracts/schemas';
import { ApiAnswer } from '../http/openapi-schema';

/**
 * The person's open case, named by their conversation session rather than the code: what
 * /my-case uses once it has opened the case, so a reload or a tick never needs the code again
 * (the page keeps only the session, which quick exit ends).
 */
@ApiTags('case access (public)')
@Controller(`${API_ROUTES.caseAccess}/current`)
@Public()
@UseGuards(PersonSessionGuard)
@ApiHeader({ name: CASE_SESSION_HEADER, required: true, description: 'The session from POST /conversation/session' })
@ApiUnauthorizedResponse({ description: 'No session, or it has ended: open the case again with the reference and code' })
export class CurrentCaseController {
  constructor(private readonly access: CaseAccessService) {}

  @ApiOperation({ summary: 'Your open case (by its session)' })
  @Get()
  @ApiAnswer(200, caseAccessViewSchema, 'Status in words, the action plan, resources and what the person added')
  view(@CaseSession() session: AccessSessionRow, @Res({ passthrough: true }) res: Response): Promise<CaseAccessView> {
    res.setHeader('Cache-Control', 'no-store');
    return this.access.view({ caseId: session.caseId });
  }

  @ApiOperation({ summary: 'Tick or untick a step of your plan (by its session)' })
  @Post('plan-steps')
  @HttpCode(200)
  @ApiBody(openApiBody(sessionPlanStepSchema))
  @ApiAnswer(200, caseAccessViewSchema, 'The case as it now is')
  setPlanStep(
    @CaseSession() session: AccessSessionRow,
    @Body(new ZodValidationPipe(sessionPlanStepSchema)) body: z.output<typeof sessionPlanStepSchema>,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseAccessView> {
    res.setHeader('Cache-Control', 'no-store');
    return this.access.setPlanStep({ caseId: session.caseId }, body.key, body.done);
  }

  @ApiOperation({ summary: 'Tell the organisation something new (by its session)' })
  @Post('additions')
  @HttpCode(200)
  @ApiBody(openApiBody(sessionAdditionSchema))
  @ApiAnswer(200, caseAccessViewSchema, 'The case as it now is')
  add(
    @CaseSession() session: AccessSessionRow,
    @Body(new ZodValidationPipe(sessionAdditionSchema)) body: z.output<typeof sessionAdditionSchema>,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CaseAccessView> {
    res.setHeader('Cache-Control', 'no-store');
    return this.access.add({ caseId: session.caseId }, body);
  }

  @ApiOperation({ summary: 'Read your case, messages and nudges in another language (by its session)' })
  @Put('language')
  @HttpCode(204)
  @ApiBody(openApiBody(caseLanguageSchema))
  @ApiNoContentResponse({ description: 'The case now speaks that language: nudges are sent in it' })
  @ApiBadRequestResponse({ description: 'Not one of the languages offered' })
  setLanguage(
    @CaseSession() session: AccessSessionRow,
    @Body(new ZodValidationPipe(caseLanguageSchema)) body: z.output<typeof caseLanguageSchema>,
  ): Promise<void> {
    return this.access.setLanguage({ caseId: session.caseId }, body.language);
  }
}
