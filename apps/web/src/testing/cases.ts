import type { CaseChangeEvent, CaseDetail, CaseFactsView, CaseListItem } from '@sg/contracts';

/**
 * For component and store specs: a whole `CaseDetail` (a quiet, unassigned, new case with nothing
 * recorded yet), with what the spec is about given in `over`. A spec names only what it tests and
 * the compiler still checks the rest against the contract, instead of `{ ... } as CaseDetail`.
 */
export function caseDetail(over: Partial<CaseDetail> = {}): CaseDetail {
  return {
    id: 'c1',
    reference: 'SG-AAAA-BBBB',
    version: 1,
    status: 'new',
    allowedTransitions: [],
    priority: 'standard',
    triagePriority: 'standard',
    triageFactors: [],
    priorityOverride: null,
    firstResponseDueAt: '2026-11-22T12:00:00Z',
    firstRespondedAt: null,
    assignee: null,
    createdAt: '2026-11-22T11:00:00Z',
    updatedAt: '2026-11-22T11:00:00Z',
    facts: caseFacts(),
    language: 'en',
    contact: { channel: 'none', consentToContact: false, hasDetails: false },
    platforms: [],
    contentUrls: [],
    actionPlan: [],
    evidence: [],
    notes: [],
    timeline: [],
    identifiers: [],
    ...over,
  };
}

/** The facts of `caseDetail()`: an adult in the US, writing on the web, nothing paid or posted. */
export function caseFacts(over: Partial<CaseFactsView> = {}): CaseFactsView {
  return {
    submittedBy: 'victim',
    channel: 'web',
    alias: null,
    ageBand: '18_plus',
    contentMadeUnder18: false,
    country: 'US',
    selfHarm: 'none',
    immediateDanger: false,
    deadlineAt: null,
    demands: [],
    contentPosted: 'no',
    stillInContact: false,
    paid: false,
    narrative: null,
    ...over,
  };
}

/** A queue row for `caseDetail()`'s case, with `over` on top. */
export function caseListItem(over: Partial<CaseListItem> = {}): CaseListItem {
  return {
    id: 'c1',
    reference: 'SG-AAAA-BBBB',
    priority: 'standard',
    status: 'new',
    assignee: null,
    createdAt: '2026-11-22T11:00:00Z',
    firstResponseDueAt: '2026-11-22T12:00:00Z',
    firstRespondedAt: null,
    deadlineAt: null,
    triageFactors: [],
    ageBand: '18_plus',
    country: 'US',
    version: 1,
    unreadMessages: 0,
    seenInOtherCases: 0,
    ...over,
  };
}

/** A live-stream change to `caseDetail()`'s case, with `over` on top. */
export function caseChange(over: Partial<CaseChangeEvent> = {}): CaseChangeEvent {
  return {
    type: 'case.updated',
    caseId: 'c1',
    reference: 'SG-AAAA-BBBB',
    priority: 'standard',
    status: 'new',
    assigneeId: null,
    at: '2026-11-22T11:00:00Z',
    ...over,
  };
}
