import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StaffUser } from '../accounts/staff-user.entity';
import { SupportCase } from '../case-core/support-case.entity';

/** A takedown request: one URL or account on one platform, through one channel. */
@Entity({ name: 'takedown_request' })
@Index('takedown_request_case_idx', ['caseId', 'createdAt'])
// Not declarable in TypeORM (INCLUDE columns), so not synchronised; migration 1765400000000 built it as
// (submitted_at) INCLUDE (platform, removed_at, rejected_at) WHERE submitted_at IS NOT NULL.
@Index('takedown_request_submitted_idx', { synchronize: false })
// One live request per URL or account per platform. Not declarable in TypeORM (expressions), so not
// synchronised; migration 1765100000000 built it as UNIQUE (case_id, lower(btrim(platform)),
// lower(btrim(coalesce(url, ''))), lower(btrim(coalesce(account, '')))) WHERE status <> 'reappeared'.
@Index('takedown_request_target_key', { synchronize: false })
@Check('takedown_request_channel_check', `channel IN ('platform_form', 'take_it_down', 'stopncii', 'search_delisting', 'hosting_provider', 'law_enforcement')`)
@Check('takedown_request_status_check', `status IN ('draft', 'submitted', 'acknowledged', 'removed', 'rejected', 'escalated', 'reappeared')`)
@Check('takedown_request_target_check', `url IS NOT NULL OR account IS NOT NULL`)
export class TakedownRequestRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @ManyToOne(() => SupportCase, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'takedown_request_case_id_fkey' })
  supportCase?: SupportCase;
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
  @ManyToOne(() => TakedownRequestRow, { nullable: true, onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'previous_request_id', foreignKeyConstraintName: 'takedown_request_previous_request_id_fkey' })
  previousRequest?: TakedownRequestRow | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @ManyToOne(() => StaffUser, { nullable: true, onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'takedown_request_created_by_fkey' })
  creator?: StaffUser | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
  /** Set when a merge moved this row here: the case it came from (an unmerge moves it back). No foreign key (migration 1766815000000). */
  @Column({ name: 'origin_case_id', type: 'uuid', nullable: true }) originCaseId!: string | null;
}
