import { CaseAgeBand, CaseListItem, CaseListScope, CaseOverdueKind, CaseQueue, caseListQuerySchema, QueueCounts } from '@sg/contracts';
import { NormalisedIdentifier } from '@sg/domain/identifiers';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { isoTimestamp } from '../database/iso-timestamp';
import { preparedRowLimit, runPreparedText } from '../database/prepared-statement';
import { CaseCursor } from './case-cursor';
import { PageIdentifiersRow, seenInColumns } from '../identifiers/case-identifier.repository';

const OPEN_STATUSES = `('new', 'in_progress', 'waiting')`;
const OPEN = `c.status IN ${OPEN_STATUSES}`;

/** Nobody has responded in time (support_case_awaiting_response_idx, read index-only). */
const FIRST_RESPONSE_LATE = `c.first_responded_at IS NULL AND c.first_response_due_at < now()`;
/**
 * Cases with a follow-up past due: fired and not done yet (follow_up_fired_case_idx), or still
 * scheduled past its time, e.g. while the worker was down (follow_up_due_idx).
 */
const FOLLOW_UP_LATE = `c.id IN (SELECT case_id FROM follow_up WHERE status = 'fired' UNION SELECT case_id FROM follow_up WHERE status = 'scheduled' AND due_at < now())`;

/** Who is looking at the queues: their staff id, and whether they see every case (supervisors, admins). */
export interface QueueViewer {
  id: string;
  seesEverything: boolean;
}

/**
 * What each queue means, as SQL over `support_case c`: one predicate, or several that together
 * make the queue and never share a case (so their counts add up and their pages merge without
 * duplicates). Each predicate matches a partial index of the case-work migration, so a page is
 * an index range scan whatever the size of the history. `me()` adds the caller's staff id as a
 * parameter and returns its placeholder.
 */
