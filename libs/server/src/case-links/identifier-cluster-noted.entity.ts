import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An identifier whose cluster row a committed change may have made stale, noted by the triggers
 * (migration 1766860000000-identifier-cluster-noted) and removed by the refresh that recomputes it
 * (`identifier_cluster_refresh_noted`, run by cluster-refresher.ts and before every cluster read).
 */
@Entity({
  name: 'identifier_cluster_noted',
  comment: 'Identifiers whose cluster row a committed change may have made stale: identifier_cluster_refresh_noted recomputes and removes them',
})
export class IdentifierClusterNotedRow {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS', primaryKeyConstraintName: 'identifier_cluster_noted_pkey' })
  id!: string;
  @Column({ type: 'text' }) kind!: string;
  /** As the index stores it (a secret's keyed hash). */
  @Column({ type: 'text' }) value!: string;
}
