import { ActionPlanStepKey } from '@sg/domain';
import { Check, Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** An app or site involved, with the threatener's handle and profile there. */
@Entity({ name: 'case_platform' })
export class CasePlatform {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ type: 'text' }) platform!: string;
  @Column({ name: 'offender_handle', type: 'text', nullable: true }) offenderHandle!: string | null;
  @Column({ name: 'profile_url', type: 'text', nullable: true }) profileUrl!: string | null;
  @Column({ name: 'added_at', type: 'timestamptz', default: () => 'now()' }) addedAt!: Date;
  /** Set when a merge moved this row here: the case it came from (an unmerge moves it back). */
  @Column({ name: 'origin_case_id', type: 'uuid', nullable: true }) originCaseId!: string | null;
}

/** Where content has been posted (a link only; never the content). */
@Entity({ name: 'case_content_url' })
export class CaseContentUrl {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ type: 'text' }) url!: string;
  @Column({ name: 'added_at', type: 'timestamptz', default: () => 'now()' }) addedAt!: Date;
  /** Set when a merge moved this row here: the case it came from (an unmerge moves it back). */
  @Column({ name: 'origin_case_id', type: 'uuid', nullable: true }) originCaseId!: string | null;
}

/** One step of the personal action plan, as generated at intake, and whether it is done. */
@Entity({ name: 'case_plan_step' })
export class CasePlanStep {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId!: string;
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
export class CaseEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
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
export class IdempotencyRecord {
  @PrimaryColumn({ type: 'text' }) scope!: string;
  @PrimaryColumn({ type: 'text' }) key!: string;
  @Column({ name: 'request_hash', type: 'text' }) requestHash!: string;
  /** The original response, sealed: it holds the access code, which is never stored in clear. */
  @Column({ name: 'response_sealed', type: 'bytea', nullable: true }) responseSealed!: Buffer | null;
  @Column({ name: 'case_id', type: 'uuid', nullable: true }) caseId!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}

/** A caseworker's note: internal, never shown to the person. */
@Entity({ name: 'case_note' })
@Check('case_note_body_present', `body IS NOT NULL OR body_sealed IS NOT NULL`)
export class CaseNoteRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ name: 'author_id', type: 'uuid' }) authorId!: string;
  /** Plain text of a note written before notes were sealed; the key job seals it and empties it. */
  @Column({ type: 'text', nullable: true }) body!: string | null;
  /** Sealed (context `case_note:<note id>`). */
  @Column({ name: 'body_sealed', type: 'bytea', nullable: true }) bodySealed!: Buffer | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
}

/** Structured evidence: text and an optional browser-computed SHA-256, never a file. */
@Entity({ name: 'case_evidence' })
@Check('case_evidence_description_present', `description IS NOT NULL OR description_sealed IS NOT NULL`)
export class CaseEvidenceRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
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
  @Column({ name: 'added_at', type: 'timestamptz', default: () => 'now()' }) addedAt!: Date;
  /** Set when a merge moved this row here: the case it came from (an unmerge moves it back). */
  @Column({ name: 'origin_case_id', type: 'uuid', nullable: true }) originCaseId!: string | null;
}
