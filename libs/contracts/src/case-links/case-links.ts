import type { CaseStatus, Priority } from '@sg/domain';
import type { IdentifierKind } from '@sg/domain/identifiers';
import * as z from 'zod';
import { text } from '../fields/text';
import { CASE_LINK_LIMITS } from './case-link-limits';

/** The other case's reference, as the person and staff write it (`SG-XXXX-XXXX`). */
const referenceSchema = text({ error: () => 'is required' })
  .trim()
  .toUpperCase()
  .regex(/^SG-[0-9A-Z]{4}-[0-9A-Z]{4}$/, 'must look like SG-XXXX-XXXX');

const reasonSchema = text({ error: () => 'is required' })
  .trim()
  .min(CASE_LINK_LIMITS.reasonMin, 'must say why')
  .max(CASE_LINK_LIMITS.reasonMax, `must be at most ${CASE_LINK_LIMITS.reasonMax} characters`);

/** `POST /api/cases/:id/links`: link this case to another (reason required, audited). */
export const caseLinkSchema = z.strictObject({ reference: referenceSchema, reason: reasonSchema });
export type CaseLinkRequest = z.input<typeof caseLinkSchema>;

/** `POST /api/cases/:id/merge` (supervisors): this case is a duplicate of `reference`, its records move there. */
export const caseMergeSchema = z.strictObject({ reference: referenceSchema, reason: reasonSchema });
export type CaseMergeRequest = z.input<typeof caseMergeSchema>;

/** `POST /api/cases/:id/unmerge` (supervisors): the records that came from this case move back. */
export const caseUnmergeSchema = z.strictObject({ reason: reasonSchema });
export type CaseUnmergeRequest = z.input<typeof caseUnmergeSchema>;

/** `GET /api/clusters?limit=20&cursor=...` (supervisors). */
export const clusterListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(CASE_LINK_LIMITS.clusterPageMax).default(20),
  cursor: text().max(500).optional(),
});
export type ClusterListQuery = z.input<typeof clusterListQuerySchema>;

/** A case named on another case's page or in a cluster: only ever sent to staff who may open it. */
export interface LinkedCaseRef {
  id: string;
  reference: string;
  status: CaseStatus;
  priority: Priority;
}

/** One link of a case. `case` is null when the reader may not open the other case (they learn it exists, nothing more). */
export interface CaseLinkView {
  id: string;
  linkedAt: string;
  case: LinkedCaseRef | null;
  /** Why it was linked; null with `case` (the reason could say what the other case holds). */
  reason: string | null;
  linkedBy: string | null;
}

/** The links and merges of a case (`GET /api/cases/:id/links`). */
export interface CaseLinks {
  /** The links whose other case the reader may open. */
  links: CaseLinkView[];
  /** How many more links there are, to cases the reader may not open. */
  hiddenLinks: number;
  /** This case is a duplicate merged into that one (null `case`: one the reader may not open). */
  mergedInto: { mergedAt: string; case: LinkedCaseRef | null } | null;
  /** Duplicates merged into this case (supervisors see them; a caseworker sees only those they may open). */
  merged: Array<{ mergedAt: string; case: LinkedCaseRef }>;
}

/** A case in a cluster: what a supervisor compares at a glance. No contact details, no free text. */
export interface ClusterCase extends LinkedCaseRef {
  country: string;
  platforms: string[];
  createdAt: string;
  updatedAt: string;
}

/** An identifier held by two or more cases, with those cases. */
export interface IdentifierCluster {
  /** Opens the cluster (`GET /api/clusters/:key`); changes when the case records it came from are rewritten. */
  key: string;
  kind: IdentifierKind;
  /** The identifier in its normal form; a secret (a gift card) is `••••`. */
  value: string;
  caseCount: number;
  /** When the first and the latest case holding it arrived. */
  firstSeen: string;
  lastSeen: string;
  /** The latest change to any of its cases: the list's order, newest first. */
  lastActivityAt: string;
  platforms: string[];
  countries: string[];
  priorities: Priority[];
  /** The statuses its cases are in (resolved and closed are the outcomes). */
  outcomes: CaseStatus[];
  /** The newest cases first, up to CASE_LINK_LIMITS.clusterCasesInList in the list and all in the cluster's own page. */
  cases: ClusterCase[];
}

export interface ClusterListResponse {
  items: IdentifierCluster[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}
