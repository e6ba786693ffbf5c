import { CaseStatus, Priority } from '@sg/domain';
import type { NotificationEvent } from '../notifications/notifications';

/**
 * `GET /api/events` (server-sent events, staff only): what changed, so queues update live.
 * Carries no personal details: the dashboard re-reads what it shows.
 */
export const CASE_EVENT_TYPES = ['case.created', 'case.updated', 'case.claimed', 'case.assigned'] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

export interface CaseChangeEvent {
  type: CaseEventType;
  caseId: string;
  reference: string;
  priority: Priority;
  status: CaseStatus;
  assigneeId: string | null;
  at: string;
}

/**
 * What a caseworker receives about a case they may not open (someone else holds it): only that
 * it changed, so their lists and counts still refresh. Same `type`, `caseId` and `at` as the
 * full event, so a client that only re-reads on any event needs no change.
 */
export interface CaseChangeSignal {
  type: CaseEventType | ConversationMessageEvent['type'];
  caseId: string;
  at: string;
}

/**
 * A message was written in a case's conversation. Carries no words: the staff page and the
 * person's page re-read the thread. On the staff stream it follows the same rule as case events
 * (a caseworker who may not open the case learns only that it changed); on the person's stream
 * (`GET /api/conversation/stream`) only their own case's messages arrive.
 */
export interface ConversationMessageEvent {
  type: 'conversation.message';
  caseId: string;
  reference: string;
  assigneeId: string | null;
  from: 'person' | 'staff';
  at: string;
}

/**
 * Everything on the one PostgreSQL channel every process listens to (case changes, conversation
 * messages, notifications); each stream picks what its reader may see.
 */
export type LiveMessage = CaseChangeEvent | ConversationMessageEvent | NotificationEvent;
