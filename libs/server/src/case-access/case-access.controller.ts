import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiBody, ApiNotFoundResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { API_ROUTES, CaseAccessView, caseAccessRequestSchema, caseAdditionSchema, planStepUpdateSchema } from '@sg/contracts/schemas';
import { Response } from 'express';
import { z } from 'zod';
import { Public } from '../auth/auth.decorators';
import { openApiBody } from '../http/openapi-schema';
import { RateLimit } from '../http/rate-limit';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { CaseAccessService } from './case-access.service';
import { caseAccessViewSchema } from '@sg/contracts/schemas';
import { ApiAnswer } from '../http/openapi-schema';

type AccessBody = z.output<typeof caseAccessRequestSchema>;
type AdditionBody = z.output<typeof caseAdditionSchema>;
type PlanStepBody = z.output<typeof planStepUpdateSchema>;

/**
 * The person's way back to their case. POST, not GET, so the access code never sits in a URL,
 * a browser history or a proxy log.
 */
@ApiTags('case access (public)')
@Controller(API_ROUTES.caseAccess)
@Public()
@RateLimit('case-access')
@ApiNotFoundResponse({ description: 'No case with that reference and access code (which part is wrong is not said)' })
@ApiTooManyRequestsResponse({ description: 'Too many attempts; see Retry-After' })
export class CaseAccessController {
  constructor(private readonly access: CaseAccessService) {}

  @ApiOperation({ summary: 'Open your case with its reference and access code' })
  @Post()
  @HttpCode(200)
  @ApiBody(openApiBody(caseAccessRequestSchema))
  @ApiAnswer(200, caseAccessViewSchema, 'Status in words, the action plan, resources and what the person added')
  view(@Body(new ZodValidationPipe(caseAccessRequestSchema)) body: AccessBody, @Res({ passthrough: true }) res: Response): Promise<CaseAccessView> {
    res.setHeader('Cache-Control', 'no-store');
    return this.access.view({ reference: body.reference, accessCode: body.accessCode });
  }

  @ApiOperation({ summary: 'Tick or untick a step of your plan' })
  @Post('plan-steps')
  @HttpCode(200)
  @ApiBody(openApiBody(planStepUpdateSchema))
  @ApiAnswer(200, caseAccessViewSchema, 'Your case as it now is')
  setPlanStep(@Body(new ZodValidationPipe(planStepUpdateSchema)) body: PlanStepBody, @Res({ passthrough: true }) res: Response): Promise<CaseAccessView> {
    res.setHeader('Cache-Control', 'no-store');
    return this.access.setPlanStep({ reference: body.reference, accessCode: body.accessCode }, body.key, body.done);
  }

  @ApiOperation({ summary: 'Tell the organisation something new about your case' })
  @Post('additions')
  @HttpCode(200)
  @ApiBody(openApiBody(caseAdditionSchema))
  @ApiAnswer(200, caseAccessViewSchema, 'Your case as it now is')
  add(@Body(new ZodValidationPipe(caseAdditionSchema)) body: AdditionBody, @Res({ passthrough: true }) res: Response): Promise<CaseAccessView> {
    res.setHeader('Cache-Control', 'no-store');
    const { reference, accessCode, ...addition } = body;
    return this.access.add({ reference, accessCode }, addition);
  }
}
