import { CaseStatus, FollowUpKind, Priority } from '@sg/domain';
import { DataSource, EntityManager } from 'typeorm';
import { CASE_CHANGES_CHANNEL } from '../case-core/case-notifier';

/** A notification as the bell lists it: with its case's reference and its follow-up's due time. */
export interface NotificationListRow {
  id: string;
  kind: FollowUpKind;
  title: string;
  case_id: string;
  reference: string;
  due_at: Date;
  created_at: Date;
  done_at: Date | null;
}

/** Who a notification is for, and what it is about. */
export interface NotificationTargetRow {
  id: string;
  recipient_id: string;
  follow_up_id: string;
  case_id: string;
}

/** A case as a `case.updated` announcement needs it. */
export interface AnnouncedCaseRow {
  id: string;
  reference: string;
  priority: Priority;
  status: CaseStatus;
  assigneeId: string | null;
}

/** Notification SQL: the bell, marking follow-ups done, and notifications following a case's holder. */
export const notificationRepository = {
  /** The person's notifications (only the open ones when `onlyOpen`), open first, newest first, at most 200. */
  list(dataSource: DataSource, recipientId: string, onlyOpen: boolean): Promise<NotificationListRow[]> {
    return dataSource.query<NotificationListRow[]>(
      `SELECT n.id, n.kind, n.title, n.case_id, c.reference, f.due_at, n.created_at, n.done_at
         FROM notification n JOIN support_case c ON c.id = n.case_id JOIN follow_up f ON f.id = n.follow_up_id
        WHERE n.recipient_id = $1 ${onlyOpen ? 'AND n.done_at IS NULL' : ''}
        ORDER BY n.done_at IS NULL DESC, n.created_at DESC LIMIT 200`,
      [recipientId],
    );
  },

  /** How many of the person's notifications are open (the bell's badge). */
  async openCount(dataSource: DataSource, recipientId: string): Promise<number> {
    const rows = await dataSource.query<Array<{ open: number }>>(`SELECT count(*)::int AS open FROM notification WHERE recipient_id = $1 AND done_at IS NULL`, [
      recipientId,
    ]);
    return rows[0]?.open ?? 0;
  },

  /**
   * The person's unread messages in the cases this member of staff is answering for: the ones they
   * hold and, for supervisors and admins, the ones nobody holds (the bell's second line).
   */
  async unreadMessages(dataSource: DataSource, staffId: string, includeUnheld: boolean): Promise<{ messages: number; cases: number }> {
    const rows = await dataSource.query<Array<{ messages: number; cases: number }>>(
      `SELECT count(*)::int AS messages, count(DISTINCT m.case_id)::int AS cases
         FROM support_case c
         JOIN case_message m ON m.case_id = c.id AND m.author_kind = 'person'
         LEFT JOIN case_message_read r ON r.case_id = c.id AND r.staff_id = $1
        WHERE c.status IN ('new', 'in_progress', 'waiting') AND (c.assignee_id = $1 OR ($2 AND c.assignee_id IS NULL))
          AND m.sent_at > COALESCE(r.read_at, '-infinity')`,
      [staffId, includeUnheld],
    );
    return rows[0] ?? { messages: 0, cases: 0 };
  },

  /** One notification as the bell lists it; null when there is none with that id. */
  async listed(manager: EntityManager, notificationId: string): Promise<NotificationListRow | null> {
    const rows = await manager.query<NotificationListRow[]>(
      `SELECT n.id, n.kind, n.title, n.case_id, c.reference, f.due_at, n.created_at, n.done_at
           FROM notification n JOIN support_case c ON c.id = n.case_id JOIN follow_up f ON f.id = n.follow_up_id WHERE n.id = $1`,
      [notificationId],
    );
    return rows[0] ?? null;
  },

  /** Who a notification is for and its follow-up and case, to check a change to it; null when there is none. */
  async target(manager: EntityManager, notificationId: string): Promise<NotificationTargetRow | null> {
    const rows = await manager.query<NotificationTargetRow[]>(`SELECT id, recipient_id, follow_up_id, case_id FROM notification WHERE id = $1`, [
      notificationId,
    ]);
    return rows[0] ?? null;
  },

  /**
   * Closes every open notification of a follow-up (one person handling it is enough) and
   * announces each, so every bell it was in hears of it when the transaction commits.
   */
  async closeForFollowUp(manager: EntityManager, followUpId: string): Promise<void> {
    await manager.query(
      `WITH done AS (UPDATE notification SET done_at = now() WHERE follow_up_id = $1 AND done_at IS NULL RETURNING id, recipient_id)
         SELECT pg_notify($2, json_build_object('type', 'notification.changed', 'id', d.id, 'recipientId', d.recipient_id, 'at', now())::text) FROM done d`,
      [followUpId, CASE_CHANGES_CHANNEL],
    );
  },

  /**
   * The case a notification is about, as a `case.updated` announcement needs it. Read here because
   * no case repository exists yet; it moves there when one does.
   */
  async announcedCase(manager: EntityManager, caseId: string): Promise<AnnouncedCaseRow | null> {
    const rows = await manager.query<AnnouncedCaseRow[]>(
      `SELECT id, reference, priority, status, assignee_id AS "assigneeId" FROM support_case WHERE id = $1`,
      [caseId],
    );
    return rows[0] ?? null;
  },
};
