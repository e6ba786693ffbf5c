import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { Organisation } from '../accounts/organisation.entity';
import { StaffUser } from '../accounts/staff-user.entity';
import { SupportCase } from '../case-core/support-case.entity';

/** How long the organisation keeps finished cases (retention.repository.ts); absent while it has not chosen. */
@Entity({ name: 'organisation_retention' })
@Check('organisation_retention_days_range', `closed_case_days BETWEEN 30 AND 3650`)
export class OrganisationRetentionRow {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'organisation_retention_organisation_id_fkey' })
  organisation?: Organisation;
  /** Days after the last activity on a resolved or closed case; null: not chosen, nothing purged by age. */
  @Column({ name: 'closed_case_days', type: 'integer', nullable: true }) closedCaseDays!: number | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @ManyToOne(() => StaffUser, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'updated_by', foreignKeyConstraintName: 'organisation_retention_updated_by_fkey' })
  updater?: StaffUser | null;
}

/** A case on legal hold: never purged while this row exists. */
@Entity({ name: 'case_legal_hold' })
@Check('case_legal_hold_reason_present', `(reason IS NOT NULL AND length(btrim(reason)) > 0) OR reason_sealed IS NOT NULL`)
export class CaseLegalHoldRow {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @ManyToOne(() => SupportCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_legal_hold_case_id_fkey' })
  supportCase?: SupportCase;
  /** Plain: only on a row written before reasons were sealed, until the key job (keys/reseal.ts) seals it. */
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  /** The reason, sealed (SEAL_CONTEXT.legalHold). */
  @Column({ name: 'reason_sealed', type: 'bytea', nullable: true }) reasonSealed!: Buffer | null;
  @Column({ name: 'placed_by', type: 'uuid', nullable: true }) placedBy!: string | null;
  @ManyToOne(() => StaffUser, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'placed_by', foreignKeyConstraintName: 'case_legal_hold_placed_by_fkey' })
  placer?: StaffUser | null;
  @Column({ name: 'placed_at', type: 'timestamptz', default: () => 'now()' }) placedAt!: Date;
}

/** The person asked to delete their case; carried out after `executeAfter` unless the case is on hold. */
@Entity({ name: 'case_deletion_request' })
@Index('case_deletion_request_due_idx', ['executeAfter'])
export class CaseDeletionRequestRow {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @ManyToOne(() => SupportCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_deletion_request_case_id_fkey' })
  supportCase?: SupportCase;
  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' }) requestedAt!: Date;
  @Column({ name: 'execute_after', type: 'timestamptz' }) executeAfter!: Date;
}

/** What Trends counts of a purged case; no identifier, free text or contact. */
@Entity({ name: 'purged_case' })
@Index('purged_case_created_idx', ['createdAt'])
@Check('purged_case_priority_rank_range', `priority_rank BETWEEN 0 AND 3`)
@Check('purged_case_reason_check', `purge_reason IN ('retention', 'person_request')`)
export class PurgedCaseRow {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'priority_rank', type: 'smallint' }) priorityRank!: number;
  @Column({ name: 'first_response_due_at', type: 'timestamptz' }) firstResponseDueAt!: Date;
  @Column({ name: 'first_responded_at', type: 'timestamptz', nullable: true }) firstRespondedAt!: Date | null;
  @Column({ name: 'purged_at', type: 'timestamptz', default: () => 'now()' }) purgedAt!: Date;
  @Column({ name: 'purge_reason', type: 'text' }) purgeReason!: 'retention' | 'person_request';
}

/** A purged case's takedown request, as Trends counts it. */
@Entity({ name: 'purged_takedown' })
@Index('purged_takedown_submitted_idx', ['submittedAt'])
export class PurgedTakedownRow {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'text' }) platform!: string;
  @Column({ name: 'submitted_at', type: 'timestamptz' }) submittedAt!: Date;
  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true }) removedAt!: Date | null;
  @Column({ name: 'rejected_at', type: 'timestamptz', nullable: true }) rejectedAt!: Date | null;
}

/** A purged case's report to an agency, as Trends counts it. */
@Entity({ name: 'purged_report' })
@Index('purged_report_filed_idx', ['filedAt'])
export class PurgedReportRow {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'agency_kind', type: 'text' }) agencyKind!: string;
  @Column({ type: 'text' }) status!: string;
  @Column({ name: 'filed_at', type: 'timestamptz' }) filedAt!: Date;
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true }) acknowledgedAt!: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
}

export const RETENTION_ENTITIES = [OrganisationRetentionRow, CaseLegalHoldRow, CaseDeletionRequestRow, PurgedCaseRow, PurgedTakedownRow, PurgedReportRow];
