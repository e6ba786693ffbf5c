import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiOperation,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiTags,
  ApiParam,
} from '@nestjs/swagger';
import {
  API_ROUTES,
  AuditEntry,
  CaseDetail,
  CaseListResponse,
  CaseNote,
  ContactDetails,
  auditTrailSchema,
  caseDetailSchema,
  caseListResponseSchema,
  caseNoteResponseSchema,
  contactDetailsSchema,
  evidenceEntrySchema,
  queueCountsSchema,
  EvidenceEntry,
  QueueCounts,
  caseAssignSchema,
  caseListQuerySchema,
  caseNoteSchema,
  caseUpdateSchema,
  contactRevealSchema,
  evidenceSchema,
  evidenceUpdateSchema,
  planStepKeySchema,
  planStepToggleSchema,
} from '@sg/contracts/schemas';
import { z } from 'zod';
import { AuditDeniedCaseReads } from '../case-core/denied-case-read.interceptor';
import { CurrentStaff, Roles } from '../auth/auth.decorators';
import { StaffPrincipal } from '../auth/staff-principal';
import { ApiAnswer, openApiBody } from '../http/openapi-schema';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { ApiQueryFrom } from '../http/openapi-schema';
import { CaseQueriesService } from './case-queries.service';
import { CaseWorkService } from './case-work.service';

const doc = openApiBody;
const id = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('No case with that id') });
const evidenceId = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('This case has no such evidence') });

