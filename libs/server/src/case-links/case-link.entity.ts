import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { StaffUser } from '../accounts/staff-user.entity';
import { SupportCase } from '../case-core/support-case.entity';

/**
 * Two cases a member of staff linked (the same offender, the same incident), with why. Stored once
 * per pair, the lower id first; unlinking deletes the row (the timelines and the audit log keep it).
 */
@Entity({ name: 'case_link' })
@Unique('case_link_pair_key', ['lowCaseId', 'highCaseId'])
@Check('case_link_order_check', `low_case_id < high_case_id`)
@Check('case_link_reason_present', `reason IS NOT NULL OR reason_sealed IS NOT NULL`)
@Index('case_link_high_idx', ['highCaseId'])
export class CaseLinkRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'low_case_id', type: 'uuid' }) lowCaseId!: string;
  @ManyToOne(() => SupportCase, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'low_case_id', foreignKeyConstraintName: 'case_link_low_case_id_fkey' })
  lowCase?: SupportCase;
  @Column({ name: 'high_case_id', type: 'uuid' }) highCaseId!: string;
  @ManyToOne(() => SupportCase, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'high_case_id', foreignKeyConstraintName: 'case_link_high_case_id_fkey' })
  highCase?: SupportCase;
  /** Plain only on a link written before reasons were sealed, until the key job (keys/reseal.ts) seals it. */
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  /** Why the cases were linked, sealed (SEAL_CONTEXT.link). */
  @Column({ name: 'reason_sealed', type: 'bytea', nullable: true }) reasonSealed!: Buffer | null;
  @Column({ name: 'linked_by', type: 'uuid' }) linkedBy!: string;
  @ManyToOne(() => StaffUser, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'linked_by', foreignKeyConstraintName: 'case_link_linked_by_fkey' })
  linker?: StaffUser;
  @Column({ name: 'linked_at', type: 'timestamptz', default: () => 'now()' }) linkedAt!: Date;
}
