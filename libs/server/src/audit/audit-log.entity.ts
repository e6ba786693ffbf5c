import { Check, Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who read or changed what, and when. Append-only: a database trigger refuses updates and deletes. */
@Entity({ name: 'audit_log' })
// A sealed payload always has its hash (the chain links the hash): migration 1766845000000.
@Check('audit_log_sealed_has_hash', `(payload_sealed IS NULL) = (payload_hash IS NULL)`)
export class AuditLogEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at!: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId!: string | null;
  @Column({ type: 'text' }) action!: string;
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
