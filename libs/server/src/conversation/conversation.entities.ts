import { MessageAuthor } from '@sg/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { StaffUser } from '../accounts/staff-user.entity';
import { SupportCase } from '../case-core/support-case.entity';

/** One message between the person and the organisation. The words are sealed (AES-GCM), never in clear. */
@Entity({ name: 'case_message' })
@Unique('case_message_client_message_key', ['caseId', 'clientMessageId'])
@Index('case_message_case_sent_idx', ['caseId', 'sentAt'])
@Check('case_message_nudge_status_check', `"nudge_status" IN ('pending', 'sent', 'undeliverable')`)
@Index('case_message_nudge_pending_idx', ['sentAt'], { where: `nudge_status = 'pending'` })
@Check('case_message_author_check', `("author_kind" = 'person' AND "author_id" IS NULL) OR ("author_kind" = 'staff' AND "author_id" IS NOT NULL)`)
export class CaseMessageRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @ManyToOne(() => SupportCase, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_message_case_id_fkey' })
  supportCase?: SupportCase;
  @Column({ name: 'author_kind', type: 'text' }) authorKind!: MessageAuthor;
  @Column({ name: 'author_id', type: 'uuid', nullable: true }) authorId!: string | null;
  @ManyToOne(() => StaffUser, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'case_message_author_id_fkey' })
  author?: StaffUser | null;
  /** Chosen by the sender's browser: a resend after a lost answer finds the first, never a second. */
  @Column({ name: 'client_message_id', type: 'uuid' }) clientMessageId!: string;
  @Column({ name: 'body_sealed', type: 'bytea' }) bodySealed!: Buffer;
  @Column({ name: 'sent_at', type: 'timestamptz', default: () => 'now()' }) sentAt!: Date;
  /** Staff messages: when the person first fetched the thread after it was sent. */
  @Column({ name: 'read_by_person_at', type: 'timestamptz', nullable: true }) readByPersonAt!: Date | null;
  /** Staff messages: whether the person is told through their channel (see the migration). */
  @Column({ name: 'nudge_status', type: 'text', nullable: true }) nudgeStatus!: 'pending' | 'sent' | 'undeliverable' | null;
  @Column({ name: 'nudged_at', type: 'timestamptz', nullable: true }) nudgedAt!: Date | null;
  /** Set when a merge moved this row here: the case it came from (an unmerge moves it back). */
  @Column({ name: 'origin_case_id', type: 'uuid', nullable: true }) originCaseId!: string | null;
}

/**
 * How far each staff member has read a case's conversation. Per person, not per case: a
 * supervisor reading the thread does not mark it read for the caseworker holding the case.
 */
@Entity({ name: 'case_message_read' })
export class CaseMessageReadRow {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @ManyToOne(() => SupportCase, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_message_read_case_id_fkey' })
  supportCase?: SupportCase;
  @PrimaryColumn({ name: 'staff_id', type: 'uuid' }) staffId!: string;
  @ManyToOne(() => StaffUser, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_id', foreignKeyConstraintName: 'case_message_read_staff_id_fkey' })
  staff?: StaffUser;
  @Column({ name: 'read_at', type: 'timestamptz' }) readAt!: Date;
}

/**
 * The person's short-lived access to their conversation, opened with reference + code so the code
 * is not sent with every poll. Only a hash of the token is kept; quick exit ends it.
 */
@Entity({ name: 'case_access_session' })
@Index('case_access_session_case_idx', ['caseId'])
export class CaseAccessSessionRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @ManyToOne(() => SupportCase, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_access_session_case_id_fkey' })
  supportCase?: SupportCase;
  @Column({ name: 'token_hash', type: 'text', unique: true }) tokenHash!: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt!: Date | null;
}

/** A staff intake's call notes or chat (by phone or chat), sealed like messages; one per case at most today. */
@Entity({ name: 'case_transcript' })
@Index('case_transcript_case_idx', ['caseId'])
export class CaseTranscriptRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @ManyToOne(() => SupportCase, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_transcript_case_id_fkey' })
  supportCase?: SupportCase;
  @Column({ name: 'body_sealed', type: 'bytea' }) bodySealed!: Buffer;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy!: string;
  @ManyToOne(() => StaffUser, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'case_transcript_recorded_by_fkey' })
  recorder?: StaffUser;
  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' }) recordedAt!: Date;
}
