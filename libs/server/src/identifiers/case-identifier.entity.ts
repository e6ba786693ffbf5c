import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SupportCase } from '../case-core/support-case.entity';
import { CaseEvidenceRow } from '../case-core/case-children.entity';

/**
 * One offender identifier a case holds, in its normal form (see @sg/domain normaliseIdentifier):
 * the index behind "seen in N other cases" and search by identifier. Rows derived from the case's
 * records are rewritten with them; rows a caseworker entered (`entered`) are theirs to change.
 * A secret (a gift-card code) is stored as a keyed hash in `value`, its text sealed in `value_sealed`.
 */
@Entity({ name: 'case_identifier' })
@Index('case_identifier_match_idx', ['kind', 'value', 'caseId'])
@Index('case_identifier_case_idx', ['caseId'])
@Check(
  'case_identifier_kind_check',
  `kind IN ('handle', 'profile_url', 'user_id', 'email', 'phone', 'payment_account', 'transaction_id', 'crypto_wallet', 'gift_card')`,
)
@Check('case_identifier_source_check', `source IN ('platform', 'evidence', 'takedown')`)
export class CaseIdentifierRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId!: string;
  @ManyToOne(() => SupportCase, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'case_identifier_case_id_fkey' })
  supportCase?: SupportCase;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) value!: string;
  @Column({ name: 'value_sealed', type: 'bytea', nullable: true }) valueSealed!: Buffer | null;
  @Column({ type: 'text' }) source!: string;
  @Column({ name: 'evidence_id', type: 'uuid', nullable: true }) evidenceId!: string | null;
  @ManyToOne(() => CaseEvidenceRow, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evidence_id', foreignKeyConstraintName: 'case_identifier_evidence_id_fkey' })
  evidence?: CaseEvidenceRow;
  @Column({ type: 'boolean', default: false }) entered!: boolean;
  @Column({ name: 'added_at', type: 'timestamptz', default: () => 'now()' }) addedAt!: Date;
}
