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

/** A report to police, a cybercrime unit, the CyberTipline or a platform. */
@Entity({ name: 'case_report' })
export class CaseReportRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ name: 'agency_kind', type: 'text' }) agencyKind!: string;
  @Column({ name: 'agency_name', type: 'text' }) agencyName!: string;
  @Column({ name: 'reference_number', type: 'text', nullable: true }) referenceNumber!: string | null;
  @Column({ type: 'text', default: 'drafted' }) status!: string;
  @Column({ name: 'filed_at', type: 'timestamptz', nullable: true }) filedAt!: Date | null;
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true }) acknowledgedAt!: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
  /** Set when a merge moved this row here: the case it came from (an unmerge moves it back). */
  @Column({ name: 'origin_case_id', type: 'uuid', nullable: true }) originCaseId!: string | null;
}

/** A planned follow-up, fired once by the worker at its due time. */
@Entity({ name: 'follow_up' })
export class FollowUpRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ name: 'subject_type', type: 'text' }) subjectType!: string;
  @Column({ name: 'subject_id', type: 'uuid' }) subjectId!: string;
  @Column({ name: 'dedupe_key', type: 'text', unique: true }) dedupeKey!: string;
  @Column({ type: 'text' }) audience!: string;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt!: Date;
  /** Bumped on every (re)schedule; the job id carries it. */
  @Column({ type: 'integer', default: 1 }) revision!: number;
  /** The revision whose job is queued; null until the first enqueue. */
  @Column({ name: 'enqueued_revision', type: 'integer', nullable: true }) enqueuedRevision!: number | null;
  @Column({ type: 'text', default: 'scheduled' }) status!: string;
  @Column({ name: 'fired_at', type: 'timestamptz', nullable: true }) firedAt!: Date | null;
  @Column({ name: 'done_at', type: 'timestamptz', nullable: true }) doneAt!: Date | null;
  @Column({ name: 'done_by', type: 'uuid', nullable: true }) doneBy!: string | null;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt!: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
  /** Set when a merge moved this row here: the case it came from (an unmerge moves it back). */
  @Column({ name: 'origin_case_id', type: 'uuid', nullable: true }) originCaseId!: string | null;
}

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
