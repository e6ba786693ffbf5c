import { CASE_STATUSES, PRIORITIES, TriageFactor, isCountryCode } from '@sg/domain';
import { CASE_AGE_BANDS } from '../supervision/queue-health';
import * as z from 'zod';
import { text } from '../fields/text';
import { CASE_LIST_SCOPES, CASE_OVERDUE_KINDS, type CaseQueue } from './case-scopes';

/** `emergency` or `emergency,urgent`: one priority or several. */
const prioritiesSchema = text()
  .transform((text) => [...new Set(text.split(',').map((part) => part.trim()))])
  .pipe(z.array(z.enum(PRIORITIES, { error: () => 'must be emergency, urgent, high or standard (or several, comma-separated)' })).min(1));

/** `GET /api/cases?queue=unassigned&limit=50&cursor=...` */
export const caseListQuerySchema = z
  .strictObject({
    queue: z.enum(CASE_LIST_SCOPES).default('unassigned'),
    priority: prioritiesSchema.optional(),
    status: z.enum(CASE_STATUSES).optional(),
    country: text().refine(isCountryCode, 'must be a two-letter country code').optional(),
    /** A staff id, or `none` for cases nobody holds. */
    assignee: z.union([z.literal('none'), text().uuid()], { error: () => 'must be a staff id or "none"' }).optional(),
    /** Time since intake, as in the supervisor's grid. */
    age: z.enum(CASE_AGE_BANDS).optional(),
    /** Only cases late in this way (the supervisor's numbers link here). */
    overdue: z.enum(CASE_OVERDUE_KINDS).optional(),
    /** Case reference (or its beginning, e.g. `SG-7K3M`), offender handle, or a URL (profile or content). */
    q: text().trim().min(2, 'must be at least 2 characters').max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: text().max(500).optional(),
  })
  .refine((query) => query.queue !== 'search' || query.q !== undefined, { message: 'is required when searching', path: ['q'] });
export type CaseListQuery = z.input<typeof caseListQuerySchema>;

export interface StaffRef {
  id: string;
  displayName: string;
}

/** A queue row. Never carries contact details. */
export interface CaseListItem {
  id: string;
  reference: string;
  priority: (typeof PRIORITIES)[number];
  status: (typeof CASE_STATUSES)[number];
  assignee: StaffRef | null;
  createdAt: string;
  firstResponseDueAt: string;
  /** Set once someone has responded; the countdown stops then. */
  firstRespondedAt: string | null;
  /** The threatener's deadline, if known: the row counts down to it ("deadline in 5 h", "deadline passed"). */
  deadlineAt: string | null;
  triageFactors: TriageFactor[];
  ageBand: string;
  country: string;
  version: number;
  /** The person's messages the caller has not read (per reader: a supervisor's read is theirs only). */
  unreadMessages: number;
  /**
   * How many other cases share an offender identifier with this one (purged cases included, by
   * keyed hash): a count only, the same for every reader; which cases is on the case page, for those who may know.
   */
  seenInOtherCases: number;
}

export interface CaseListResponse {
  items: CaseListItem[];
  /** Pass as `cursor` for the next page; null on the last page. Stable under new arrivals. */
  nextCursor: string | null;
}

/** `GET /api/cases/counts`: the live counts in the left rail. */
export type QueueCounts = Record<CaseQueue, number>;
