import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConflictResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  API_ROUTES,
  CASE_LINK_PATHS,
  CaseLinks,
  caseLinkSchema,
  caseMergeSchema,
  caseUnmergeSchema,
  ClusterListResponse,
  clusterListQuerySchema,
  IdentifierCluster,
} from '@sg/contracts/schemas';
import { z } from 'zod';
import { AuditDeniedCaseReads } from '../case-core/denied-case-read.interceptor';
import { CurrentStaff, Roles } from '../auth/auth.decorators';
import { StaffPrincipal } from '../auth/staff-principal';
import { ApiQueryFrom, openApiBody } from '../http/openapi-schema';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { CaseLinksService } from './case-links.service';
import { CaseMergeService } from './case-merge.service';
import { ClustersService } from './clusters.service';
import { caseLinksSchema, clusterListResponseSchema, identifierClusterSchema } from '@sg/contracts/schemas';
import { ApiAnswer } from '../http/openapi-schema';

const id = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('No case with that id') });
const linkId = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('No such link on this case') });
const clusterKey = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException('No cluster by that key') });

/** A case's links to other cases, and merging a duplicate into its original. */
@ApiTags('cases')
@ApiBearerAuth()
@Controller(API_ROUTES.cases)
@ApiForbiddenResponse({ description: 'Signed in, but not allowed (wrong role, or a case held by someone else)' })
export class CaseLinksController {
  constructor(
    private readonly links: CaseLinksService,
    private readonly merges: CaseMergeService,
  ) {}

  @ApiOperation({ summary: "A case's links and merges (audited); other cases are named only to those who may open them" })
  @Get(`:id/${CASE_LINK_PATHS.links}`)
  @Roles('caseworker', 'supervisor', 'admin')
  @AuditDeniedCaseReads()
  @ApiAnswer(200, caseLinksSchema, 'Links the reader may follow, a count of the others, what it was merged into or merged from')
  list(@Param('id', id) caseId: string, @CurrentStaff() staff: StaffPrincipal): Promise<CaseLinks> {
    return this.links.links(staff, caseId);
  }

  @ApiOperation({ summary: 'Link this case to another by its reference (reason required, audited, on both timelines)' })
  @Post(`:id/${CASE_LINK_PATHS.links}`)
  @HttpCode(200)
  @Roles('caseworker', 'supervisor', 'admin')
  @ApiBody(openApiBody(caseLinkSchema))
  @ApiNotFoundResponse({ description: 'No case with that reference that the caller may open (which of the two is not said)' })
  @ApiConflictResponse({ description: 'Already linked, or one of them is a merged duplicate' })
  @ApiAnswer(200, caseLinksSchema, "The case's links as they now are")
  link(
    @Param('id', id) caseId: string,
    @Body(new ZodValidationPipe(caseLinkSchema)) body: z.output<typeof caseLinkSchema>,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<CaseLinks> {
    return this.links.link(staff, caseId, body.reference, body.reason);
  }

  @ApiOperation({ summary: 'Remove a link (always possible; audited, on both timelines)' })
  @Delete(`:id/${CASE_LINK_PATHS.links}/:linkId`)
  @Roles('caseworker', 'supervisor', 'admin')
  @ApiParam({ name: 'linkId', description: "The link, as the case's links list it" })
  @ApiAnswer(200, caseLinksSchema, "The case's links after the removal")
  unlink(@Param('id', id) caseId: string, @Param('linkId', linkId) link: string, @CurrentStaff() staff: StaffPrincipal): Promise<CaseLinks> {
    return this.links.unlink(staff, caseId, link);
  }

  @ApiOperation({ summary: 'Merge this duplicate intake into its original (supervisors; audited, on both timelines, undoable)' })
  @Post(`:id/${CASE_LINK_PATHS.merge}`)
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiBody(openApiBody(caseMergeSchema))
  @ApiNotFoundResponse({ description: 'No case with that reference' })
  @ApiConflictResponse({ description: 'Either case is already merged, or others are merged into this one' })
  @ApiAnswer(200, caseLinksSchema, "This case's links and merges as they now are")
  merge(
    @Param('id', id) caseId: string,
    @Body(new ZodValidationPipe(caseMergeSchema)) body: z.output<typeof caseMergeSchema>,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<CaseLinks> {
    return this.merges.merge(staff, caseId, body.reference, body.reason);
  }

  @ApiOperation({ summary: 'Undo a merge: the records that came from this case move back (supervisors; audited)' })
  @Post(`:id/${CASE_LINK_PATHS.unmerge}`)
  @HttpCode(200)
  @Roles('supervisor', 'admin')
  @ApiBody(openApiBody(caseUnmergeSchema))
  @ApiConflictResponse({ description: 'This case is not merged into another' })
  @ApiAnswer(200, caseLinksSchema, "This case's links and merges as they now are")
  unmerge(
    @Param('id', id) caseId: string,
    @Body(new ZodValidationPipe(caseUnmergeSchema)) body: z.output<typeof caseUnmergeSchema>,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<CaseLinks> {
    return this.merges.unmerge(staff, caseId, body.reason);
  }
}

/** Identifiers shared by two or more cases, for supervisors. */
@ApiTags('supervision')
@ApiBearerAuth()
@Controller(API_ROUTES.clusters)
@Roles('supervisor', 'admin')
@ApiForbiddenResponse({ description: 'Signed in, but not a supervisor or admin' })
export class ClustersController {
  constructor(private readonly clusters: ClustersService) {}

  @ApiOperation({ summary: 'Identifiers held by two or more cases, newest activity first (supervisors; audited)' })
  @Get()
  @ApiQueryFrom(clusterListQuerySchema)
  @ApiAnswer(
    200,
    clusterListResponseSchema,
    '`{ items, nextCursor }`: each identifier with its cases, first and last seen, platforms, countries, priorities and outcomes',
  )
  list(
    @Query(new ZodValidationPipe(clusterListQuerySchema)) query: z.output<typeof clusterListQuerySchema>,
    @CurrentStaff() staff: StaffPrincipal,
  ): Promise<ClusterListResponse> {
    return this.clusters.list(staff, query.limit, query.cursor);
  }

  @ApiOperation({ summary: 'One cluster with all its cases (supervisors; audited)' })
  @Get(':key')
  @ApiParam({ name: 'key', description: 'The cluster key the list gave' })
  @ApiAnswer(200, identifierClusterSchema, 'The identifier and every case holding it, newest first')
  @ApiNotFoundResponse({ description: 'No cluster by that key (its cases changed since the list was read)' })
  one(@Param('key', clusterKey) key: string, @CurrentStaff() staff: StaffPrincipal): Promise<IdentifierCluster> {
    return this.clusters.cluster(staff, key);
  }
}