function queueParts(queue: CaseListScope, viewer: QueueViewer, me: () => string, status?: string): string[] {
  const everything = viewer.seesEverything;
  switch (queue) {
    case 'unassigned':
      return [`c.assignee_id IS NULL AND ${OPEN}`];
    case 'mine':
      return [`c.assignee_id = ${me()} AND ${OPEN}`];
    case 'waiting':
      return [everything ? `c.status = 'waiting'` : `c.status = 'waiting' AND c.assignee_id = ${me()}`];
    case 'overdue': {
      // First response past due, or a follow-up past due. Kept apart, the first (often the
      // larger) stays an index-only range scan; the second is the few cases with late follow-ups.
      const scope = everything ? '' : ` AND (c.assignee_id IS NULL OR c.assignee_id = ${me()})`;
      return [`${OPEN} AND ${FIRST_RESPONSE_LATE}${scope}`, `${OPEN} AND ${FOLLOW_UP_LATE} AND NOT (${FIRST_RESPONSE_LATE})${scope}`];
    }
    case 'all':
      // Every open case; with a status filter (e.g. closed), every case in that status.
      return [status ? 'TRUE' : OPEN];
    case 'search':
      // Every case the caller may open, in any status (a caller may look up a closed case).
      return [everything ? 'TRUE' : `(c.assignee_id IS NULL OR c.assignee_id = ${me()})`];
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
  return `${q
    .trim()
    .toUpperCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const OVERDUE_PREDICATES: Record<CaseOverdueKind, string> = {
  first_response: FIRST_RESPONSE_LATE,
  follow_up: FOLLOW_UP_LATE,
};

const ORDER = 'c.priority_rank, c.first_response_due_at, c.id';

/** A queue page's filters as the API takes them, with the cursor already decoded (`after`). */
export type CaseQueueFilters = Omit<z.output<typeof caseListQuerySchema>, 'cursor'> & {
  after?: CaseCursor;
  /** With `q`: what it could be as an identifier, normalised (secrets as their keyed hash). */
  identifiers?: ReadonlyArray<Pick<NormalisedIdentifier, 'kind' | 'value'>>;
};

/** A case in a queue page, with its position in the queue order (`rank`, `dueMicros`, `id`) for the next cursor. */
export interface CaseQueueRow {
  id: string;
  reference: string;
  priority: CaseListItem['priority'];
  rank: number;
  status: CaseListItem['status'];
  /** The times as the API sends them (ISO 8601, UTC, milliseconds), formatted by PostgreSQL: see isoTimestamp. */
  createdAt: string;
  firstResponseDueAt: string;
  /** The due time in microseconds since the epoch, as text (beyond Number's exact range). */
  dueMicros: string;
  firstRespondedAt: string | null;
  deadlineAt: string | null;
  triageFactors: CaseListItem['triageFactors'];
  ageBand: string;
  country: string;
  version: number;
  assigneeId: string | null;
  assigneeName: string | null;
  /** The person's messages this viewer has not read (the row's badge). */
  unreadMessages: number;
  /** For "seen in N other cases": see seenInColumns. */
  others: PageIdentifiersRow['others'];
  purgedIdentifiersExist: PageIdentifiersRow['purgedIdentifiersExist'];
  identifiers: PageIdentifiersRow['identifiers'];
}

/**
 * The person's messages in case `caseId` (an SQL expression) that staff member `viewer` (a parameter)
 * has not read: the queue row's count, and the Conversation tab's (conversation.repository.ts), the same predicate.
 */
export const unreadMessagesOf = (caseId: string, viewer: string) =>
  `FROM case_message m LEFT JOIN case_message_read r ON r.case_id = m.case_id AND r.staff_id = ${viewer}
   WHERE m.case_id = ${caseId} AND m.author_kind = 'person' AND m.sent_at > COALESCE(r.read_at, '-infinity')`;

/**
 * The case queues and search, as hand-written SQL: they are the staff's hot path, and each
 * predicate is written to match a partial index (see queueParts).
 */
export const caseQueueRepository = {
  /**
   * Up to `rows` cases of a queue (or a search) in queue order after `filters.after`. The caller
   * asks for one more than a page, to know whether there is a next one.
   */
  async page(db: DataSource, viewer: QueueViewer, filters: CaseQueueFilters, rows: number): Promise<CaseQueueRow[]> {
    const params: unknown[] = [];
    const add = (value: unknown) => `$${params.push(value)}`;
    const parts = queueParts(filters.queue, viewer, () => add(viewer.id), filters.status);
    const where: string[] = [];
    if (filters.priority)
      where.push(filters.priority.length === 1 ? `c.priority = ${add(filters.priority[0])}` : `c.priority = ANY(${add(filters.priority)}::text[])`);
    if (filters.status) where.push(`c.status = ${add(filters.status)}`);
    if (filters.country) where.push(`c.country = ${add(filters.country)}`);
    if (filters.assignee) where.push(filters.assignee === 'none' ? 'c.assignee_id IS NULL' : `c.assignee_id = ${add(filters.assignee)}`);
    if (filters.age) where.push(AGE_PREDICATES[filters.age]);
    if (filters.overdue) where.push(OVERDUE_PREDICATES[filters.overdue]);
    if (filters.q) {
      const q = add(filters.q.trim());
      // Any offender identifier in its normal form (wallets, payment accounts, e-mail, …): a few exact index lookups.
      const candidates = filters.identifiers ?? [];
      const byIdentifier = candidates.length
        ? `\n        UNION SELECT case_id FROM case_identifier WHERE (kind, value) IN (SELECT * FROM unnest(${add(candidates.map((c) => c.kind))}::text[], ${add(candidates.map((c) => c.value))}::text[]))`
        : '';
      // Reference, offender handle (with or without @), or a profile/content URL: each an index lookup.
      where.push(`c.id IN (
        SELECT id FROM support_case WHERE reference LIKE ${add(referencePrefix(filters.q))} ESCAPE '\\'
        UNION SELECT case_id FROM case_platform WHERE lower(offender_handle) IN (lower(${q}), lower('@' || ${q}), lower(ltrim(${q}, '@'))) OR profile_url = ${q}
        UNION SELECT case_id FROM case_evidence WHERE lower(offender_handle) IN (lower(${q}), lower('@' || ${q}), lower(ltrim(${q}, '@'))) OR profile_url = ${q}
        UNION SELECT case_id FROM case_content_url WHERE url = ${q}${byIdentifier})`);
    }
    if (filters.after) {
      const cursor = filters.after;
      // Exact to the microsecond: integer arithmetic, no floating point on the way.
      where.push(
        `(c.priority_rank, c.first_response_due_at, c.id) > (${add(cursor.rank)}, 'epoch'::timestamptz + ${add(cursor.dueMicros)}::bigint * interval '1 microsecond', ${add(cursor.id)}::uuid)`,
      );
    }
    // Written into the text, so the prepared statement gets its generic plan (see preparedRowLimit).
    const limit = preparedRowLimit(rows);
    const conditions = (part: string) => [part, ...where].join(' AND ');
    // A queue of several parts: the first page of each, merged (the queue's first page is among them).
    const [onlyPart] = parts;
    const filter =
      parts.length === 1 && onlyPart !== undefined
        ? conditions(onlyPart)
        : `c.id IN (${parts.map((part) => `(SELECT c.id FROM support_case c WHERE ${conditions(part)} ORDER BY ${ORDER} LIMIT ${limit})`).join(' UNION ALL ')})`;
    const viewerId = add(viewer.id);
    // The page first (LIMIT inside), then its badges for those rows only: one round trip, and a
    // long queue's ordering never computes a badge for a row it does not return.
    // Planning this statement cost more than running it (measured at 1 M cases: 0.70 ms planning,
    // 0.55 ms running): a queue's shape is prepared once per connection. A search is not (its text
    // varies with what was typed, and a LIKE on a parameter needs the value to use an index).
    const text = `WITH page AS (
         SELECT c.id, c.reference, c.priority, c.priority_rank, c.status, c.created_at, c.first_response_due_at,
                c.first_responded_at, c.deadline_at, c.triage_factors, c.age_band, c.country, c.version,
                u.id AS assignee_id, u.display_name AS assignee_name
           FROM support_case c LEFT JOIN staff_user u ON u.id = c.assignee_id
          WHERE ${filter}
          ORDER BY ${ORDER}
          LIMIT ${limit}
       )
       SELECT page.id, page.reference, page.priority, page.priority_rank AS "rank", page.status,
              ${isoTimestamp('page.created_at')} AS "createdAt",
              ${isoTimestamp('page.first_response_due_at')} AS "firstResponseDueAt",
              (extract(epoch FROM page.first_response_due_at) * 1000000)::bigint::text AS "dueMicros",
              ${isoTimestamp('page.first_responded_at')} AS "firstRespondedAt",
              ${isoTimestamp('page.deadline_at')} AS "deadlineAt",
              page.triage_factors AS "triageFactors", page.age_band AS "ageBand", page.country, page.version,
              page.assignee_id AS "assigneeId", page.assignee_name AS "assigneeName",
              (SELECT count(*)::int ${unreadMessagesOf('page.id', viewerId)}) AS "unreadMessages",
              ${seenInColumns('page.id')}
         FROM page
        ORDER BY page.priority_rank, page.first_response_due_at, page.id`;
    return filters.q ? db.query<CaseQueueRow[]>(text, params) : runPreparedText<CaseQueueRow>(db, text, params);
  },

  /** The person's messages the viewer has not read, per case (a queue page's rows carry theirs: see page). */
  async unreadMessages(db: DataSource | EntityManager, viewerId: string, caseIds: readonly string[]): Promise<Map<string, number>> {
    if (caseIds.length === 0) return new Map();
    const rows = await db.query<Array<{ caseId: string; unread: number }>>(
      `SELECT m.case_id AS "caseId", count(*)::int AS unread ${unreadMessagesOf('ANY($2::uuid[])', '$1')} GROUP BY m.case_id`,
      [viewerId, caseIds],
    );
    return new Map(rows.map((row) => [row.caseId, row.unread]));
  },

  /** How many cases each of `queues` holds for the viewer, in one round trip (the left rail's counts). */
  async counts(db: DataSource, viewer: QueueViewer, queues: readonly CaseQueue[]): Promise<Partial<QueueCounts>> {
    const params: unknown[] = [];
    const me = () => `$${params.length ? 1 : params.push(viewer.id)}`;
    const selects = queues.map(
      (queue) =>
        `(${queueParts(queue, viewer, me)
          .map((part) => `(SELECT count(*)::int FROM support_case c WHERE ${part})`)
          .join(' + ')}) AS "${queue}"`,
    );
    const [row] = await db.query<Array<Partial<QueueCounts>>>(`SELECT ${selects.join(', ')}`, params);
    return row ?? {};
  },
};
