import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { StaffUser } from '../accounts/staff-user.entity';
import { SupportCase } from '../case-core/support-case.entity';
import { FollowUpRow } from '../follow-ups/follow-up.entity';

/** What a fired follow-up tells one member of staff. */
@Entity({ name: 'notification' })
// Exactly once: however often a follow-up's job runs, each person is told once.
@Unique('notification_follow_up_id_recipient_id_key', ['followUpId', 'recipientId'])
// The partial indexes' predicates as PostgreSQL stores them (pg_indexes.indexdef).
@Index('notification_open_idx', ['recipientId', 'createdAt'], { where: `(done_at IS NULL)` })
@Index('notification_open_holder_idx', ['caseId'], { where: `((done_at IS NULL) AND as_holder)` })
export class NotificationRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'recipient_id', type: 'uuid' }) recipientId!: string;
  @ManyToOne(() => StaffUser, { nullable: false, onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'recipient_id', foreignKeyConstraintName: 'notification_recipient_id_fkey' })
  recipient?: StaffUser;
  @Column({ name: 'follow_up_id', type: 'uuid' }) followUpId!: string;
  @ManyToOne(() => FollowUpRow, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'follow_up_id', foreignKeyConstraintName: 'notification_follow_up_id_fkey' })
  followUp?: FollowUpRow;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @ManyToOne(() => SupportCase, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'notification_case_id_fkey' })
  supportCase?: SupportCase;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  /** Sent to the case's holder (not a supervisor): the holder's open notifications are closed with the case. */
  @Column({ name: 'as_holder', type: 'boolean', default: false }) asHolder!: boolean;
  @Column({ name: 'done_at', type: 'timestamptz', nullable: true }) doneAt!: Date | null;
}
