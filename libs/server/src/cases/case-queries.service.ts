import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseListItem, CaseListResponse, CaseQueue, caseListQuerySchema, QueueCounts } from '@sg/contracts';
import { identifierSearchCandidates, NormalisedIdentifier } from '@sg/domain/identifiers';
import { z } from 'zod';
import { DataSource } from 'typeorm';
import { StaffPrincipal } from '../auth/staff-principal';
import { DataProtection } from '../security/data-protection';
import { seesEverything } from '../case-core/case-access-policy';
import { decodeCursor, encodeCursor } from './case-cursor';
import { caseQueueRepository, CaseQueueRow, QueueViewer } from './case-queue.repository';
import { seenInOtherCasesForPage } from '../identifiers/seen-in-other-cases';

type Filters = z.output<typeof caseListQuerySchema>;

@Injectable()
export class CaseQueriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly protection: DataProtection,
  ) {}

  async list(staff: StaffPrincipal, query: Filters): Promise<CaseListResponse> {
    if (query.queue === 'all' && !seesEverything(staff)) throw new ForbiddenException('The "all" queue is for supervisors and admins');
    const { cursor, ...filters } = query;
    const after = cursor ? decodeCursor(cursor) : undefined;
    // One more than a page: whether it comes back says whether there is a next page.
    const identifiers = filters.q ? this.searchIdentifiers(filters.q) : undefined;
    const rows = await caseQueueRepository.page(this.dataSource, viewerOf(staff), { ...filters, after, identifiers }, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    const seen = await seenInOtherCasesForPage(
      this.dataSource,
      this.protection,
      page.map((row) => ({ case_id: row.id, others: row.others, purgedIdentifiersExist: row.purgedIdentifiersExist, identifiers: row.identifiers })),
    );
    return {
      items: page.map((row) => toListItem(row, row.unreadMessages, seen.get(row.id) ?? 0)),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ rank: last.rank, dueMicros: last.dueMicros, id: last.id }) : null,
    };
  }

  /** What a search entry could be as an identifier, a secret (a gift-card code) as its keyed hash. */
  private searchIdentifiers(q: string): NormalisedIdentifier[] {
    return identifierSearchCandidates(q).map((candidate) =>
      candidate.secret ? { ...candidate, value: this.protection.hashIdentifier(candidate.kind, candidate.value) } : candidate,
    );
  }

  /** The left rail's counts, in one round trip. */
  async counts(staff: StaffPrincipal): Promise<QueueCounts> {
    const queues: CaseQueue[] = seesEverything(staff) ? ['unassigned', 'mine', 'waiting', 'overdue', 'all'] : ['unassigned', 'mine', 'waiting', 'overdue'];
    const row = await caseQueueRepository.counts(this.dataSource, viewerOf(staff), queues);
    return { unassigned: 0, mine: 0, waiting: 0, overdue: 0, all: 0, ...row };
  }
}

function viewerOf(staff: StaffPrincipal): QueueViewer {
  return { id: staff.id, seesEverything: seesEverything(staff) };
}

function toListItem(row: CaseQueueRow, unreadMessages: number, seenInOtherCases: number): CaseListItem {
  return {
    id: row.id,
    reference: row.reference,
    priority: row.priority,
    status: row.status,
    assignee: row.assigneeId ? { id: row.assigneeId, displayName: row.assigneeName ?? '' } : null,
    createdAt: row.createdAt,
    firstResponseDueAt: row.firstResponseDueAt,
    firstRespondedAt: row.firstRespondedAt,
    deadlineAt: row.deadlineAt,
    triageFactors: row.triageFactors,
    ageBand: row.ageBand,
    country: row.country,
    version: row.version,
    unreadMessages,
    seenInOtherCases,
  };
}
