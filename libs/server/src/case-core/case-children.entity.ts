import { ActionPlanStepKey } from '@sg/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { StaffUser } from '../accounts/staff-user.entity';
import { SupportCase } from './support-case.entity';

/** An app or site involved, with the threatener's handle and profile there. */
@Entity({ name: 'case_platform' })
@Index('case_platform_case_idx', ['caseId'])
@Index('case_platform_url_idx', ['profileUrl'], { where: 'profile_url IS NOT NULL' })
// An expression index, lower(offender_handle) WHERE offender_handle IS NOT NULL: TypeORM cannot declare it.
@Index('case_platform_handle_idx', { synchronize: false })
export class CasePlatform {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @ManyToOne(() => SupportCase, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_platform_case_id_fkey' })
  supportCase?: SupportCase;
  @Column({ type: 'text' }) platform!: string;
  @Column({ name: 'offender_handle', type: 'text', nullable: true }) offenderHandle!: string | null;
  @Column({ name: 'profile_url', type: 'text', nullable: true }) profileUrl!: string | null;
  @Column({ name: 'added_at', type: 'timestamptz', default: () => 'now()' }) addedAt!: Date;
  /** Set when a merge moved this row here: the case it came from (an unmerge moves it back). */
  @Column({ name: 'origin_case_id', type: 'uuid', nullable: true }) originCaseId!: string | null;
}

/** Where content has been posted (a link only; never the content). */
@Entity({ name: 'case_content_url' })
@Index('case_content_url_case_idx', ['caseId'])
@Index('case_content_url_url_idx', ['url'])
export class CaseContentUrl {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @ManyToOne(() => SupportCase, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_content_url_case_id_fkey' })
  supportCase?: SupportCase;
  @Column({ type: 'text' }) url!: string;
  @Column({ name: 'added_at', type: 'timestamptz', default: () => 'now()' }) addedAt!: Date;
  /** Set when a merge moved this row here: the case it came from (an unmerge moves it back). */
  @Column({ name: 'origin_case_id', type: 'uuid', nullable: true }) originCaseId!: string | null;
}

/** One step of the personal action plan, as generated at intake, and whether it is done. */
@Entity({ name: 'case_plan_step' })
export class CasePlanStep {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @ManyToOne(() => SupportCase, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_plan_step_case_id_fkey' })
  supportCase?: SupportCase;
  @PrimaryColumn({ type: 'text' }) key!: ActionPlanStepKey;
  @Column({ type: 'smallint' }) position!: number;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'text' }) detail!: string;
  @Column({ type: 'boolean', default: false }) done!: boolean;
  @Column({ name: 'done_at', type: 'timestamptz', nullable: true }) doneAt!: Date | null;
}

export const CASE_EVENT_ACTORS = ['person', 'staff', 'system'] as const;
export type CaseEventActor = (typeof CASE_EVENT_ACTORS)[number];

/** The case timeline: everything that happened, append-only. */
@Entity({ name: 'case_event' })
@Index('case_event_case_idx', ['caseId', 'at'])
@Check('case_event_actor_kind_check', `actor_kind IN ('person', 'staff', 'system')`)
export class CaseEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @ManyToOne(() => SupportCase, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_event_case_id_fkey' })
  supportCase?: SupportCase;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at!: Date;
  @Column({ name: 'actor_kind', type: 'text' }) actorKind!: CaseEventActor;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'jsonb', default: {} }) data!: Record<string, unknown>;
  /** The entry's free text (the person's note on an addition), sealed (context `case_event:<case id>`); merged into `data` when read. */
  @Column({ type: 'bytea', nullable: true }) sealed!: Buffer | null;
}

