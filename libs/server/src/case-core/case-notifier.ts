import { CaseChangeEvent, CaseEventType, ConversationMessageEvent } from '@sg/contracts';
import { EntityManager } from 'typeorm';
import { afterCommit } from '../database/after-commit';
import { liveAnnouncementsFor } from './live-announcements';

export const CASE_CHANGES_CHANNEL = 'case_changes';

/**
 * Announces a change to every API process (LISTEN/NOTIFY), once the caller's transaction has
 * committed (at once outside one): no event for a change that never happened, and the change's
 * commit never waits behind another's NOTIFY (database/after-commit.ts says why). Events committed
 * at the same moment go out in one statement (live-announcements.ts).
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

/** Any live event a case's change raises (a case change, a conversation message), on the one channel every process listens to, after commit. */
export async function announceLive(manager: EntityManager, event: CaseChangeEvent | ConversationMessageEvent): Promise<void> {
  const payload = JSON.stringify(event);
  await afterCommit(manager, (committed) => liveAnnouncementsFor(committed.connection, CASE_CHANGES_CHANNEL).send(committed, payload));
}
