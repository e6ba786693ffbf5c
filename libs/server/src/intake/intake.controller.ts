import { Body, Controller, Headers, HttpCode, Post, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiHeader,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  API_ROUTES,
  errorResponseSchema,
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_KEY_PATTERN,
  IntakeResponse,
  intakeRequestSchema,
  intakeResponseSchema,
  ParsedIntakeRequest,
  validationErrorResponseSchema,
} from '@sg/contracts/schemas';
import { Response } from 'express';
import { CurrentStaff, Public } from '../auth/auth.decorators';
import { StaffPrincipal } from '../auth/staff-principal';
import { ApiAnswer, openApiBody, openApiSchema } from '../http/openapi-schema';
import { RateLimit } from '../http/rate-limit';
import { validationError, ZodValidationPipe } from '../http/zod-validation.pipe';
import { IntakeService } from './intake.service';

@ApiTags('intake')
@Controller(API_ROUTES.intakes)
export class IntakeController {
  constructor(private readonly intakes: IntakeService) {}

  @ApiOperation({ summary: 'Ask for help: submit an intake (idempotent)' })
  @Post()
  @Public()
  @RateLimit('intake')
  @HttpCode(201)
  @ApiHeader({
    name: IDEMPOTENCY_KEY_HEADER,
    required: false,
    description: 'Same key and body → the same case, never a duplicate. 8-200 of A-Z a-z 0-9 _ . : -',
  })
  @ApiBody(openApiBody(intakeRequestSchema))
  @ApiAnswer(
    201,
    intakeResponseSchema,
    'The new case: reference and access code (shown once), the plan and resources; a replay within 24 hours returns the original',
  )
  @ApiBadRequestResponse({
    description: 'Every offending field, by path (e.g. `platforms[0].profileUrl`); nothing stored',
    schema: openApiSchema(validationErrorResponseSchema, 'output'),
  })
  @ApiUnprocessableEntityResponse({ description: 'The Idempotency-Key was used for a different body', schema: openApiSchema(errorResponseSchema, 'output') })
  @ApiPayloadTooLargeResponse({ description: 'Body over 1 MB', schema: openApiSchema(errorResponseSchema, 'output') })
  @ApiTooManyRequestsResponse({
    description: 'Too many submissions from this connection; see Retry-After',
    schema: openApiSchema(errorResponseSchema, 'output'),
  })
  async submit(
    @Body(new ZodValidationPipe(intakeRequestSchema)) body: ParsedIntakeRequest,
    @Headers(IDEMPOTENCY_KEY_HEADER.toLowerCase()) idempotencyKey: string | undefined,
    @CurrentStaff() staff: StaffPrincipal | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<IntakeResponse> {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
      throw validationError([{ path: `header ${IDEMPOTENCY_KEY_HEADER}`, message: 'must be 8-200 characters of letters, digits, _ . : or -' }]);
    }
    const outcome = await this.intakes.submit(body, staff, idempotencyKey);
    // The access code is in this body: no cache may keep it.
    response.setHeader('Cache-Control', 'no-store');
    if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
    // Staff recording an intake open the new case next; the public never learns internal ids.
    return staff ? { ...outcome.response, caseId: outcome.caseId } : outcome.response;
  }
}