/** Case work for staff. Every endpoint needs a staff token; who may do what is declared per route. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller(API_ROUTES.cases)
@Roles('caseworker', 'supervisor', 'admin')
@ApiForbiddenResponse({ description: 'Signed in, but not allowed (wrong role, or a case assigned to someone else)' })
export class CasesController {
  constructor(
    private readonly queries: CaseQueriesService,
    private readonly work: CaseWorkService,
  ) {}

  @ApiOperation({ summary: 'List a queue of cases (keyset pages, filters, search)' })
  @Get()
  @ApiAnswer(200, caseListResponseSchema, '`{ items, nextCursor }`, ordered by priority then due time; no contact details')
  @ApiQueryFrom(caseListQuerySchema)
  list(
    @Query(new ZodValidationPipe(caseListQuerySchema)) query: z.output<typeof caseListQuerySchema>,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<CaseListResponse> {
    return this.queries.list(staff, query);
  }

  @ApiOperation({ summary: 'Count the cases in each queue' })
  @Get('counts')
  @ApiAnswer(200, queueCountsSchema, 'How many cases are in each queue the caller can see')
  counts(@CurrentStaff() staff: StaffPrincipal): Promise<QueueCounts> {
    return this.queries.counts(staff);
  }

  @ApiOperation({ summary: 'Read a case (audited)' })
  @Get(':id')
  @AuditDeniedCaseReads()
  @ApiAnswer(200, caseDetailSchema, 'The case page; the read is audited')
  read(@Param('id', id) caseId: string, @CurrentStaff() staff: StaffPrincipal): Promise<CaseDetail> {
    return this.work.read(staff, caseId);
  }

  @ApiOperation({ summary: 'Claim an unheld case' })
  @Post(':id/claim')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'Someone else holds the case' })
  @ApiAnswer(200, caseDetailSchema, 'The case, now held by the caller')
  claim(@Param('id', id) caseId: string, @CurrentStaff() staff: StaffPrincipal): Promise<CaseDetail> {
    return this.work.claim(staff, caseId);
  }

  @ApiOperation({ summary: 'Assign a case to a staff member (supervisors)' })
  @Post(':id/assign')
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiBody(doc(caseAssignSchema))
  @ApiConflictResponse({ description: 'The case is no longer with `expectedAssigneeId` (the body carries the current case)' })
  @ApiAnswer(200, caseDetailSchema, 'The case, now held by the assignee')
  assign(
    @Param('id', id) caseId: string,
    @Body(new ZodValidationPipe(caseAssignSchema)) body: z.output<typeof caseAssignSchema>,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<CaseDetail> {
    return this.work.assign(staff, caseId, body.assigneeId, body.expectedAssigneeId);
  }

  @ApiOperation({ summary: 'Change a case: status, facts (re-triage) or priority override' })
  @Patch(':id')
  @ApiBody(doc(caseUpdateSchema))
  @ApiConflictResponse({ description: 'Stale version (the body carries the current case) or a status move the lifecycle does not allow' })
  @ApiAnswer(200, caseDetailSchema, 'The case as it now is (a new version)')
  update(
    @Param('id', id) caseId: string,
    @Body(new ZodValidationPipe(caseUpdateSchema)) body: z.output<typeof caseUpdateSchema>,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<CaseDetail> {
    return this.work.update(staff, caseId, body);
  }

  @ApiOperation({ summary: 'Tick or untick a plan step on a case' })
  @Patch(':id/plan-steps/:key')
  @ApiParam({ name: 'key', description: 'The plan step, e.g. do_not_pay' })
  @ApiBody(doc(planStepToggleSchema))
  @ApiAnswer(200, caseDetailSchema, 'The case as it now is')
  setPlanStep(
    @Param('id', id) caseId: string,
    @Param('key', new ZodValidationPipe(planStepKeySchema)) key: z.output<typeof planStepKeySchema>,
    @Body(new ZodValidationPipe(planStepToggleSchema)) body: z.output<typeof planStepToggleSchema>,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<CaseDetail> {
    return this.work.setPlanStep(staff, caseId, key, body.done);
  }

  @ApiOperation({ summary: 'Add a staff note to a case' })
  @Post(':id/notes')
  @ApiBody(doc(caseNoteSchema))
  @ApiAnswer(201, caseNoteResponseSchema, 'The note as stored')
  addNote(
    @Param('id', id) caseId: string,
    @Body(new ZodValidationPipe(caseNoteSchema)) body: z.output<typeof caseNoteSchema>,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<CaseNote> {
    return this.work.addNote(staff, caseId, body.body);
  }

  @ApiOperation({ summary: 'Record evidence (text and browser-side hashes only)' })
  @Post(':id/evidence')
  @ApiBody(doc(evidenceSchema))
  @ApiAnswer(201, evidenceEntrySchema, 'The evidence entry as stored; the identifier index follows')
  addEvidence(
    @Param('id', id) caseId: string,
    @Body(new ZodValidationPipe(evidenceSchema)) body: z.output<typeof evidenceSchema>,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<EvidenceEntry> {
    return this.work.addEvidence(staff, caseId, body);
  }

  @ApiOperation({ summary: 'Edit a piece of evidence: its fields and typed identifiers are replaced as given (audited)' })
  @Put(':id/evidence/:evidenceId')
  @ApiBody(doc(evidenceUpdateSchema))
  @ApiAnswer(200, evidenceEntrySchema, 'The evidence entry as it now is; the identifier index follows')
  @ApiNotFoundResponse({ description: 'No such case, or the case has no such evidence' })
  updateEvidence(
    @Param('id', id) caseId: string,
    @Param('evidenceId', evidenceId) entryId: string,
    @Body(new ZodValidationPipe(evidenceUpdateSchema)) body: z.output<typeof evidenceUpdateSchema>,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<EvidenceEntry> {
    return this.work.updateEvidence(staff, caseId, entryId, body);
  }

  @ApiOperation({ summary: 'Remove a piece of evidence with its identifiers (audited)' })
  @Delete(':id/evidence/:evidenceId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed; the identifier index follows' })
  @ApiNotFoundResponse({ description: 'No such case, or the case has no such evidence' })
  removeEvidence(@Param('id', id) caseId: string, @Param('evidenceId', evidenceId) entryId: string, @CurrentStaff() staff: StaffPrincipal): Promise<void> {
    return this.work.removeEvidence(staff, caseId, entryId);
  }

  @ApiOperation({ summary: "Reveal the person's contact details, with a reason (audited)" })
  @Post(':id/contact-reveal')
  @HttpCode(200)
  @ApiBody(doc(contactRevealSchema))
  @ApiAnswer(200, contactDetailsSchema, 'The contact details; the reveal and its reason are audited')
  revealContact(
    @Param('id', id) caseId: string,
    @Body(new ZodValidationPipe(contactRevealSchema)) body: z.output<typeof contactRevealSchema>,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<ContactDetails> {
    return this.work.revealContact(staff, caseId, body.reason);
  }

  @ApiOperation({ summary: "Read a case's audit trail (supervisors)" })
  @Get(':id/audit')
  @Roles('supervisor', 'admin')
  @AuditDeniedCaseReads()
  @ApiAnswer(200, auditTrailSchema, 'Every read and change of the case, newest first')
  audit(@Param('id', id) caseId: string, @CurrentStaff() staff: StaffPrincipal): Promise<AuditEntry[]> {
    return this.work.auditTrail(staff, caseId);
  }
}
