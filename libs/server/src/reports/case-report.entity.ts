import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A report to police, a cybercrime unit, the CyberTipline or a platform. */
@Entity({ name: 'case_report' })
export class CaseReportRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @Column({ name: 'agency_kind', type: 'text' }) agencyKind!: string;
  @Column({ name: 'agency_name', type: 'text' }) agencyName!: string;
  @Column({ name: 'reference_number', type: 'text', nullable: true }) referenceNumber!: string | null;
  @Column({ type: 'text', default: 'drafted' }) status!: string;
  @Column({ name: 'filed_at', type: 'timestamptz', nullable: true }) filedAt!: Date | null;
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true }) acknowledgedAt!: Date | null;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
  /** Set when a merge moved this row here: the case it came from (an unmerge moves it back). */
  @Column({ name: 'origin_case_id', type: 'uuid', nullable: true }) originCaseId!: string | null;
}
