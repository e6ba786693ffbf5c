import { FollowUpKind } from '@sg/domain';
import * as z from 'zod';

/**
 * A fired follow-up, for the person who has to act (escalations: every supervisor).
 * `GET /api/notifications?status=open|all` → NotificationList; `POST /api/notifications/:id/done`.
 * Live: the events stream (`GET /api/events`) carries `notification.created` with `{ id, recipientId }`
 * when one arrives for someone, and `notification.changed` when one of theirs was done (by them or
 * by another person told of the same follow-up) or moved to a new holder of the case.
 */
export interface NotificationView {
  id: string;
  kind: FollowUpKind;
  title: string;
  caseId: string;
  caseReference: string;
  dueAt: string;
  createdAt: string;
  doneAt: string | null;
}

/** `GET /api/notifications?status=open|all` (default `open`). */
export const notificationListQuerySchema = z.strictObject({ status: z.enum(['open', 'all']).default('open') });
export type NotificationListQuery = z.output<typeof notificationListQuerySchema>;

export interface NotificationList {
  items: NotificationView[];
  openCount: number;
  /**
   * The person's messages this member of staff has not read, in the open cases they hold (and, for
   * supervisors and admins, those nobody holds): per reader, as the queue rows count them.
   */
  unreadMessages: { messages: number; cases: number };
}

export interface NotificationCreatedEvent {
  type: 'notification.created';
  id: string;
  recipientId: string;
  at: string;
}

/** One of `recipientId`'s notifications was done or handed over: their bell should read again. */
export interface NotificationChangedEvent {
  type: 'notification.changed';
  id: string;
  recipientId: string;
  at: string;
}

export type NotificationEvent = NotificationCreatedEvent | NotificationChangedEvent;
