import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StaffUser } from '../accounts/staff-user.entity';
import { SupportCase } from '../case-core/support-case.entity';

/** A planned follow-up, fired once by the worker at its due time. */
@Entity({ name: 'follow_up' })
@Index('follow_up_case_idx', ['caseId', 'dueAt'])
// The partial indexes' predicates as PostgreSQL stores them (pg_indexes.indexdef).
@Index('follow_up_due_idx', ['dueAt'], { where: `(status = 'scheduled'::text)` })
@Index('follow_up_fired_idx', ['firedAt'], { where: `(status = 'fired'::text)` })
@Index('follow_up_fired_case_idx', ['caseId'], { where: `(status = 'fired'::text)` })
@Check('follow_up_subject_type_check', `subject_type IN ('case', 'takedown', 'report')`)
@Check('follow_up_status_check', `status IN ('scheduled', 'fired', 'done', 'cancelled')`)
@Check('follow_up_audience_check', `audience IN ('assignee', 'supervisors', 'assignee_and_supervisors')`)
export class FollowUpRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @ManyToOne(() => SupportCase, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'follow_up_case_id_fkey' })
  supportCase?: SupportCase;
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
  @ManyToOne(() => StaffUser, { nullable: true, onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'done_by', foreignKeyConstraintName: 'follow_up_done_by_fkey' })
  doneByStaff?: StaffUser | null;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt!: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
  /** Set when a merge moved this row here: the case it came from (an unmerge moves it back). No foreign key (migration 1766815000000). */
  @Column({ name: 'origin_case_id', type: 'uuid', nullable: true }) originCaseId!: string | null;
}
