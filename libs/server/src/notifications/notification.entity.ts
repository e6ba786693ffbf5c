import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What a fired follow-up tells one member of staff. */
@Entity({ name: 'notification' })
export class NotificationRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'recipient_id', type: 'uuid' }) recipientId!: string;
  @Column({ name: 'follow_up_id', type: 'uuid' }) followUpId!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) title!: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  /** Sent to the case's holder (not a supervisor): the holder's open notifications are closed with the case. */
  @Column({ name: 'as_holder', type: 'boolean', default: false }) asHolder!: boolean;
  @Column({ name: 'done_at', type: 'timestamptz', nullable: true }) doneAt!: Date | null;
}
