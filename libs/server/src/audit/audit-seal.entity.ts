import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';

/** One link of the audit log's hash chain (audit-chain.ts); append-only, like the log. */
@Entity({ name: 'audit_seal' })
@Unique('audit_seal_audit_id_key', ['auditId'])
export class AuditSealRow {
  /** 1, 2, 3, …: the order the rows were sealed in, which the chain follows. */
  @PrimaryColumn({ type: 'bigint' }) position!: string;
  @Column({ name: 'audit_id', type: 'bigint' }) auditId!: string;
  /** SHA-256 (hex) of the row's personal payload as sealed: it survives the payload being purged. */
  @Column({ name: 'payload_hash', type: 'text' }) payloadHash!: string;
  @Column({ type: 'text' }) hash!: string;
  @Column({ name: 'sealed_at', type: 'timestamptz', default: () => 'now()' }) sealedAt!: Date;
}
