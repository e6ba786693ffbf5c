import type { ResourceTranslations } from '@sg/contracts';
import { ResourceAudience, ResourcePurpose } from '@sg/domain';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One entry of the resource directory (helplines, reporting and takedown services). */
@Entity({ name: 'resource_entry' })
// The partial index's predicate as PostgreSQL stores it (pg_indexes.indexdef).
@Index('resource_entry_jurisdiction_idx', ['jurisdiction'], { where: 'active' })
@Check('resource_entry_jurisdiction_check', `jurisdiction ~ '^([A-Z]{2}|ANY)$'`)
@Check('resource_entry_purpose_check', `purpose IN ('crisis', 'reporting', 'takedown', 'support', 'legal')`)
@Check('resource_entry_audiences_check', `cardinality(audiences) > 0`)
export class ResourceEntryRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text', unique: true }) key!: string;
  @Column({ type: 'text' }) jurisdiction!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) contact!: string;
  @Column({ type: 'text', nullable: true }) url!: string | null;
  @Column({ type: 'text' }) purpose!: ResourcePurpose;
  @Column({ type: 'text', array: true }) audiences!: ResourceAudience[];
  @Column({ name: 'sort_order', type: 'integer', default: 100 }) sortOrder!: number;
  @Column({ type: 'boolean', default: true }) active!: boolean;
  /** English: what the service is, and when to reach for it. */
  @Column({ type: 'text', nullable: true }) description!: string | null;
  @Column({ name: 'when_to_use', type: 'text', nullable: true }) whenToUse!: string | null;
  /** The other person languages' words, beside the English columns (see the migration for why). */
  @Column({ type: 'jsonb', default: {} }) translations!: ResourceTranslations;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
