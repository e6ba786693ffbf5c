import { AgeBand, ContactChannel, ContentPostedAnswer, Demand, IntakeChannel, Language, Priority, SelfHarmAnswer, Submitter, TriageFactor } from '@sg/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { CaseStatus } from './case-status';

/**
 * A person's case. `case` is an SQL keyword, hence `support_case`. Contact details are sealed
 * (AES-GCM, see DataProtection) and never selected by default, so list queries cannot leak them.
 */
@Entity({ name: 'support_case' })
@Check('support_case_language_check', `"language" IN ('en', 'ms', 'es')`)
@Index('support_case_merged_into_idx', ['mergedInto'], { where: 'merged_into IS NOT NULL' })
@Index('support_case_updated_idx', ['updatedAt', 'id'])
export class SupportCase {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text', unique: true }) reference!: string;
  @Column({ name: 'access_code_hash', type: 'text', select: false }) accessCodeHash!: string;
  @Column({ type: 'text', default: 'new' }) status!: CaseStatus;

  /** The priority in force: the override if there is one, else what triage computed. */
  @Column({ type: 'text' }) priority!: Priority;
  /** 0 = emergency ... 3 = standard: the queues sort on it. */
  @Column({ name: 'priority_rank', type: 'smallint' }) priorityRank!: number;
  @Column({ name: 'triage_priority', type: 'text' }) triagePriority!: Priority;
  @Column({ name: 'triage_factors', type: 'jsonb' }) triageFactors!: TriageFactor[];
  @Column({ name: 'triaged_at', type: 'timestamptz' }) triagedAt!: Date;
  @Column({ name: 'priority_override', type: 'text', nullable: true }) priorityOverride!: Priority | null;
  /** Plain only on a case written before reasons were sealed, until the key job seals it into `priorityOverrideReasonSealed`. */
  @Column({ name: 'priority_override_reason', type: 'text', nullable: true }) priorityOverrideReason!: string | null;
  /** Why staff overrode the priority, sealed (SEAL_CONTEXT.priorityOverride). */
  @Column({ name: 'priority_override_reason_sealed', type: 'bytea', nullable: true, select: false }) priorityOverrideReasonSealed!: Buffer | null;
  @Column({ name: 'priority_override_by', type: 'uuid', nullable: true }) priorityOverrideBy!: string | null;
  @Column({ name: 'priority_override_at', type: 'timestamptz', nullable: true }) priorityOverrideAt!: Date | null;
  @Column({ name: 'first_response_due_at', type: 'timestamptz' }) firstResponseDueAt!: Date;
  @Column({ name: 'first_responded_at', type: 'timestamptz', nullable: true }) firstRespondedAt!: Date | null;
  /** Set while the case waits on the person before first contact: the target is paused (case-work.service.ts). */
  @Column({ name: 'target_paused_at', type: 'timestamptz', nullable: true }) targetPausedAt!: Date | null;

  @Column({ name: 'submitted_by', type: 'text' }) submittedBy!: Submitter;
  @Column({ type: 'text' }) channel!: IntakeChannel;
  @Column({ type: 'text', nullable: true }) alias!: string | null;
  @Column({ name: 'age_band', type: 'text' }) ageBand!: AgeBand;
  @Column({ name: 'content_made_under_18', type: 'boolean', nullable: true }) contentMadeUnder18!: boolean | null;
  @Column({ type: 'text' }) country!: string;
  @Column({ name: 'self_harm', type: 'text' }) selfHarm!: SelfHarmAnswer;
  @Column({ name: 'immediate_danger', type: 'boolean' }) immediateDanger!: boolean;
  @Column({ name: 'deadline_at', type: 'timestamptz', nullable: true }) deadlineAt!: Date | null;
  @Column({ type: 'text', array: true }) demands!: Demand[];
  @Column({ name: 'content_posted', type: 'text' }) contentPosted!: ContentPostedAnswer;
  @Column({ name: 'still_in_contact', type: 'boolean', nullable: true }) stillInContact!: boolean | null;
  @Column({ type: 'boolean', nullable: true }) paid!: boolean | null;
  /** Plain text written before narratives were sealed; the key job seals it into `narrativeSealed` and empties it. */
  @Column({ type: 'text', nullable: true, select: false }) narrative!: string | null;
  /** The person's own words, sealed (context `case_narrative:<case id>`, security/seal-contexts.ts). */
  @Column({ name: 'narrative_sealed', type: 'bytea', nullable: true, select: false }) narrativeSealed!: Buffer | null;

  @Column({ name: 'contact_channel', type: 'text' }) contactChannel!: ContactChannel;
  @Column({ name: 'contact_sealed', type: 'bytea', nullable: true, select: false }) contactSealed!: Buffer | null;
  @Column({ name: 'consent_contact', type: 'boolean' }) consentContact!: boolean;
  @Column({ name: 'contact_declined', type: 'boolean', default: false }) contactDeclined!: boolean;
  /** The person's IANA time zone from their browser at intake, for reply times in their own time. */
  @Column({ name: 'person_time_zone', type: 'text', nullable: true }) personTimeZone!: string | null;
  /** The language the person reads: their nudges are in it, and /my-case can change it. */
  @Column({ type: 'text', default: 'en' }) language!: Language;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId!: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  /** A duplicate intake merged into its original (case-links/): it leaves the queues, its records live there. */
  @Column({ name: 'merged_into', type: 'uuid', nullable: true }) mergedInto!: string | null;
  @ManyToOne(() => SupportCase, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'merged_into', foreignKeyConstraintName: 'support_case_merged_into_fkey' })
  mergedIntoCase?: SupportCase | null;
  @Column({ name: 'merged_at', type: 'timestamptz', nullable: true }) mergedAt!: Date | null;
  /** The status the duplicate had when merged: an unmerge restores it. */
  @Column({ name: 'merged_status', type: 'text', nullable: true }) mergedStatus!: CaseStatus | null;
  @VersionColumn({ default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
