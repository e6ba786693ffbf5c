/**
 * The queues in the dashboard's left rail. `all` (supervisors and admins) is every open case, or
 * with a `status` filter every case in that status (e.g. closed).
 */
export const CASE_QUEUES = ['unassigned', 'mine', 'waiting', 'overdue', 'all'] as const;
export type CaseQueue = (typeof CASE_QUEUES)[number];

/**
 * What `GET /api/cases` can list: a queue, or `search`, which is every case the caller may see
 * (supervisors and admins: all of them, any status; caseworkers: unassigned ones and their own)
 * and needs `q`. The top bar's search uses it, so a case is found whatever queue is on screen.
 */
export const CASE_LIST_SCOPES = [...CASE_QUEUES, 'search'] as const;
export type CaseListScope = (typeof CASE_LIST_SCOPES)[number];

/** Which lateness `overdue=` keeps: the first response, or a follow-up (fired and not done, or scheduled past due). */
export const CASE_OVERDUE_KINDS = ['first_response', 'follow_up'] as const;
export type CaseOverdueKind = (typeof CASE_OVERDUE_KINDS)[number];
