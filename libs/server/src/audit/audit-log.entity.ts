import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Who read or changed what, and when. Append-only: a database trigger refuses updates and deletes. */
@Entity({ name: 'audit_log' })
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
}
