import { CaseStatus } from '../cases/case-lifecycle';

export type CaseRecordKind = 'takedown request' | 'report';

/**
 * Whether a case's takedown requests and reports may be added to or changed, by the case's
 * status; null when allowed, otherwise why not, in a caseworker's words.
 * - Closed: nothing changes until the case is reopened (closing cancelled every follow-up).
 * - Resolved: nothing new is started, but what exists can still be recorded: a removal, content
 *   that reappeared, an agency's reference or answer. The re-checks and report follow-ups a
 *   resolved case keeps are there to prompt exactly those updates.
 */
export function caseRecordChangeProblem(status: CaseStatus, change: 'add' | 'update', what: CaseRecordKind): string | null {
  if (status === 'closed') return `This case is closed: reopen it to ${change === 'add' ? 'add a' : 'change its'} ${what}${change === 'add' ? '' : 's'}.`;
  if (status === 'resolved' && change === 'add') return `This case is resolved: reopen it to add a new ${what}. Its existing ${what}s can still be updated.`;
  return null;
}
