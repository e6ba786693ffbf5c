import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A takedown request: one URL or account on one platform, through one channel. */
@Entity({ name: 'takedown_request' })
export class TakedownRequestRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ type: 'text' }) platform!: string;
  @Column({ type: 'text', nullable: true }) url!: string | null;
  @Column({ type: 'text', nullable: true }) account!: string | null;
  @Column({ type: 'text' }) channel!: string;
  @Column({ type: 'text', default: 'draft' }) status!: string;
  @Column({ name: 'ticket_number', type: 'text', nullable: true }) ticketNumber!: string | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true }) acknowledgedAt!: Date | null;
  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true }) removedAt!: Date | null;
  @Column({ name: 'rejected_at', type: 'timestamptz', nullable: true }) rejectedAt!: Date | null;
  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true }) escalatedAt!: Date | null;
  @Column({ name: 'reappeared_at', type: 'timestamptz', nullable: true }) reappearedAt!: Date | null;
  @Column({ name: 'previous_request_id', type: 'uuid', nullable: true }) previousRequestId!: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
  /** Set when a merge moved this row here: the case it came from (an unmerge moves it back). */
  @Column({ name: 'origin_case_id', type: 'uuid', nullable: true }) originCaseId!: string | null;
}
