import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FollowUpView, NotificationList, NotificationView } from '@sg/contracts';
import { FOLLOW_UP_KIND_LABELS, FollowUpKind } from '@sg/domain';
import { DataSource } from 'typeorm';
import { StaffPrincipal } from '../auth/staff-principal';
import { assertMayWorkCase } from '../cases/case-access-policy';
import { loadCaseState } from '../cases/case-detail.reader';
import { CASE_CHANGES_CHANNEL, notifyCaseChange } from '../cases/case-notifier';
import { recordAudit } from '../audit/record-audit';

const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);

/** The bell: fired follow-ups for the signed-in person, and the case's follow-up list. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(staff: StaffPrincipal, onlyOpen: boolean): Promise<NotificationList> {
    const rows = await this.dataSource.query(
      `SELECT n.id, n.kind, n.title, n.case_id, c.reference, f.due_at, n.created_at, n.done_at
         FROM notification n JOIN support_case c ON c.id = n.case_id JOIN follow_up f ON f.id = n.follow_up_id
        WHERE n.recipient_id = $1 ${onlyOpen ? 'AND n.done_at IS NULL' : ''}
        ORDER BY n.done_at IS NULL DESC, n.created_at DESC LIMIT 200`,
      [staff.id],
    );
    const [count] = await this.dataSource.query(`SELECT count(*)::int AS open FROM notification WHERE recipient_id = $1 AND done_at IS NULL`, [staff.id]);
    return { items: rows.map(toView), openCount: count.open };
  }

  /**
   * Done for everyone told: one person handling a follow-up is enough. Every bell it was in hears
   * of it, and the follow-up's case gets a timeline entry and an audit row.
   */
  async markDone(staff: StaffPrincipal, notificationId: string): Promise<NotificationView> {
    return this.dataSource.transaction(async (manager) => {
      const [notification] = await manager.query(`SELECT id, recipient_id, follow_up_id, case_id FROM notification WHERE id = $1`, [notificationId]);
      if (!notification) throw new NotFoundException('No notification with that id');
      if (notification.recipient_id !== staff.id) throw new ForbiddenException('This notification is for someone else');
      await manager.query(
        `WITH done AS (UPDATE notification SET done_at = now() WHERE follow_up_id = $1 AND done_at IS NULL RETURNING id, recipient_id)
         SELECT pg_notify($2, json_build_object('type', 'notification.changed', 'id', d.id, 'recipientId', d.recipient_id, 'at', now())::text) FROM done d`,
        [notification.follow_up_id, CASE_CHANGES_CHANNEL],
      );
      await recordAudit(manager, { actorId: staff.id, action: 'notification.done', caseId: notification.case_id, after: { notificationId, followUpId: notification.follow_up_id } });
      const [, changed] = await manager.query(
        `UPDATE follow_up SET status = 'done', done_at = now(), done_by = $2, updated_at = now() WHERE id = $1 AND status = 'fired'`,
        [notification.follow_up_id, staff.id],
      );
      if (changed) {
        const [subject] = await manager.query(`SELECT id, reference, priority, status, assignee_id AS "assigneeId" FROM support_case WHERE id = $1`, [notification.case_id]);
        await notifyCaseChange(manager, 'case.updated', subject);
        await manager.query(`INSERT INTO case_event (case_id, actor_kind, actor_id, kind, data) VALUES ($1, 'staff', $2, 'follow_up_done', $3)`, [
          notification.case_id,
          staff.id,
          JSON.stringify({ followUpId: notification.follow_up_id }),
        ]);
      }
      const [row] = await manager.query(
        `SELECT n.id, n.kind, n.title, n.case_id, c.reference, f.due_at, n.created_at, n.done_at
           FROM notification n JOIN support_case c ON c.id = n.case_id JOIN follow_up f ON f.id = n.follow_up_id WHERE n.id = $1`,
        [notificationId],
      );
      return toView(row);
    });
  }

  async followUps(staff: StaffPrincipal, caseId: string): Promise<FollowUpView[]> {
    const state = await loadCaseState(this.dataSource.manager, caseId, false);
    assertMayWorkCase(staff, state.assigneeId);
    // Every read of a case's parts is logged, like the case itself: one row per request.
    await recordAudit(this.dataSource.manager, { actorId: staff.id, action: 'follow_ups.read', caseId });
    const rows = await this.dataSource.query(
      `SELECT f.id, f.kind, f.due_at, f.status, f.subject_type, f.subject_id, f.fired_at, f.done_at,
              CASE f.subject_type WHEN 'case' THEN c.reference
                                  WHEN 'takedown' THEN t.platform || ': ' || coalesce(t.url, t.account)
                                  ELSE r.agency_name END AS subject_label
         FROM follow_up f
         JOIN support_case c ON c.id = f.case_id
         LEFT JOIN takedown_request t ON f.subject_type = 'takedown' AND t.id = f.subject_id
         LEFT JOIN case_report r ON f.subject_type = 'report' AND r.id = f.subject_id
        WHERE f.case_id = $1 ORDER BY f.due_at, f.id`,
      [caseId],
    );
    return rows.map((row: Record<string, never>) => ({
      id: row['id'],
      kind: row['kind'],
      label: FOLLOW_UP_KIND_LABELS[row['kind'] as FollowUpKind] ?? row['kind'],
      dueAt: iso(row['due_at']) as string,
      status: row['status'],
      subject: { type: row['subject_type'], id: row['subject_id'], label: row['subject_label'] },
      firedAt: iso(row['fired_at']),
      doneAt: iso(row['done_at']),
    }));
  }
}

function toView(row: Record<string, never>): NotificationView {
  return {
    id: row['id'],
    kind: row['kind'],
    title: row['title'],
    caseId: row['case_id'],
    caseReference: row['reference'],
    dueAt: iso(row['due_at']) as string,
    createdAt: iso(row['created_at']) as string,
    doneAt: iso(row['done_at']),
  };
}
