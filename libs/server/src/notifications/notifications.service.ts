import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NotificationList, NotificationView } from '@sg/contracts';
import { DataSource } from 'typeorm';
import { StaffPrincipal } from '../auth/staff-principal';
import { caseEventRepository } from '../case-core/case-event.repository';
import { notifyCaseChange } from '../case-core/case-notifier';
import { recordAudit } from '../audit/record-audit';
import { followUpRepository } from '../follow-ups/follow-up.repository';
import { NotificationListRow, notificationRepository } from './notification.repository';

/** An instant as ISO text; a column that cannot be null gives text, never null. */
function iso(value: Date): string;
function iso(value: Date | null): string | null;
function iso(value: Date | null): string | null {
  return value ? new Date(value).toISOString() : null;
}

/** The bell: fired follow-ups for the signed-in person. */
@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(staff: StaffPrincipal, onlyOpen: boolean): Promise<NotificationList> {
    const rows = await notificationRepository.list(this.dataSource, staff.id, onlyOpen);
    const openCount = await notificationRepository.openCount(this.dataSource, staff.id);
    const unreadMessages = await notificationRepository.unreadMessages(this.dataSource, staff.id, staff.role !== 'caseworker');
    return { items: rows.map(toView), openCount, unreadMessages };
  }

  /**
   * Done for everyone told: one person handling a follow-up is enough. Every bell it was in hears
   * of it, and the follow-up's case gets a timeline entry and an audit row.
   */
  async markDone(staff: StaffPrincipal, notificationId: string): Promise<NotificationView> {
    return this.dataSource.transaction(async (manager) => {
      const notification = await notificationRepository.target(manager, notificationId);
      if (!notification) throw new NotFoundException('No notification with that id');
      if (notification.recipient_id !== staff.id) throw new ForbiddenException('This notification is for someone else');
      await notificationRepository.closeForFollowUp(manager, notification.follow_up_id);
      await recordAudit(manager, {
        actorId: staff.id,
        action: 'notification.done',
        caseId: notification.case_id,
        after: { notificationId, followUpId: notification.follow_up_id },
      });
      const changed = await followUpRepository.markDone(manager, notification.follow_up_id, staff.id);
      if (changed) {
        const subject = await notificationRepository.announcedCase(manager, notification.case_id);
        if (subject) await notifyCaseChange(manager, 'case.updated', subject);
        await caseEventRepository.insert(manager, {
          caseId: notification.case_id,
          actorKind: 'staff',
          actorId: staff.id,
          event: { kind: 'follow_up_done', data: { followUpId: notification.follow_up_id } },
        });
      }
      const row = await notificationRepository.listed(manager, notificationId);
      if (!row) throw new NotFoundException('No notification with that id');
      return toView(row);
    });
  }
}

function toView(row: NotificationListRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    caseId: row.case_id,
    caseReference: row.reference,
    dueAt: iso(row.due_at),
    createdAt: iso(row.created_at),
    doneAt: iso(row.done_at),
  };
}
