import { FollowUpKind } from '@sg/domain';

/**
 * A fired follow-up, for the person who has to act (escalations: every supervisor).
 * `GET /api/notifications?status=open|all` → NotificationList; `POST /api/notifications/:id/done`.
 * Live: the events stream (`GET /api/events`) carries `notification.created` with `{ id, recipientId }`.
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

export interface NotificationList {
  items: NotificationView[];
  openCount: number;
}

export interface NotificationCreatedEvent {
  type: 'notification.created';
  id: string;
  recipientId: string;
  at: string;
}
