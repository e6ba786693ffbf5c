import { AgeBand, ContactChannel, ContentPostedAnswer, Demand, IntakeChannel, Language, Priority, SelfHarmAnswer, Submitter, TriageFactor } from '@sg/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { StaffUser } from '../accounts/staff-user.entity';
import { CaseStatus } from './case-status';

/**
 * A person's case. `case` is an SQL keyword, hence `support_case`. Contact details are sealed
 * (AES-GCM, see DataProtection) and never selected by default, so list queries cannot leak them.
 */
@Entity({ name: 'support_case' })
// The CHECK constraints as the migrations wrote them (1763900000000-intake-and-cases.ts, 1765700000000-case-language.ts).
@Check('support_case_status_check', `status IN ('new', 'in_progress', 'waiting', 'resolved', 'closed')`)
@Check('support_case_priority_check', `priority IN ('emergency', 'urgent', 'high', 'standard')`)
@Check('support_case_priority_rank_check', `priority_rank BETWEEN 0 AND 3`)
@Check('support_case_triage_priority_check', `triage_priority IN ('emergency', 'urgent', 'high', 'standard')`)
@Check('support_case_priority_override_check', `priority_override IN ('emergency', 'urgent', 'high', 'standard')`)
@Check('support_case_submitted_by_check', `submitted_by IN ('victim', 'parent_or_guardian', 'trusted_adult', 'staff')`)
@Check('support_case_channel_check', `channel IN ('web', 'phone', 'chat', 'email')`)
@Check('support_case_age_band_check', `age_band IN ('under_13', '13_17', '18_plus', 'unknown')`)
@Check('support_case_country_check', `country ~ '^[A-Z]{2}$'`)
@Check('support_case_self_harm_check', `self_harm IN ('none', 'thoughts', 'plan_or_intent', 'prefer_not_to_say')`)
@Check('support_case_content_posted_check', `content_posted IN ('yes', 'no', 'unknown')`)
@Check('support_case_contact_channel_check', `contact_channel IN ('email', 'phone', 'sms', 'none')`)
@Check('support_case_language_check', `"language" IN ('en', 'ms', 'es')`)
// The queue indexes (1763900000000-intake-and-cases.ts, 1764000000000-case-work.ts): each view reads its first page,
// or a keyset page, from one index. A partial index's `where` is the predicate as PostgreSQL stores it (pg_indexes.indexdef).
@Index('support_case_unassigned_idx', ['priorityRank', 'firstResponseDueAt', 'id'], {
  where: `((assignee_id IS NULL) AND (status = ANY (ARRAY['new'::text, 'in_progress'::text, 'waiting'::text])))`,
})
@Index('support_case_waiting_idx', ['priorityRank', 'firstResponseDueAt', 'id'], { where: `(status = 'waiting'::text)` })
@Index('support_case_awaiting_response_idx', ['firstResponseDueAt', 'priorityRank', 'id'], {
  where: `((first_responded_at IS NULL) AND (status = ANY (ARRAY['new'::text, 'in_progress'::text, 'waiting'::text])))`,
})
@Index('support_case_all_idx', ['priorityRank', 'firstResponseDueAt', 'id'])
@Index('support_case_open_idx', ['priorityRank', 'firstResponseDueAt', 'id'], {
  where: `(status = ANY (ARRAY['new'::text, 'in_progress'::text, 'waiting'::text]))`,
})
// TypeORM can declare neither an INCLUDE list nor an operator class: these four are the migrations' alone
// (synchronize: false), their definitions here for the reader.
// (assignee_id, priority_rank, first_response_due_at, id) INCLUDE (status)
//   WHERE assignee_id IS NOT NULL AND status IN ('new', 'in_progress', 'waiting'): my cases
@Index('support_case_mine_idx', { synchronize: false })
// (priority_rank, created_at) INCLUDE (assignee_id, status) WHERE status IN ('new', 'in_progress', 'waiting'): queue health
@Index('support_case_open_health_idx', { synchronize: false })
// (created_at) INCLUDE (priority_rank, first_responded_at, first_response_due_at): trends (1765400000000-trends-indexes.ts)
@Index('support_case_created_trends_idx', { synchronize: false })
// (reference text_pattern_ops): search by the beginning of a reference
@Index('support_case_reference_prefix_idx', { synchronize: false })
// Case links (1766815000000-case-links.ts).
@Index('support_case_merged_into_idx', ['mergedInto'], { where: '(merged_into IS NOT NULL)' })
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
  @ManyToOne(() => StaffUser, { nullable: true, onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'priority_override_by', foreignKeyConstraintName: 'support_case_priority_override_by_fkey' })
  priorityOverrider?: StaffUser | null;
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
  @ManyToOne(() => StaffUser, { nullable: true, onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'assignee_id', foreignKeyConstraintName: 'support_case_assignee_id_fkey' })
  assignee?: StaffUser | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @ManyToOne(() => StaffUser, { nullable: true, onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'support_case_created_by_fkey' })
  creator?: StaffUser | null;
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
