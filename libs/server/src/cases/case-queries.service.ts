import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseAgeBand, CaseListItem, CaseListQuery, CaseListResponse, CaseQueue, QueueCounts } from '@sg/contracts';
import { DataSource } from 'typeorm';
import { StaffPrincipal } from '../auth/staff-principal';
import { seesEverything } from './case-access-policy';
import { decodeCursor, encodeCursor } from './case-cursor';

const OPEN = `c.status IN ('new', 'in_progress', 'waiting')`;

/**
 * What each queue means, as SQL over `support_case c`. Each predicate matches a partial index of
 * the case-work migration, so a page is an index range scan whatever the size of the history.
 * `me()` adds the caller's staff id as a parameter and returns its placeholder.
 */
function queuePredicate(queue: CaseQueue, staff: StaffPrincipal, me: () => string, status?: string): string {
  const everything = seesEverything(staff);
  switch (queue) {
    case 'unassigned':
      return `c.assignee_id IS NULL AND ${OPEN}`;
    case 'mine':
      return `c.assignee_id = ${me()} AND ${OPEN}`;
    case 'waiting':
      return everything ? `c.status = 'waiting'` : `c.status = 'waiting' AND c.assignee_id = ${me()}`;
    case 'overdue':
      // First response past due (follow-ups join this queue when they exist).
      return `c.first_responded_at IS NULL AND ${OPEN} AND c.first_response_due_at < now()` + (everything ? '' : ` AND (c.assignee_id IS NULL OR c.assignee_id = ${me()})`);
    case 'all':
      // Every open case; with a status filter (e.g. closed), every case in that status.
      return status ? 'TRUE' : OPEN;
  }
}

/** Time since intake, matching the supervisor's grid (queue-health.service.ts). */
const AGE_PREDICATES: Record<CaseAgeBand, string> = {
  under_1h: `c.created_at > now() - interval '1 hour'`,
  '1h_to_24h': `c.created_at <= now() - interval '1 hour' AND c.created_at > now() - interval '1 day'`,
  '1d_to_7d': `c.created_at <= now() - interval '1 day' AND c.created_at > now() - interval '7 days'`,
  over_7d: `c.created_at <= now() - interval '7 days'`,
};

/** `sg-7k3m` → `SG-7K3M%`: a reference or its beginning, with LIKE's wildcards taken literally. */
function referencePrefix(q: string): string {
  return `${q.trim().toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

type Filters = Omit<CaseListQuery, 'queue' | 'limit' | 'cursor'> & { queue: CaseQueue; limit: number; cursor?: string };

@Injectable()
export class CaseQueriesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(staff: StaffPrincipal, query: Filters): Promise<CaseListResponse> {
    if (query.queue === 'all' && !seesEverything(staff)) throw new ForbiddenException('The "all" queue is for supervisors and admins');
    const params: unknown[] = [];
    const add = (value: unknown) => `$${params.push(value)}`;
    const where = [queuePredicate(query.queue, staff, () => add(staff.id), query.status)];
    if (query.priority) where.push(`c.priority = ${add(query.priority)}`);
    if (query.status) where.push(`c.status = ${add(query.status)}`);
    if (query.country) where.push(`c.country = ${add(query.country)}`);
    if (query.assignee) where.push(`c.assignee_id = ${add(query.assignee)}`);
    if (query.age) where.push(AGE_PREDICATES[query.age]);
    if (query.q) {
      const q = add(query.q.trim());
      // Reference, offender handle (with or without @), or a profile/content URL: each an index lookup.
      where.push(`c.id IN (
        SELECT id FROM support_case WHERE reference LIKE ${add(referencePrefix(query.q))} ESCAPE '\\'
        UNION SELECT case_id FROM case_platform WHERE lower(offender_handle) IN (lower(${q}), lower('@' || ${q}), lower(ltrim(${q}, '@'))) OR profile_url = ${q}
        UNION SELECT case_id FROM case_evidence WHERE lower(offender_handle) IN (lower(${q}), lower('@' || ${q}), lower(ltrim(${q}, '@'))) OR profile_url = ${q}
        UNION SELECT case_id FROM case_content_url WHERE url = ${q})`);
    }
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      where.push(`(c.priority_rank, c.first_response_due_at, c.id) > (${add(cursor.rank)}, ${add(cursor.due)}::timestamptz, ${add(cursor.id)}::uuid)`);
    }
    const limit = add(query.limit + 1);
    const rows = await this.dataSource.query(
      `SELECT c.id, c.reference, c.priority, c.priority_rank AS "rank", c.status, c.created_at AS "createdAt",
              c.first_response_due_at AS "firstResponseDueAt", c.first_responded_at AS "firstRespondedAt",
              c.triage_factors AS "triageFactors", c.age_band AS "ageBand", c.country, c.version,
              u.id AS "assigneeId", u.display_name AS "assigneeName"
         FROM support_case c LEFT JOIN staff_user u ON u.id = c.assignee_id
        WHERE ${where.join(' AND ')}
        ORDER BY c.priority_rank, c.first_response_due_at, c.id
        LIMIT ${limit}`,
      params,
    );
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toListItem),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ rank: last.rank, due: new Date(last.firstResponseDueAt).toISOString(), id: last.id }) : null,
    };
  }

  /** The left rail's counts, in one round trip. */
  async counts(staff: StaffPrincipal): Promise<QueueCounts> {
    const queues: CaseQueue[] = seesEverything(staff) ? ['unassigned', 'mine', 'waiting', 'overdue', 'all'] : ['unassigned', 'mine', 'waiting', 'overdue'];
    const params: unknown[] = [];
    const me = () => `$${params.length ? 1 : params.push(staff.id)}`;
    const selects = queues.map((queue) => `(SELECT count(*)::int FROM support_case c WHERE ${queuePredicate(queue, staff, me)}) AS "${queue}"`);
    const [row] = await this.dataSource.query(`SELECT ${selects.join(', ')}`, params);
    return { unassigned: 0, mine: 0, waiting: 0, overdue: 0, all: 0, ...row };
  }
}

interface ListRow {
  id: string;
  reference: string;
  priority: CaseListItem['priority'];
  status: CaseListItem['status'];
  createdAt: Date;
  firstResponseDueAt: Date;
  firstRespondedAt: Date | null;
  triageFactors: CaseListItem['triageFactors'];
  ageBand: string;
  country: string;
  version: number;
  assigneeId: string | null;
  assigneeName: string | null;
}

function toListItem(row: ListRow): CaseListItem {
  return {
    id: row.id,
    reference: row.reference,
    priority: row.priority,
    status: row.status,
    assignee: row.assigneeId ? { id: row.assigneeId, displayName: row.assigneeName ?? '' } : null,
    createdAt: new Date(row.createdAt).toISOString(),
    firstResponseDueAt: new Date(row.firstResponseDueAt).toISOString(),
    firstRespondedAt: row.firstRespondedAt ? new Date(row.firstRespondedAt).toISOString() : null,
    triageFactors: row.triageFactors,
    ageBand: row.ageBand,
    country: row.country,
    version: row.version,
  };
}
