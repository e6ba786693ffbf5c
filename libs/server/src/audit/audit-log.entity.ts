import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { StaffUser } from '../accounts/staff-user.entity';

/** Who read or changed what, and when. Append-only: a database trigger refuses updates and deletes. */
@Entity({ name: 'audit_log' })
@Index('audit_log_case_idx', ['caseId', 'at'])
@Index('audit_log_target_idx', ['targetKind', 'targetId', 'at'], { where: 'target_id IS NOT NULL' })
// A sealed payload always has its hash (the chain links the hash): migration 1766845000000.
@Check('audit_log_sealed_has_hash', `(payload_sealed IS NULL) = (payload_hash IS NULL)`)
export class AuditLogEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at!: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId!: string | null;
  // The migration gives no ON DELETE: NO ACTION.
  @ManyToOne(() => StaffUser, { nullable: true, onDelete: 'NO ACTION' })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'audit_log_actor_id_fkey' })
  actor?: StaffUser | null;
  @Column({ type: 'text' }) action!: string;
  /** No foreign key: the trail must outlive a case deleted under the retention policy. */
  @Column({ name: 'case_id', type: 'uuid', nullable: true }) caseId!: string | null;
  @Column({ name: 'target_kind', type: 'text', nullable: true }) targetKind!: string | null;
  @Column({ name: 'target_id', type: 'uuid', nullable: true }) targetId!: string | null;
  @Column({ type: 'jsonb', nullable: true }) before!: unknown;
  @Column({ type: 'jsonb', nullable: true }) after!: unknown;
  /** The whole payload when it holds staff-typed free text, sealed to the row (audit-free-text.ts); `before`/`after` then hold that text as null. */
  @Column({ name: 'payload_sealed', type: 'bytea', nullable: true }) payloadSealed!: Buffer | null;
  /** The salted hash of that payload's plaintext, fixed when written: what the chain links (audit-chain.ts). */
  @Column({ name: 'payload_hash', type: 'text', nullable: true }) payloadHash!: string | null;
}
