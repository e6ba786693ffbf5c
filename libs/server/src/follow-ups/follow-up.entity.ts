import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

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
