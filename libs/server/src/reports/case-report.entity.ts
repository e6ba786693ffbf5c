import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StaffUser } from '../accounts/staff-user.entity';
import { SupportCase } from '../case-core/support-case.entity';

/** A report to police, a cybercrime unit, the CyberTipline or a platform. */
@Entity({ name: 'case_report' })
@Index('case_report_case_idx', ['caseId', 'createdAt'])
// Not declarable in TypeORM (INCLUDE columns), so not synchronised; migration 1765400000000 built it as
// (filed_at) INCLUDE (agency_kind, status, acknowledged_at, closed_at) WHERE filed_at IS NOT NULL.
@Index('case_report_filed_idx', { synchronize: false })
@Check('case_report_agency_kind_check', `agency_kind IN ('police', 'cybercrime_unit', 'cybertipline', 'platform')`)
@Check('case_report_status_check', `status IN ('drafted', 'filed', 'acknowledged', 'actioned', 'no_action')`)
export class CaseReportRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @ManyToOne(() => SupportCase, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_report_case_id_fkey' })
  supportCase?: SupportCase;
  @Column({ name: 'agency_kind', type: 'text' }) agencyKind!: string;
  @Column({ name: 'agency_name', type: 'text' }) agencyName!: string;
  @Column({ name: 'reference_number', type: 'text', nullable: true }) referenceNumber!: string | null;
  @Column({ type: 'text', default: 'drafted' }) status!: string;
  @Column({ name: 'filed_at', type: 'timestamptz', nullable: true }) filedAt!: Date | null;
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true }) acknowledgedAt!: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @ManyToOne(() => StaffUser, { nullable: true, onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'case_report_created_by_fkey' })
  creator?: StaffUser | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
  /** Set when a merge moved this row here: the case it came from (an unmerge moves it back). No foreign key (migration 1766815000000). */
  @Column({ name: 'origin_case_id', type: 'uuid', nullable: true }) originCaseId!: string | null;
}
