import { Body, Controller, Get, NotFoundException, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiBearerAuth, ApiBody, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { API_ROUTES, TakedownView, takedownCreateSchema, takedownUpdateSchema, takedownListSchema, takedownViewSchema } from '@sg/contracts/schemas';
import * as z from 'zod';
import { AuditDeniedCaseReads } from '../case-core/denied-case-read.interceptor';
import { CurrentStaff, Roles } from '../auth/auth.decorators';
import { StaffPrincipal } from '../auth/staff-principal';
import { openApiBody, ApiAnswer } from '../http/openapi-schema';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { TakedownsService } from './takedowns.service';

const doc = openApiBody;
const uuid = (what: string) => new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException(`No ${what} with that id`) });

/** A case's takedown requests to platforms (their follow-ups are planned by follow-ups/). */
@ApiTags('follow-ups')
@ApiBearerAuth()
@Controller()
@Roles('caseworker', 'supervisor', 'admin')
export class TakedownsController {
  constructor(private readonly takedowns: TakedownsService) {}

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
  createTakedown(
    @Param('id', uuid('case')) caseId: string,
    @Body(new ZodValidationPipe(takedownCreateSchema)) body: z.output<typeof takedownCreateSchema>,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<TakedownView> {
    return this.takedowns.create(staff, caseId, body);
  }

  @ApiOperation({ summary: 'Move a takedown request on, or record its ticket' })
  @Patch(`${API_ROUTES.takedowns}/:id`)
  @ApiBody(doc(takedownUpdateSchema))
  @ApiConflictResponse({ description: 'A move the takedown lifecycle does not allow' })
  @ApiAnswer(200, takedownViewSchema, 'The takedown request as it now is')
  updateTakedown(
    @Param('id', uuid('takedown request')) id: string,
    @Body(new ZodValidationPipe(takedownUpdateSchema)) body: z.output<typeof takedownUpdateSchema>,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<TakedownView> {
    return this.takedowns.update(staff, id, body);
  }
}
