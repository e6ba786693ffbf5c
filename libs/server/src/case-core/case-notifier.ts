import { CaseChangeEvent, CaseEventType, ConversationMessageEvent } from '@sg/contracts';
import { EntityManager } from 'typeorm';
import { supportCaseRepository } from './support-case.repository';

export const CASE_CHANGES_CHANNEL = 'case_changes';

/**
 * Announces a change to every API process (LISTEN/NOTIFY). Sent inside the caller's transaction,
 * PostgreSQL delivers it only if the change commits: no event for a change that never happened.
 */
export async function notifyCaseChange(
  manager: EntityManager,
  type: CaseEventType,
  row: { id: string; reference: string; priority: CaseChangeEvent['priority']; status: CaseChangeEvent['status']; assigneeId: string | null },
): Promise<void> {
  await announceLive(manager, {
    type,
    caseId: row.id,
    reference: row.reference,
    priority: row.priority,
    status: row.status,
    assigneeId: row.assigneeId,
    at: new Date().toISOString(),
  });
}

/** Any live event a case's change raises (a case change, a conversation message), on the one channel every process listens to. */
export async function announceLive(manager: EntityManager, event: CaseChangeEvent | ConversationMessageEvent): Promise<void> {
  await supportCaseRepository.announce(manager, CASE_CHANGES_CHANNEL, JSON.stringify(event));
}