/** A remembered submission: the same Idempotency-Key returns the same case, never a duplicate. */
@Entity({ name: 'idempotency_record' })
@Index('idempotency_record_created_idx', ['createdAt'])
export class IdempotencyRecord {
  @PrimaryColumn({ type: 'text' }) scope!: string;
  @PrimaryColumn({ type: 'text' }) key!: string;
  @Column({ name: 'request_hash', type: 'text' }) requestHash!: string;
  /** The original response, sealed: it holds the access code, which is never stored in clear. */
  @Column({ name: 'response_sealed', type: 'bytea', nullable: true }) responseSealed!: Buffer | null;
  @Column({ name: 'case_id', type: 'uuid', nullable: true }) caseId!: string | null;
  @ManyToOne(() => SupportCase, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'idempotency_record_case_id_fkey' })
  supportCase?: SupportCase | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}

/** A caseworker's note: internal, never shown to the person. */
@Entity({ name: 'case_note' })
@Index('case_note_case_idx', ['caseId', 'createdAt'])
@Check('case_note_body_present', `body IS NOT NULL OR body_sealed IS NOT NULL`)
export class CaseNoteRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @ManyToOne(() => SupportCase, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_note_case_id_fkey' })
  supportCase?: SupportCase;
  @Column({ name: 'author_id', type: 'uuid' }) authorId!: string;
  // The migration gives no ON DELETE: NO ACTION.
  @ManyToOne(() => StaffUser, { nullable: false, onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'case_note_author_id_fkey' })
  author?: StaffUser;
  /** Plain text of a note written before notes were sealed; the key job seals it and empties it. */
  @Column({ type: 'text', nullable: true }) body!: string | null;
  /** Sealed (context `case_note:<note id>`). */
  @Column({ name: 'body_sealed', type: 'bytea', nullable: true }) bodySealed!: Buffer | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}

/** Structured evidence: text and an optional browser-computed SHA-256, never a file. */
@Entity({ name: 'case_evidence' })
@Index('case_evidence_case_idx', ['caseId', 'addedAt'])
@Index('case_evidence_url_idx', ['profileUrl'], { where: 'profile_url IS NOT NULL' })
// An expression index, lower(offender_handle) WHERE offender_handle IS NOT NULL: TypeORM cannot declare it.
@Index('case_evidence_handle_idx', { synchronize: false })
@Check('case_evidence_kind_check', `kind IN ('offender_account', 'threat_message', 'payment', 'content_location', 'other')`)
@Check('case_evidence_sha256_check', `sha256 ~ '^[a-f0-9]{64}$'`)
@Check('case_evidence_description_present', `description IS NOT NULL OR description_sealed IS NOT NULL`)
export class CaseEvidenceRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @ManyToOne(() => SupportCase, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_evidence_case_id_fkey' })
  supportCase?: SupportCase;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text', nullable: true }) platform!: string | null;
  @Column({ name: 'offender_handle', type: 'text', nullable: true }) offenderHandle!: string | null;
  @Column({ name: 'profile_url', type: 'text', nullable: true }) profileUrl!: string | null;
  /** Plain text written before descriptions were sealed; the key job seals it and empties it. */
  @Column({ type: 'text', nullable: true }) description!: string | null;
  /** Sealed (context `case_evidence:<evidence id>`). */
  @Column({ name: 'description_sealed', type: 'bytea', nullable: true }) descriptionSealed!: Buffer | null;
  @Column({ name: 'payment_reference', type: 'text', nullable: true }) paymentReference!: string | null;
  @Column({ name: 'seen_at', type: 'timestamptz', nullable: true }) seenAt!: Date | null;
  @Column({ type: 'text', nullable: true }) sha256!: string | null;
  @Column({ name: 'file_name', type: 'text', nullable: true }) fileName!: string | null;
  @Column({ name: 'added_by', type: 'uuid' }) addedBy!: string;
  // The migration gives no ON DELETE: NO ACTION.
  @ManyToOne(() => StaffUser, { nullable: false, onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'added_by', foreignKeyConstraintName: 'case_evidence_added_by_fkey' })
  adder?: StaffUser;
  @Column({ name: 'added_at', type: 'timestamptz', default: () => 'now()' }) addedAt!: Date;
  /** Set when a merge moved this row here: the case it came from (an unmerge moves it back). */
  @Column({ name: 'origin_case_id', type: 'uuid', nullable: true }) originCaseId!: string | null;
}
